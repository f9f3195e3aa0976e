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
public sealed record ProceedingFacts(
    long CaseId,
    string CaseNumber,
    ProceedingKind Kind,
    DateOnly FiledOn,
    ProceedingResult? Result,
    DateOnly? DecidedOn);
