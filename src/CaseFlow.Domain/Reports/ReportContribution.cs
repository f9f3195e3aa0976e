using System.Globalization;
using CaseFlow.Domain.Cases;
using OutcomeList = CaseFlow.Domain.Outcomes.Outcomes;

namespace CaseFlow.Domain.Reports;

/// <summary>What the annual report needs of one case and its reviews and lawsuits, taken before and after a change.</summary>
public sealed record CaseReportFacts(CaseFacts Case, IReadOnlyList<ProceedingFacts> Proceedings)
{
    /// <summary>The case as the report reads it now (the same columns <c>AnnualReportQuery</c> loads).</summary>
    public static CaseReportFacts Of(DisclosureRequest c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new(
            new CaseFacts(c.Id, c.CaseNumber, c.AgencyCode, c.ApplicantColumn, c.Channel, c.ReceivedOn, c.ConcludedOn, c.Outcome, c.IsVoid,
                c.ExtensionDays > 0, c.ReplyDueOn, c.FeeNotifiedOn, c.FeeNotifiedYuan, c.FeePaidOn, c.FeePaidYuan),
            [.. c.Details.Proceedings.Select(p => new ProceedingFacts(c.Id, c.CaseNumber, p.Kind, p.FiledOn, p.Result, p.DecidedOn))]);
    }
}

/// <summary>
/// What one case adds to the figures of the annual report of year Y that a lock protects (table 三, table 四, fees),
/// attributed as <see cref="AnnualReportCalculator"/> attributes them: the column and the table-三 rows it counts in
/// (received in Y, carried in, concluded in Y with its outcome, carried out), its reviews and lawsuits filed in Y with
/// their result as of 31 December, and its fee notice and payment in Y. Two changes of a case leave a locked report
/// as it was exactly when the case's contribution to that year is the same before and after.
/// </summary>
public sealed record ReportContribution(ApplicantColumn? Column, string Table3Rows, string Table4, int FeeNotices, decimal FeeNotifiedYuan, decimal FeeCollectedYuan)
{
    /// <summary>A case that does not exist (yet) or is void: counted nowhere.</summary>
    public static readonly ReportContribution None = new(null, "", "", 0, 0m, 0m);

    public static ReportContribution Of(CaseReportFacts? facts, int year)
    {
        if (facts is null || facts.Case.IsVoid) return None;
        var c = facts.Case;
        var received = AnnualReportCalculator.PeriodOf(c.ReceivedOn, year);
        var concluded = c.ConcludedOn is { } d ? AnnualReportCalculator.PeriodOf(d, year) : (ReportPeriod?)null;

        var rows = new List<string>();
        if (received == ReportPeriod.During) rows.Add(ReportKeys.New);
        if (received == ReportPeriod.Before && concluded is null or not ReportPeriod.Before) rows.Add(ReportKeys.CarriedIn);
        // An outcome the calculator cannot read is counted in no row (a check fails instead).
        if (concluded == ReportPeriod.During && OutcomeList.TryParse(c.Outcome, out var outcome)) rows.AddRange([outcome.Code, ReportKeys.ConcludedTotal]);
        if (received != ReportPeriod.After && concluded is null or ReportPeriod.After) rows.Add(ReportKeys.CarriedOut);

        var dec31 = new DateOnly(year, 12, 31);
        var table4 = facts.Proceedings
            .Where(p => p.FiledOn.Year == year)
            .Select(p => $"{p.Kind}:{(p.Result is { } r && p.DecidedOn is { } decided && decided <= dec31 ? r.ToString() : ReportKeys.Pending)}")
            .Order(StringComparer.Ordinal);

        var notified = c.FeeNotifiedOn is { } n && n.Year == year;
        var paid = c.FeePaidOn is { } p && p.Year == year;
        return new ReportContribution(
            rows.Count > 0 ? c.Column : null,
            string.Join(",", rows),
            string.Join(",", table4),
            notified ? 1 : 0,
            notified ? c.FeeNotifiedYuan ?? 0m : 0m,
            paid ? c.FeePaidYuan ?? 0m : 0m);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Column} [{Table3Rows}] [{Table4}] fees {FeeNotices}/{FeeNotifiedYuan}/{FeeCollectedYuan}");
}

/// <summary>A change would alter the figures of a locked annual report (of <see cref="Agency"/>, and everything below it when
/// <see cref="Subordinates"/>): refused until the office unlocks the report with a reason.</summary>
public sealed class ReportLockedException(string agency, int year, bool subordinates, string lockedBy, DateTime lockedAtUtc)
    : Exception(string.Create(CultureInfo.InvariantCulture,
        $"{agency} {year} 年度报告已锁定（{lockedBy}，{lockedAtUtc:yyyy-MM-dd}），此项修改会改变已锁定的统计数字。请政务公开办先说明理由解锁。"))
{
    public string Agency { get; } = agency;
    public int Year { get; } = year;
    public bool Subordinates { get; } = subordinates;
}
