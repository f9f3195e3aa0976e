using CaseFlow.Domain.Cases;
using OutcomeList = CaseFlow.Domain.Outcomes.Outcomes;

namespace CaseFlow.Domain.Imports;

/// <summary>One valid ledger line. <see cref="Outcome"/> is the outcome code; null (with
/// <see cref="ConcludedOn"/>) while the case is open. Fees in yuan, null meaning none.</summary>
public sealed record LedgerRow(
    int Line,
    string CaseNo,
    ApplicantColumn Column,
    string ApplicantName,
    Channel Channel,
    DateOnly ReceivedOn,
    string Summary,
    string? Outcome,
    DateOnly? ConcludedOn,
    bool Extended,
    decimal? FeeNotifiedYuan,
    decimal? FeePaidYuan);

/// <summary>All or nothing: when <see cref="Errors"/> is not empty, <see cref="Rows"/> is empty.</summary>
public sealed record LedgerParseResult(IReadOnlyList<LedgerRow> Rows, IReadOnlyList<ImportError> Errors)
{
    public bool Ok => Errors.Count == 0;
}

/// <summary>
/// The ledger (台账) import: one case per line, header
/// <c>case_no,applicant_kind,applicant_name,channel,received_on,summary,outcome,concluded_on,extended,fee_notified_yuan,fee_paid_yuan</c>.
/// Every bad row and field is reported; nothing is imported unless everything is valid.
/// </summary>
public static class LedgerImport
{
    public static readonly IReadOnlyList<string> Header =
    [
        "case_no", "applicant_kind", "applicant_name", "channel", "received_on", "summary",
        "outcome", "concluded_on", "extended", "fee_notified_yuan", "fee_paid_yuan",
    ];

    public const int MaxCaseNo = TextLimits.CaseNumber;
    public const int MaxApplicantName = TextLimits.ApplicantName;
    public const int MaxSummary = TextLimits.RequestedInformation;

    private static readonly Dictionary<string, ApplicantColumn> Kinds = ImportSupport.Spellings(
        [.. Labels.Columns.Select(kv => (kv.Value, kv.Key)), .. Enum.GetValues<ApplicantColumn>().Select(c => (c.ToString(), c))]);

    private const string KindsText = "自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他（或 NaturalPerson、Business、Research、PublicInterest、LegalService、OtherOrganisation）";

    private static readonly Dictionary<string, Channel> Channels = ImportSupport.Spellings(
        [.. Labels.Channels.Select(kv => (kv.Value, kv.Key)), ("互联网", Channel.Online), .. Enum.GetValues<Channel>().Select(c => (c.ToString(), c))]);

    private const string ChannelsText = "当面、邮寄、平常信函、网络、传真、电子邮件（或 InPerson、RegisteredPost、OrdinaryLetter、Online、Fax、Email）";

    private static readonly Dictionary<string, bool> YesNo = ImportSupport.Spellings(("是", true), ("否", false), ("true", true), ("false", false));

    /// <summary>Parses CSV text (see <see cref="Csv.Parse"/>) and then the ledger; a CSV syntax error stops there.</summary>
    public static LedgerParseResult ParseCsv(string text)
    {
        var csv = Csv.Parse(text);
        return csv.Ok ? Parse(csv.Rows, csv.Lines) : new LedgerParseResult([], ImportSupport.CsvErrors(csv));
    }

