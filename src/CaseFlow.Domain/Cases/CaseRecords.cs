using CaseFlow.Domain.Deadlines;

namespace CaseFlow.Domain.Cases;

public enum ConsultationKind
{
    ThirdParty, // art 32: silence = the agency decides itself
    Agency,     // art 34: silence = consent to disclose
}

public enum ConsultationOpinion
{
    Consent,
    Objection,
    NoReplyAgencyDecides,
    NoReplyDeemedConsent,
}

public enum ProceedingKind
{
    Review,             // 行政复议
    Lawsuit,            // 行政诉讼（未经复议直接起诉）
    LawsuitAfterReview, // 行政诉讼（复议后起诉）
}

public enum ProceedingResult
{
    Upheld,    // 维持
    Corrected, // 纠正
    Other,     // 其他
}

public enum DeliveryMethod
{
    InPerson, // the date the applicant signs
    Post,     // the date handed to the post (国办公开办函〔2016〕235号)
    Online,   // the date sent
    Email,    // the date sent
}

// DueOn is null while the notice's delivery is unrecorded (the period runs from the applicant's receipt). Method null:
// a notice recorded before delivery was kept, delivered the day it was sent.
public sealed record CorrectionNotice(DateOnly SentOn, string Items, int PeriodWorkingDays, DateOnly? DueOn, bool SentLate,
    DeliveryMethod? Method = null, DateOnly? DeliveredOn = null, string? LateCorrectionReason = null)
{
    /// <summary>Day 0 of the correction period: the applicant's receipt of the notice.</summary>
    public DateOnly? PeriodStart() => DeliveredOn ?? (Method is null ? SentOn : null);
}

public sealed record PauseRecord(string Ref, PauseKind Kind, DateOnly From, DateOnly? To);

public sealed record Consultation(
    int Id, ConsultationKind Kind, string Party, DateOnly SentOn, DateOnly DueOn,
    DateOnly? RepliedOn = null, ConsultationOpinion? Opinion = null, string? Summary = null,
    DateOnly? PeriodStartsOn = null); // day 0 of the 15 working days (the party's receipt); null on cases recorded before it was kept

public sealed record CoHandling(int Id, string Unit, string Request, DateOnly SentOn, DateOnly? DueOn, DateOnly? RepliedOn = null, string? Summary = null);

public sealed record FeeNotice(
    DateOnly SentOn, DateOnly PaymentDueOn, Fees.FeeMethod Method, int Quantity, decimal AmountYuan, string Basis,
    DateOnly? PaidOn = null, decimal? PaidYuan = null, bool Expired = false,
    DateOnly? PeriodStartsOn = null, // day 0 of the 20 working days (the applicant's receipt); null on cases recorded before it was kept
    decimal? ComputedYuan = null, IReadOnlyList<string>? Schedule = null, string? AmountReason = null, string? LatePaymentReason = null,
    int? Units = null);
// ComputedYuan/Schedule: what the schedule gives (null on notices typed before fees were computed); AmountReason: why
// AmountYuan differs from it; LatePaymentReason: the good reason a payment after the period was accepted for; Units: how
// many 按件 units the application counted as when split item by item (一事一申请), null for one.

public sealed record ExtensionRequest(int Days, string Reason, string RequestedBy, DateOnly RequestedOn, bool? Approved = null, string? DecidedBy = null, DateOnly? DecidedOn = null, DateOnly? NotifiedOn = null);

// Items: each item's outcome and reasons (null on drafts written before items were kept); Outcome is the case's one
// outcome derived from them (ReplyItems.CaseOutcome), OutcomeRule says why; MainItem is 1-based, when marked.
public sealed record Draft(int Number, int Round, string Outcome, string Text, string Author, DateTime SubmittedAtUtc,
    string? ReviewResult = null, string? Reviewer = null, string? ReviewComments = null, string? SignedOffBy = null, DateOnly? SignedOffOn = null,
    IReadOnlyList<ItemOutcome>? Items = null, int? MainItem = null, string? OutcomeRule = null);

public sealed record Proceeding(
    int Id, ProceedingKind Kind, string Body, DateOnly FiledOn, DateOnly CopyReceivedOn, bool SimpleProcedure, DateOnly ResponseDueOn,
    ProceedingResult? Result = null, DateOnly? DecidedOn = null, bool Imported = false,
    int? ReviewId = null,        // a lawsuit after review: the review (on this case) it follows
    bool OrderedReply = false);  // a 纠正 that orders a new reply (责令重新答复 / 责令履行)

public sealed record Delivery(int Round, DeliveryMethod Method, DateOnly DeliveredOn, string Outcome);

/// <summary>The parts of a case that are read with the case but never filtered on; stored as one JSON column.</summary>
public sealed class CaseDetails
{
    /// <summary>The items (事项) the application lists, as registered; empty when it was registered as one request.</summary>
    public List<string> RequestedItems { get; set; } = [];
    public CorrectionNotice? Correction { get; set; }
    public List<PauseRecord> Pauses { get; set; } = [];
    public List<Consultation> Consultations { get; set; } = [];
    public List<CoHandling> CoHandlings { get; set; } = [];
    public FeeNotice? Fee { get; set; }
    public ExtensionRequest? Extension { get; set; }
    public DateOnly? ReasonsRequestedOn { get; set; }
    public string? Article35Reason { get; set; }
    public DateOnly? Article35DecidedOn { get; set; }
    public List<Draft> Drafts { get; set; } = [];
    public List<Delivery> Deliveries { get; set; } = [];
    public List<Proceeding> Proceedings { get; set; } = [];
    public string? WithdrawalReason { get; set; }
    public DateOnly? ReopenedOn { get; set; }
    public List<ConfidentialityReview> ConfidentialityReviews { get; set; } = [];
    public List<ReplyRound> Rounds { get; set; } = [];
    public ArchiveRecord? Archive { get; set; }
}
