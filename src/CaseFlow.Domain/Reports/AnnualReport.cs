using System.Collections.ObjectModel;
using System.Text.Json.Serialization;
using CaseFlow.Domain.Cases;
using OutcomeList = CaseFlow.Domain.Outcomes.Outcomes;

namespace CaseFlow.Domain.Reports;

/// <summary>
/// The computed parts of the annual report (政府信息公开工作年度报告) for one year and one agency label
/// (one agency or an agency and everything below it: the calculator counts the facts it is given).
/// Serialized with camelCase property names; dictionary keys are kept as they are, in order.
/// </summary>
public sealed class AnnualReport
{
    public required int Year { get; init; }
    public required string Agency { get; init; }

    /// <summary>Table 三: applications received and handled.</summary>
    public required Table3 Table3 { get; init; }

    /// <summary>Table 四: group ("Review", "LawsuitDirect", "LawsuitAfterReview") → result ("Upheld", "Corrected", "Other", "Pending", "Total") → count.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Table4 { get; init; }

    /// <summary>Table 二 as typed in (<see cref="Reports.Table2.Empty"/> when nothing was typed in).</summary>
    public required Table2 Table2 { get; init; }

    /// <summary>Section 六: 信息处理费.</summary>
    public required Fees Fees { get; init; }

    /// <summary>Older indicators: applications by channel, concluded on time / after extension.</summary>
    public required Extras Extras { get; init; }

    /// <summary>The consistency checks the report must pass before it is shown.</summary>
    public required IReadOnlyList<Check> Checks { get; init; }

    [JsonIgnore]
    public bool AllChecksPassed => Checks.All(c => c.Passed);

    /// <summary>Table-四 drill-down: group → result → the case id of every proceeding counted in the cell
    /// (one entry per proceeding, so a case with two proceedings in a cell appears twice).</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<long>>> Table4CaseIds { get; init; } =
        ReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<long>>>.Empty;

    /// <summary>Older-indicator drill-down: <see cref="ReportKeys.ExtrasKeys"/> key → the ids (ascending) of the cases
    /// counted in it (empty when computed from tallies).</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, IReadOnlyList<long>> ExtrasCaseIds { get; init; } =
        ReadOnlyDictionary<string, IReadOnlyList<long>>.Empty;

    /// <summary>The case ids behind one older indicator.</summary>
    /// <exception cref="ArgumentException">unknown key.</exception>
    public IReadOnlyList<long> CasesInExtras(string key)
    {
        if (!ReportKeys.ExtrasKeys.Contains(key))
            throw new ArgumentException($"Unknown older indicator '{key}'; expected one of {string.Join(", ", ReportKeys.ExtrasKeys)}.", nameof(key));
        return ExtrasCaseIds.TryGetValue(key, out var ids) ? ids : [];
    }

    /// <summary>The ids (ascending) of the cases counted in one table-三 cell.</summary>
    /// <param name="row">any key of <see cref="Table3.Rows"/>; "ConcludedTotal" is the union of the outcome rows.</param>
    /// <param name="column">any entry of <see cref="Table3.Columns"/>; "Total" is the union of the six columns.</param>
    /// <exception cref="ArgumentException">unknown row or column.</exception>
    public IReadOnlyList<long> CasesIn(string row, string column) => Table3.CasesIn(row, column);

    /// <summary>The case ids behind one table-四 cell (one entry per proceeding).</summary>
    /// <exception cref="ArgumentException">unknown group or result.</exception>
    public IReadOnlyList<long> CasesInTable4(string group, string result)
    {
        if (!ReportKeys.Table4Groups.Contains(group))
            throw new ArgumentException($"Unknown table-四 group '{group}'; expected one of {string.Join(", ", ReportKeys.Table4Groups)}.", nameof(group));
        if (!ReportKeys.Table4Results.Contains(result))
            throw new ArgumentException($"Unknown table-四 result '{result}'; expected one of {string.Join(", ", ReportKeys.Table4Results)}.", nameof(result));
        return Table4CaseIds.TryGetValue(group, out var byResult) && byResult.TryGetValue(result, out var ids) ? ids : [];
    }
}

/// <summary>Table 三. Each row holds 7 numbers: the six applicant columns, then 总计 (their sum).</summary>
public sealed class Table3
{
    /// <summary>"NaturalPerson", "Business", "Research", "PublicInterest", "LegalService", "OtherOrganisation", "Total".</summary>
    public IReadOnlyList<string> Columns => ReportKeys.Table3Columns;

    /// <summary>Rows in the order of the printed table: 一 New, 二 CarriedIn, 三 the 21 outcomes then (七) ConcludedTotal, 四 CarriedOut.</summary>
    public IReadOnlyDictionary<string, int[]> Rows { get; init; } = ReadOnlyDictionary<string, int[]>.Empty;

    /// <summary>Row key → 7 lists of case ids (ascending), parallel to <see cref="Columns"/>.</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, IReadOnlyList<long>[]> CaseIds { get; init; } =
        ReadOnlyDictionary<string, IReadOnlyList<long>[]>.Empty;