    /// <param name="table">the records, header first.</param>
    /// <param name="today">the China-time date of the import: no date may be after it (null: only the earliest date, 2008-05-01, is checked).</param>
    /// <param name="lines">the file line on which each record starts (<see cref="CsvParseResult.Lines"/>); null → record i is line i+1.</param>
    public static LedgerParseResult Parse(IReadOnlyList<IReadOnlyList<string>> table, IReadOnlyList<int>? lines = null, DateOnly? today = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        int LineOf(int i) => lines is not null && i < lines.Count ? lines[i] : i + 1;

        var headerIndex = 0;
        while (headerIndex < table.Count && ImportSupport.IsBlank(table[headerIndex])) headerIndex++;
        if (headerIndex == table.Count)
            return Fail(new ImportError(1, ImportSupport.HeaderField, "文件为空：没有表头，也没有数据行，没有可导入的内容。"));

        var headerLine = LineOf(headerIndex);
        var headerErrors = ImportSupport.CheckHeader(table[headerIndex], Header, headerLine);
        if (headerErrors.Count > 0) return new LedgerParseResult([], headerErrors);

        var rows = new List<LedgerRow>();
        var errors = new List<ImportError>();
        var firstLineOfCaseNo = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = headerIndex + 1; i < table.Count; i++)
        {
            if (ImportSupport.IsBlank(table[i])) continue;
            var row = ParseRow(table[i], LineOf(i), firstLineOfCaseNo, errors, today);
            if (row is not null) rows.Add(row);
        }
        if (rows.Count == 0 && errors.Count == 0)
            return Fail(new ImportError(headerLine, ImportSupport.HeaderField, "文件只有表头，没有数据行：没有可导入的内容。"));
        return errors.Count > 0 ? new LedgerParseResult([], errors) : new LedgerParseResult(rows, []);
    }

    private static LedgerParseResult Fail(ImportError error) => new([], [error]);

    private static LedgerRow? ParseRow(IReadOnlyList<string> raw, int line, Dictionary<string, int> firstLineOfCaseNo, List<ImportError> errors, DateOnly? today)
    {
        var v = ImportSupport.Cells(raw, Header.Count, line, errors);
        if (v is null) return null;
        var before = errors.Count;

        var caseNo = ImportSupport.Required(v[0], "case_no", MaxCaseNo, line, errors);
        if (caseNo is not null)
        {
            if (firstLineOfCaseNo.TryGetValue(caseNo, out var first))
                errors.Add(new(line, "case_no", $"案件编号“{caseNo}”与第 {first} 行重复。"));
            else
                firstLineOfCaseNo[caseNo] = line;
        }
        var column = ImportSupport.Lookup(v[1], "applicant_kind", Kinds, KindsText, line, errors);
        var name = ImportSupport.Required(v[2], "applicant_name", MaxApplicantName, line, errors);
        var channel = ImportSupport.Lookup(v[3], "channel", Channels, ChannelsText, line, errors);
        var received = ImportSupport.Date(v[4], "received_on", required: true, line, errors, today);
        var summary = ImportSupport.MaxLength(v[5], "summary", MaxSummary, line, errors);

        string? outcome = null;
        if (v[6].Length > 0)
        {
            if (OutcomeList.TryParse(v[6], out var o)) outcome = o.Code;
            else errors.Add(new(line, "outcome", $"无法识别的办理结果“{v[6]}”：应为 21 种办理结果之一的代码（如 Disclosed、Other.Other）或中文名称（如 予以公开、其他）；未办结的留空。"));
        }
        var concluded = ImportSupport.Date(v[7], "concluded_on", required: false, line, errors, today);
        if (v[6].Length > 0 && v[7].Length == 0)
            errors.Add(new(line, "concluded_on", "填写了办理结果，须同时填写办结日期（未办结的两项都留空）。"));
        if (v[7].Length > 0 && v[6].Length == 0)
            errors.Add(new(line, "outcome", "填写了办结日期，须同时填写办理结果（未办结的两项都留空）。"));
        if (concluded is { } c && received is { } r && c < r)
            errors.Add(new(line, "concluded_on", $"办结日期 {v[7]} 早于收到日期 {v[4]}。"));

        var extended = false;
        if (v[8].Length > 0)
        {
            if (YesNo.TryGetValue(v[8], out var e)) extended = e;
            else errors.Add(new(line, "extended", $"无法识别“{v[8]}”，应为 是、否、true 或 false（留空为否）。"));
        }
        var notified = ImportSupport.Yuan(v[9], "fee_notified_yuan", line, errors);
        var paid = ImportSupport.Yuan(v[10], "fee_paid_yuan", line, errors);

        if (errors.Count > before) return null;
        return new LedgerRow(line, caseNo!, column!.Value, name!, channel!.Value, received!.Value, summary!,
            outcome, concluded, extended, notified, paid);
    }
}
