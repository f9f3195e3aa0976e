using CaseFlow.Domain.Cases;

namespace CaseFlow.Domain.Imports;

/// <summary>One valid proceedings line; <see cref="Result"/> and <see cref="DecidedOn"/> are null while pending.</summary>
public sealed record ProceedingRow(int Line, string CaseNo, ProceedingKind Kind, DateOnly FiledOn, ProceedingResult? Result, DateOnly? DecidedOn);

/// <summary>All or nothing: when <see cref="Errors"/> is not empty, <see cref="Rows"/> is empty.</summary>
public sealed record ProceedingsParseResult(IReadOnlyList<ProceedingRow> Rows, IReadOnlyList<ImportError> Errors)
{
    public bool Ok => Errors.Count == 0;
}

/// <summary>
/// The proceedings import (行政复议、行政诉讼): header <c>case_no,kind,filed_on,result,decided_on</c>.
/// A file with only the header is valid and imports nothing; an empty file is an error (no header).
/// Whether each case_no exists is for the caller to check.
/// </summary>
public static class ProceedingsImport
{
    public static readonly IReadOnlyList<string> Header = ["case_no", "kind", "filed_on", "result", "decided_on"];

    private static readonly Dictionary<string, ProceedingKind> Kinds = ImportSupport.Spellings(
        ("行政复议", ProceedingKind.Review), ("行政诉讼", ProceedingKind.Lawsuit), ("复议后起诉", ProceedingKind.LawsuitAfterReview),
        ("Review", ProceedingKind.Review), ("Lawsuit", ProceedingKind.Lawsuit), ("LawsuitAfterReview", ProceedingKind.LawsuitAfterReview));

    private const string KindsText = "行政复议、行政诉讼、复议后起诉（或 Review、Lawsuit、LawsuitAfterReview）";

    private static readonly Dictionary<string, ProceedingResult> Results = ImportSupport.Spellings(
        ("维持", ProceedingResult.Upheld), ("纠正", ProceedingResult.Corrected), ("其他", ProceedingResult.Other),
        ("Upheld", ProceedingResult.Upheld), ("Corrected", ProceedingResult.Corrected), ("Other", ProceedingResult.Other));

    private const string ResultsText = "维持、纠正、其他（或 Upheld、Corrected、Other），尚未审结的留空";

    public static ProceedingsParseResult ParseCsv(string text)
    {
        var csv = Csv.Parse(text);
        return csv.Ok ? Parse(csv.Rows, csv.Lines) : new ProceedingsParseResult([], ImportSupport.CsvErrors(csv));
    }

    /// <param name="table">the records, header first.</param>
    /// <param name="today">the China-time date of the import: no date may be after it (null: only the earliest date, 2008-05-01, is checked).</param>
    /// <param name="lines">the file line on which each record starts; null → record i is line i+1.</param>
    public static ProceedingsParseResult Parse(IReadOnlyList<IReadOnlyList<string>> table, IReadOnlyList<int>? lines = null, DateOnly? today = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        int LineOf(int i) => lines is not null && i < lines.Count ? lines[i] : i + 1;

        var headerIndex = 0;
        while (headerIndex < table.Count && ImportSupport.IsBlank(table[headerIndex])) headerIndex++;
        if (headerIndex == table.Count)
            return new ProceedingsParseResult([], [new ImportError(1, ImportSupport.HeaderField, $"文件为空：缺少表头 {string.Join(",", Header)}。")]);

        var headerErrors = ImportSupport.CheckHeader(table[headerIndex], Header, LineOf(headerIndex));
        if (headerErrors.Count > 0) return new ProceedingsParseResult([], headerErrors);

        var rows = new List<ProceedingRow>();
        var errors = new List<ImportError>();
        for (var i = headerIndex + 1; i < table.Count; i++)
        {
            if (ImportSupport.IsBlank(table[i])) continue;
            var row = ParseRow(table[i], LineOf(i), errors, today);
            if (row is not null) rows.Add(row);
        }
        return errors.Count > 0 ? new ProceedingsParseResult([], errors) : new ProceedingsParseResult(rows, []);
    }

    private static ProceedingRow? ParseRow(IReadOnlyList<string> raw, int line, List<ImportError> errors, DateOnly? today)
    {
        var v = ImportSupport.Cells(raw, Header.Count, line, errors);
        if (v is null) return null;
        var before = errors.Count;

        var caseNo = ImportSupport.Required(v[0], "case_no", LedgerImport.MaxCaseNo, line, errors);
        var kind = ImportSupport.Lookup(v[1], "kind", Kinds, KindsText, line, errors);
        var filed = ImportSupport.Date(v[2], "filed_on", required: true, line, errors, today);
        ProceedingResult? result = null;
        if (v[3].Length > 0)
        {
            if (Results.TryGetValue(v[3], out var r)) result = r;
            else errors.Add(new(line, "result", $"无法识别“{v[3]}”，应为 {ResultsText}。"));
        }
        var decided = ImportSupport.Date(v[4], "decided_on", required: false, line, errors, today);
        if (v[3].Length > 0 && v[4].Length == 0)
            errors.Add(new(line, "decided_on", "填写了结果，须同时填写审结日期（尚未审结的两项都留空）。"));
        if (v[4].Length > 0 && v[3].Length == 0)
            errors.Add(new(line, "result", "填写了审结日期，须同时填写结果（尚未审结的两项都留空）。"));
        if (decided is { } d && filed is { } f && d < f)
            errors.Add(new(line, "decided_on", $"审结日期 {v[4]} 早于立案日期 {v[2]}。"));

        if (errors.Count > before) return null;
        return new ProceedingRow(line, caseNo!, kind!.Value, filed!.Value, result, decided);
    }
}