    public IReadOnlyList<long> CasesIn(string row, string column)
    {
        if (!ReportKeys.Table3Rows.Contains(row))
            throw new ArgumentException($"Unknown table-三 row '{row}'.", nameof(row));
        var index = IndexOf(ReportKeys.Table3Columns, column);
        if (index < 0)
            throw new ArgumentException($"Unknown table-三 column '{column}'; expected one of {string.Join(", ", ReportKeys.Table3Columns)}.", nameof(column));
        return CaseIds.TryGetValue(row, out var lists) && index < lists.Length ? lists[index] : [];
    }

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
            if (string.Equals(list[i], value, StringComparison.Ordinal)) return i;
        return -1;
    }
}

/// <summary>Section 六 fees in the report year: notices sent, amount notified, amount collected (yuan).</summary>
public sealed record Fees(int Notices, decimal NotifiedYuan, decimal CollectedYuan);

/// <summary>Older indicators: new applications by channel (all six channel names, zeros included); among the cases
/// counted in table 三 row (七) (concluded in the year, first conclusion, valid outcome): 按时办结数, 延期办结数 and
/// 逾期办结数, which add up to (七) total. Each case is in exactly one of the three, by <see cref="Convention"/>.</summary>
/// <param name="ConcludedOnTime">按时办结: not extended, concluded on or before the reply deadline in force at conclusion.</param>
/// <param name="ConcludedAfterExtension">延期办结: extended (art 33 ¶2) and concluded on or before the extended deadline.</param>
/// <param name="ConcludedLate">逾期办结: concluded after the deadline in force at conclusion (the extended one if extended,
/// the art 35 date if one was set). An extended case concluded after its extended deadline is late, not extended.</param>
public sealed record Extras(IReadOnlyDictionary<string, int> ByChannel, int ConcludedOnTime, int ConcludedAfterExtension, int ConcludedLate)
{
    /// <summary>The classification rule, in the words the report page shows (serialized so API readers see it too).</summary>
    public const string ConventionText =
        "按首次办结计算，每件本年办结的申请只计入以下一项，三项之和等于表三（七）总计：" +
        "按时办结——未延期，办结日不晚于答复期限；" +
        "延期办结——经批准延期，办结日不晚于延长后的答复期限；" +
        "逾期办结——办结日晚于办结时适用的答复期限（延期的为延长后的期限，依条例第三十五条确定答复日期的为该日期），延期后仍逾期的计入逾期办结，不计入延期办结。" +
        "办结时答复期限因中止而未确定的，计入按时办结。重新答复不改变这三项。";

    public string Convention => ConventionText;
}

/// <summary>One consistency check; <see cref="CaseIds"/> lists the cases that cause a failure (empty when passed).</summary>
public sealed record Check(string Name, bool Passed, string Detail)
{
    public IReadOnlyList<long> CaseIds { get; init; } = [];
}

/// <summary>The fixed keys of the report model.</summary>
public static class ReportKeys
{
    public const string New = "New";
    public const string CarriedIn = "CarriedIn";
    public const string ConcludedTotal = "ConcludedTotal";
    public const string CarriedOut = "CarriedOut";
    public const string Total = "Total";

    public const string Review = "Review";
    public const string LawsuitDirect = "LawsuitDirect";
    public const string LawsuitAfterReview = "LawsuitAfterReview";
    public const string Pending = "Pending";

    /// <summary>The six applicant columns (<see cref="ApplicantColumn"/> names) and "Total".</summary>
    public static readonly IReadOnlyList<string> Table3Columns =
        [.. Enum.GetValues<ApplicantColumn>().Select(c => c.ToString()), Total];

    /// <summary>"New", "CarriedIn", the 21 outcome codes in table order, "ConcludedTotal", "CarriedOut".</summary>
    public static readonly IReadOnlyList<string> Table3Rows =
        [New, CarriedIn, .. OutcomeList.All.Select(o => o.Code), ConcludedTotal, CarriedOut];

    public static readonly IReadOnlyList<string> Table4Groups = [Review, LawsuitDirect, LawsuitAfterReview];

    /// <summary>The drill-down "row" of the older indicators: GET …/cells/Extras/{key}.</summary>
    public const string Extras = "Extras";
    public const string ConcludedOnTime = "ConcludedOnTime";
    public const string ConcludedAfterExtension = "ConcludedAfterExtension";
    public const string ConcludedLate = "ConcludedLate";

    /// <summary>The older indicators a drill-down can name: the three conclusion classes, then the six
    /// <see cref="Channel"/> names (new applications by channel).</summary>
    public static readonly IReadOnlyList<string> ExtrasKeys =
        [ConcludedOnTime, ConcludedAfterExtension, ConcludedLate, .. Enum.GetValues<Channel>().Select(c => c.ToString())];

    /// <summary>"Upheld", "Corrected", "Other" (<see cref="ProceedingResult"/> names), "Pending", "Total".</summary>
    public static readonly IReadOnlyList<string> Table4Results =
        [.. Enum.GetValues<ProceedingResult>().Select(r => r.ToString()), Pending, Total];

    /// <summary>Chinese labels of the table-三 columns, for check details.</summary>
    public static readonly IReadOnlyList<string> Table3ColumnLabels =
        [.. Enum.GetValues<ApplicantColumn>().Select(c => Labels.Columns[c]), "总计"];

    public static string Table4GroupLabel(string group) => group switch
    {
        Review => "行政复议",
        LawsuitDirect => "行政诉讼（未经复议直接起诉）",
        LawsuitAfterReview => "行政诉讼（复议后起诉）",
        _ => group,
    };
}
