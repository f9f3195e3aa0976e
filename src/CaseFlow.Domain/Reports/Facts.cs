using CaseFlow.Domain.Cases;

namespace CaseFlow.Domain.Reports;

/// <summary>What the annual report needs to know about one case (loaded by the web layer).</summary>
/// <param name="Outcome">The outcome code (or Chinese label) of a concluded case; null while open.</param>
/// <param name="IsVoid">A voided registration: counted nowhere.</param>
/// <param name="Extended">The reply period was extended (art 33 ¶2).</param>
/// <param name="ReplyDueOn">The reply deadline in force when the case concluded; null when unknown.</param>
public sealed record CaseFacts(
    long Id,
    string CaseNumber,
    string Agency,
    ApplicantColumn Column,
    Channel Channel,
    DateOnly ReceivedOn,
    DateOnly? ConcludedOn,
    string? Outcome,
    bool IsVoid,
    bool Extended,
    DateOnly? ReplyDueOn,
    DateOnly? FeeNotifiedOn,
    decimal? FeeNotifiedYuan,
    DateOnly? FeePaidOn,
    decimal? FeePaidYuan);

/// <summary>One administrative review or lawsuit about a case's reply (table 四).</summary>
/// <param name="WithoutCase">A proceeding that concerns no case (it belongs to the agency, domain.md §2.9): it counts
/// in table 四 all the same, and <see cref="CaseId"/> holds the negated id of the agency proceeding so the drill-down
/// can tell it from a case.</param>
public sealed record ProceedingFacts(
    long CaseId,
    string CaseNumber,
    ProceedingKind Kind,
    DateOnly FiledOn,
    ProceedingResult? Result,
    DateOnly? DecidedOn,
    bool WithoutCase = false);

/// <summary>Where a date falls relative to the report year Y.</summary>
public enum ReportPeriod
{
    Before,
    During,
    After,
}

/// <summary>
/// Non-void cases that the annual report of year Y counts alike (from an aggregate query): same agency and
/// applicant column, receipt and conclusion dates on the same side of 1 January and 31 December Y.
/// </summary>
/// <param name="Concluded">null while open.</param>
/// <param name="Outcome">read only when concluded during Y.</param>
/// <param name="Channel">read only when received during Y.</param>
/// <param name="Extended">read only when concluded during Y.</param>
/// <param name="RepliedByDue">concluded on or before the reply deadline in force, or the deadline is unknown;
/// read only when concluded during Y.</param>
public sealed record CaseTally(
    string Agency,
    ApplicantColumn Column,
    ReportPeriod Received,
    ReportPeriod? Concluded,
    string? Outcome,
    Channel? Channel,
    bool Extended,
    bool RepliedByDue,
    int Count);

/// <summary>A case's fee notice and payment (section 六).</summary>
public sealed record FeeFacts(DateOnly? NotifiedOn, decimal? NotifiedYuan, DateOnly? PaidOn, decimal? PaidYuan);
