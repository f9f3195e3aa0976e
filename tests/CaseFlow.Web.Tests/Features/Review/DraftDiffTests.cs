using CaseFlow.Web.Features.Review;
using static CaseFlow.Web.Features.Review.DraftDiff;

namespace CaseFlow.Web.Tests.Features.Review;

/// <summary>The comparison a legal adviser sees between two versions of a draft reply.</summary>
public sealed class DraftDiffTests
{
    private static string Show(IReadOnlyList<Segment> segments) => string.Concat(segments.Select(s => s.Kind switch
    {
        Kind.Added => $"[+{s.Text}]",
        Kind.Removed => $"[-{s.Text}]",
        _ => s.Text,
    }));

    [Fact]
    public void A_changed_article_number_is_one_changed_character_not_a_changed_line()
    {
        var diff = Compare("依据条例第三十二条，\n现答复如下。\n", "依据条例第三十七条，\n现答复如下。\n");
        Assert.Equal("依据条例第三十[-二][+七]条，\n现答复如下。\n", Show(diff));
        Assert.Equal((1, 1), Count(diff));
    }

    [Fact]
    public void An_added_paragraph_is_shown_whole_and_unchanged_lines_stay_unmarked()
    {
        var diff = Compare("第一段。\n第三段。", "第一段。\n第二段：补充的法律依据。\n第三段。");
        Assert.Equal("第一段。\n[+第二段：补充的法律依据。\n]第三段。", Show(diff));
    }

    [Fact]
    public void A_changed_line_is_compared_with_its_revision_not_with_a_line_added_after_it()
    {
        var diff = Compare("孙八：\n根据条例第三十二条，现部分公开如下。\n", "孙八：\n根据条例第十五条、第三十二条和第三十七条，现部分公开如下。\n如不服，可申请行政复议。\n");
        Assert.Equal("孙八：\n根据条例第[+十五条、第]三十二[+条和第三十七]条，现部分公开如下。\n[+如不服，可申请行政复议。\n]", Show(diff));
        Assert.Equal((3, 0), Count(diff));
    }

    [Fact]
    public void Latin_words_and_numbers_change_as_whole_words()
    {
        var diff = Compare("国办函〔2019〕60号 applies", "国办函〔2020〕109号 applies");
        Assert.Equal("国办函〔[-2019][+2020]〕[-60][+109]号 applies", Show(diff));
    }

    [Fact]
    public void Removals_come_before_additions_and_joining_each_side_gives_the_texts_back()
    {
        const string before = "本机关经审查，认为该信息涉及第三方商业秘密。\n依法不予公开。\n";
        const string after = "本机关经审查，该信息部分涉及第三方商业秘密。\n对其余部分予以公开。\n如不服，可申请行政复议。\n";
        var diff = Compare(before, after);
        Assert.Equal(before, string.Concat(diff.Where(s => s.Kind != Kind.Added).Select(s => s.Text)));
        Assert.Equal(after, string.Concat(diff.Where(s => s.Kind != Kind.Removed).Select(s => s.Text)));
        for (var i = 1; i < diff.Count; i++)
            Assert.False(diff[i - 1].Kind == Kind.Added && diff[i].Kind == Kind.Removed, $"addition before removal at {i}: {Show(diff)}");
    }

    [Fact]
    public void Identical_texts_have_no_changes()
    {
        var diff = Compare("现将所申请信息提供如下。", "现将所申请信息提供如下。");
        Assert.Equal([new Segment(Kind.Same, "现将所申请信息提供如下。")], diff);
    }

    [Fact]
    public void Line_breaks_typed_in_a_page_and_sent_through_the_api_are_the_same_text()
    {
        var diff = Compare("第一段。\r\n第二段。", "第一段。\n第二段。");
        Assert.Equal([new Segment(Kind.Same, "第一段。\n第二段。")], diff);
    }

    [Fact]
    public void A_very_large_rewrite_is_shown_as_removed_and_added_whole_instead_of_compared()
    {
        var before = string.Concat(Enumerable.Range(0, 3000).Select(i => $"第{i}行甲\n"));
        var after = string.Concat(Enumerable.Range(0, 3000).Select(i => $"第{i}行乙\n"));
        var diff = Compare(before, after);
        Assert.Equal(before, string.Concat(diff.Where(s => s.Kind != Kind.Added).Select(s => s.Text)));
        Assert.Equal(after, string.Concat(diff.Where(s => s.Kind != Kind.Removed).Select(s => s.Text)));
    }
}
