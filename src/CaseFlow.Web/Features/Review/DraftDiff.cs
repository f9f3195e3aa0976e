namespace CaseFlow.Web.Features.Review;

/// <summary>
/// What changed between two versions of a draft reply, for the legal adviser who reviewed the earlier one: first by
/// line, then, inside the lines that changed, by word. Chinese has no spaces between words, so a "word" is one CJK
/// character, a run of Latin letters or digits, a run of spaces, or one punctuation mark — the adviser sees
/// 第三十二条 → 第三十七条 as one changed character, not a changed line.
/// The comparison is a longest common subsequence on what remains after the common start and end are cut off; a
/// changed block too large for it (drafts may hold 100,000 characters) is shown as removed and added whole.
/// </summary>
public static class DraftDiff
{
    public enum Kind { Same, Added, Removed }

    public sealed record Segment(Kind Kind, string Text);

    /// <summary>The cells of one comparison table (rows × columns) beyond which a block is not compared further.</summary>
    private const long MaxCells = 2_000_000;

    public static IReadOnlyList<Segment> Compare(string before, string after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        // A draft typed in a page arrives with CR LF, one sent through the API often with LF: not a change.
        before = before.ReplaceLineEndings("\n");
        after = after.ReplaceLineEndings("\n");
        var result = new List<Segment>();
        var removed = new List<string>();
        var added = new List<string>();
        foreach (var (kind, line) in Diff(Lines(before), Lines(after)))
        {
            if (kind == Kind.Removed) { removed.Add(line); continue; }
            if (kind == Kind.Added) { added.Add(line); continue; }
            Changed(result, removed, added);
            removed.Clear();
            added.Clear();
            Add(result, Kind.Same, line);
        }
        Changed(result, removed, added);
        return result;
    }

    /// <summary>How many places text was added and removed (a summary above the comparison).</summary>
    public static (int Added, int Removed) Count(IReadOnlyList<Segment> segments) =>
        (segments.Count(s => s.Kind == Kind.Added), segments.Count(s => s.Kind == Kind.Removed));

    /// <summary>Lines of a changed block: the most alike removed and added lines are paired and compared word by word
    /// (as difflib does), the blocks before and after that pair likewise; lines with no counterpart that shares at
    /// least half its characters are removed or added whole. Pairing lines keeps a word change from being matched
    /// against a line the officer added below it.</summary>
    private static void Changed(List<Segment> result, List<string> removed, List<string> added)
    {
        if (removed.Count == 0 && added.Count == 0) return;
        var (bestI, bestJ, best) = (-1, -1, 0.0);
        if ((long)removed.Count * added.Count <= MaxPairs)
        {
            var addedChars = added.Select(CharCounts).ToList();
            for (var i = 0; i < removed.Count; i++)
            {
                var r = CharCounts(removed[i]);
                for (var j = 0; j < added.Count; j++)
                {
                    var ratio = Similarity(r, removed[i].Length, addedChars[j], added[j].Length);
                    if (ratio > best) (bestI, bestJ, best) = (i, j, ratio);
                }
            }
        }
        if (best < 0.5)
        {
            foreach (var line in removed) Add(result, Kind.Removed, line);
            foreach (var line in added) Add(result, Kind.Added, line);
            return;
        }
        Changed(result, removed[..bestI], added[..bestJ]);
        foreach (var (kind, word) in Diff(Words(removed[bestI]), Words(added[bestJ]))) Add(result, kind, word);
        Changed(result, removed[(bestI + 1)..], added[(bestJ + 1)..]);
    }

    /// <summary>The lines of a changed block beyond which they are not paired (each pair is compared character by character).</summary>
    private const long MaxPairs = 2_500;

    private static Dictionary<char, int> CharCounts(string line)
    {
        var counts = new Dictionary<char, int>();
        foreach (var c in line) counts[c] = counts.GetValueOrDefault(c) + 1;
        return counts;
    }

    /// <summary>2 × the characters two lines share (as multisets) ÷ their total length: 1 for equal lines, 0 for disjoint.</summary>
    private static double Similarity(Dictionary<char, int> a, int lengthA, Dictionary<char, int> b, int lengthB)
    {
        if (lengthA + lengthB == 0) return 1;
        var common = 0;
        foreach (var (c, n) in a) common += Math.Min(n, b.GetValueOrDefault(c));
        return 2.0 * common / (lengthA + lengthB);
    }

    private static void Add(List<Segment> result, Kind kind, string text)
    {
        if (text.Length == 0) return;
        if (result.Count > 0 && result[^1].Kind == kind) result[^1] = result[^1] with { Text = result[^1].Text + text };
        else result.Add(new Segment(kind, text));
    }

    /// <summary>Lines with their line break, so joining the pieces gives the text back.</summary>
    internal static List<string> Lines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\n') continue;
            lines.Add(text[start..(i + 1)]);
            start = i + 1;
        }
        if (start < text.Length) lines.Add(text[start..]);
        return lines;
    }

    internal static List<string> Words(string text)
    {
        var words = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            var c = text[i];
            if (char.IsLetterOrDigit(c) && c < 0x2E80)
                while (i < text.Length && char.IsLetterOrDigit(text[i]) && text[i] < 0x2E80) i++;
            else if (c is ' ' or '\t')
                while (i < text.Length && text[i] is ' ' or '\t') i++;
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length)
                i += 2;
            else
                i++;
            words.Add(text[start..i]);
        }
        return words;
    }

    /// <summary>The edit script from <paramref name="a"/> to <paramref name="b"/>: the common start, a longest common
    /// subsequence of the middle (or, when the middle is too large, all of it removed then added), the common end.</summary>
    private static List<(Kind, string)> Diff(List<string> a, List<string> b)
    {
        var ops = new List<(Kind, string)>();
        var prefix = 0;
        while (prefix < a.Count && prefix < b.Count && a[prefix] == b[prefix]) prefix++;
        var suffix = 0;
        while (suffix < a.Count - prefix && suffix < b.Count - prefix && a[^(suffix + 1)] == b[^(suffix + 1)]) suffix++;
        for (var i = 0; i < prefix; i++) ops.Add((Kind.Same, a[i]));

        var n = a.Count - prefix - suffix;
        var m = b.Count - prefix - suffix;
        if ((long)n * m > MaxCells)
        {
            for (var i = 0; i < n; i++) ops.Add((Kind.Removed, a[prefix + i]));
            for (var j = 0; j < m; j++) ops.Add((Kind.Added, b[prefix + j]));
        }
        else
        {
            // lcs[i, j]: the longest common subsequence of a[i..] and b[j..] (middle parts only).
            var lcs = new int[n + 1, m + 1];
            for (var i = n - 1; i >= 0; i--)
                for (var j = m - 1; j >= 0; j--)
                    lcs[i, j] = a[prefix + i] == b[prefix + j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            int x = 0, y = 0;
            while (x < n || y < m)
            {
                if (x < n && y < m && a[prefix + x] == b[prefix + y]) { ops.Add((Kind.Same, a[prefix + x])); x++; y++; }
                else if (x < n && (y == m || lcs[x + 1, y] >= lcs[x, y + 1])) { ops.Add((Kind.Removed, a[prefix + x])); x++; }
                else { ops.Add((Kind.Added, b[prefix + y])); y++; }
            }
        }
        for (var i = a.Count - suffix; i < a.Count; i++) ops.Add((Kind.Same, a[i]));
        return ops;
    }
}
