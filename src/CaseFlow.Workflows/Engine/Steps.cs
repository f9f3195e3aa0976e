using CaseFlow.Domain;
using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Fees;

namespace CaseFlow.Workflows.Engine;

/// <summary>A step type: what an action does to the case. The payload is the action's JSON body.</summary>
public interface IStep
{
    string Name { get; }
    Type PayloadType { get; }
    void Apply(StepContext ctx, object payload);
}

internal sealed class Step<TPayload>(string name, Action<StepContext, TPayload> apply) : IStep where TPayload : class
{
    public string Name => name;
    public Type PayloadType => typeof(TPayload);
    public void Apply(StepContext ctx, object payload) => apply(ctx, (TPayload)payload);
}

// Every string property declares its length limit (PayloadRules refuses a payload type that does not); every date lies
// within LegalDates' window; counts and amounts the domain does not bound declare a range.
public sealed record NoPayload;
public sealed record AssignOfficerPayload([property: RequiredField, MaxText(TextLimits.UserName)] string? Officer);
[ServerDated("sentOn")]
public sealed record RequestCorrectionPayload([property: RequiredField, MaxText(TextLimits.Request)] string? Items, int? PeriodWorkingDays,
    DeliveryMethod? Method, bool? LateNoticeAcknowledged);
public sealed record ReceiveCorrectionPayload([property: RequiredField] DateOnly? ReceivedOn);
[ServerDated("sentOn")]
public sealed record RequestCoHandlingPayload([property: RequiredField, MaxText(TextLimits.Name)] string? Unit, [property: MaxText(TextLimits.Request)] string? Request,
    [property: MayBeAhead] DateOnly? DueOn);
public sealed record RecordCoHandlingReplyPayload([property: RequiredField] int? CoHandlingId, DateOnly? RepliedOn, [property: MaxText(TextLimits.Comment)] string? Summary);
[ServerDated("sentOn")]
public sealed record StartConsultationPayload([property: RequiredField] ConsultationKind? Kind, [property: RequiredField, MaxText(TextLimits.Name)] string? Party, DateOnly? PartyReceivedOn);
public sealed record RecordConsultationReplyPayload([property: RequiredField] int? ConsultationId, DateOnly? RepliedOn, [property: RequiredField] ConsultationOpinion? Opinion,
    [property: MaxText(TextLimits.Comment)] string? Summary);
public sealed record ExpireConsultationPayload([property: RequiredField] int? ConsultationId);
// The amount is computed (Quantity = pages for 按量; for 按件 CaseFlow counts the applications itself); AmountYuan is only
// for another amount, with AmountReason.
[ServerDated("sentOn")]
public sealed record SendFeeNoticePayload(DateOnly? ApplicantReceivedOn, [property: RequiredField] FeeMethod? Method, [property: Between(1, 1_000_000)] int? Quantity,
    [property: Yuan] decimal? AmountYuan, [property: MaxText(TextLimits.Reason)] string? AmountReason, [property: MaxText(TextLimits.Comment)] string? Basis,
    bool? SplitItems = null);
public sealed record RecordPaymentPayload(DateOnly? PaidOn, [property: RequiredField, Yuan] decimal? PaidYuan);
[ServerDated("sentOn")]
public sealed record AskReasonsPayload;
[ServerDated("decidedOn")]
public sealed record SetArticle35ReplyDatePayload([property: RequiredField, MayBeAhead] DateOnly? ReplyOn, [property: RequiredField, MaxText(TextLimits.Reason)] string? Reason);
public sealed record RequestExtensionPayload([property: RequiredField] int? Days, [property: RequiredField, MaxText(TextLimits.Reason)] string? Reason);
[ServerDated("decidedOn", "notifiedOn")]
public sealed record DecideExtensionPayload;
// Outcome: the whole application's, or (with Items) the one the items give, which it must then match (domain.md §2.6).
public sealed record SubmitDraftPayload([property: MaxText(TextLimits.OutcomeCode)] string? Outcome, [property: RequiredField, MaxText(TextLimits.DraftText)] string? Text,
    [property: MaxItems(ReplyItems.MaxItems)] IReadOnlyList<DraftItemPayload>? Items = null, [property: Between(1, ReplyItems.MaxItems)] int? MainItem = null)
{
    public IReadOnlyList<ItemOutcome>? ItemOutcomes() =>
        Items?.Select(x => new ItemOutcome(x.Item ?? "", x.Outcome ?? "", x.Reasons, x.ResponsibleAgency, x.ResponsibleAgencyContact)).ToList();
}
/// <summary>One item of a draft reply: blank Item takes the registered item at its place.</summary>
public sealed record DraftItemPayload([property: MaxText(TextLimits.Request)] string? Item, [property: RequiredField, MaxText(TextLimits.OutcomeCode)] string? Outcome,
    [property: MaxText(TextLimits.Reason)] string? Reasons, [property: MaxText(TextLimits.Name)] string? ResponsibleAgency,
    [property: MaxText(TextLimits.Contact)] string? ResponsibleAgencyContact);
public sealed record ReviewPayload([property: MaxText(TextLimits.Comment)] string? Comments);
public sealed record DeliverPayload([property: RequiredField] DeliveryMethod? Method, DateOnly? DeliveredOn);
public sealed record WithdrawPayload(DateOnly? WithdrawnOn, [property: MaxText(TextLimits.Reason)] string? Reason);
public sealed record VoidPayload([property: RequiredField, MaxText(TextLimits.Reason)] string? Reason);
public sealed record RecordProceedingPayload([property: RequiredField] ProceedingKind? Kind, [property: RequiredField, MaxText(TextLimits.Name)] string? Body, [property: RequiredField] DateOnly? FiledOn, DateOnly? CopyReceivedOn, bool? SimpleProcedure,
    int? ReviewId = null);
public sealed record RecordProceedingResultPayload([property: RequiredField] int? ProceedingId, [property: RequiredField] ProceedingResult? Result, DateOnly? DecidedOn);
public sealed record RecordConfidentialityReviewPayload([property: RequiredField, MaxText(TextLimits.Request)] string? Documents,
    [property: RequiredField] ConfidentialityConclusion? Conclusion, [property: RequiredField, MaxText(TextLimits.Reason)] string? Reasons);
public sealed record RecordCorrectionNoticeDeliveryPayload([property: RequiredField] DateOnly? DeliveredOn);
public sealed record AcceptLateCorrectionPayload([property: RequiredField] DateOnly? ReceivedOn, [property: RequiredField, MaxText(TextLimits.Reason)] string? Reason);
public sealed record AcceptLatePaymentPayload([property: RequiredField] DateOnly? PaidOn, [property: RequiredField, Yuan] decimal? PaidYuan,
    [property: RequiredField, MaxText(TextLimits.Reason)] string? Reason);
// v2: a 纠正 may order a new reply (责令重新答复 / 责令履行), which opens a re-reply round; the decision's own period, if it names one.
public sealed record RecordProceedingDecisionPayload([property: RequiredField] int? ProceedingId, [property: RequiredField] ProceedingResult? Result, DateOnly? DecidedOn,
    bool? OrderedReply, DateOnly? DecisionReceivedOn, DateOnly? OrderedReplyOn);
public sealed record ArchivePayload([property: RequiredField, MaxText(TextLimits.Name)] string? FileNumber);

/// <summary>The closed registry of step types (names match Definitions.Registry.StepTypes).</summary>
public static class Steps
{
    public static readonly IReadOnlyDictionary<string, IStep> All = new IStep[]
    {
        new Step<AssignOfficerPayload>("AssignOfficer", (c, p) =>
        {
            var officer = Req(p.Officer, "officer").Trim();
            if (c.AgencyOfficers is { } officers && !officers.Contains(officer))
                throw new CaseRuleException("officer", $"“{officer}”不是本机关在用的承办人账户。");
            c.Case.AssignOfficer(officer);
        }),
        new Step<RequestCorrectionPayload>("RequestCorrection", (c, p) =>
        {
            c.Case.RequestCorrection(c.Today, Req(p.Items, "items"), p.PeriodWorkingDays ?? c.CorrectionPeriodWorkingDays, c.Calendar,
                p.Method, p.LateNoticeAcknowledged ?? false);
            if (c.Case.Details.Correction!.SentLate) c.Facts["warning"] = CorrectionRules.LateNoticeWarning(c.Case.CorrectionNoticeDueOn);
            c.Mail(ApplicantMail.CorrectionNotice(c.Case));
        }),
        new Step<ReceiveCorrectionPayload>("ReceiveCorrection", (c, p) => c.Case.ReceiveCorrection(Req(p.ReceivedOn, "receivedOn"))),
        new Step<NoPayload>("ExpireCorrection", (c, _) => c.Case.ExpireCorrection()),
        new Step<RequestCoHandlingPayload>("RequestCoHandling", (c, p) =>
            c.Facts["coHandlingId"] = c.Case.RequestCoHandling(Req(p.Unit, "unit"), p.Request ?? "", c.Today, p.DueOn).Id),
        new Step<RecordCoHandlingReplyPayload>("RecordCoHandlingReply", (c, p) =>
            c.Case.RecordCoHandlingReply(Req(p.CoHandlingId, "coHandlingId"), p.RepliedOn ?? c.Today, p.Summary)),
        new Step<StartConsultationPayload>("StartConsultation", (c, p) =>
            c.Facts["consultationId"] = c.Case.StartConsultation(Req(p.Kind, "kind"), Req(p.Party, "party"), c.Today, p.PartyReceivedOn, c.Calendar).Id),
        new Step<RecordConsultationReplyPayload>("RecordConsultationReply", (c, p) =>
            c.Case.RecordConsultationReply(Req(p.ConsultationId, "consultationId"), p.RepliedOn ?? c.Today, Req(p.Opinion, "opinion"), p.Summary)),
        new Step<ExpireConsultationPayload>("ExpireConsultation", (c, p) =>
            c.Facts["opinion"] = c.Case.ExpireConsultation(Req(p.ConsultationId, "consultationId")).Opinion),
        new Step<SendFeeNoticePayload>("SendFeeNotice", (c, p) =>
        {
            var units = FeeUnits(c, p);
            var quote = FeeQuoteFor(c, Req(p.Method, "method"), p.Quantity, units);
            c.Case.SendFeeNotice(c.Today, p.ApplicantReceivedOn, quote, p.AmountYuan, p.AmountReason, p.Basis, c.Definition.Settings.FeeWaitPausesClock, c.Calendar, units);
            if (units > 1) c.Facts["units"] = units;
            c.Facts["computedYuan"] = quote.TotalYuan;
            c.Facts["amountYuan"] = c.Case.Details.Fee!.AmountYuan;
            if (c.Case.Details.Fee.AmountReason is { } why) c.Facts["amountReason"] = why;
            c.Mail(ApplicantMail.FeeNotice(c.Case));
        }),
        new Step<RecordPaymentPayload>("RecordPayment", (c, p) => c.Case.RecordPayment(p.PaidOn ?? c.Today, Req(p.PaidYuan, "paidYuan"))),
        new Step<NoPayload>("ExpireFeePayment", (c, _) => c.Case.ExpireFeePayment()),
        new Step<AskReasonsPayload>("AskReasons", (c, _) => c.Case.AskReasons(c.Today)),
        new Step<SetArticle35ReplyDatePayload>("SetArticle35ReplyDate", (c, p) =>
            c.Case.SetArticle35ReplyDate(Req(p.ReplyOn, "replyOn"), Req(p.Reason, "reason"), c.Today)),
        new Step<RequestExtensionPayload>("RequestExtension", (c, p) =>
            c.Case.RequestExtension(Req(p.Days, "days"), Req(p.Reason, "reason"), c.Actor.UserName, c.Today)),
        new Step<DecideExtensionPayload>("ApproveExtension", (c, p) =>
        {
            c.Case.DecideExtension(true, c.Actor.UserName, c.Today);
            c.Case.Recompute(c.Calendar);
            c.Mail(ApplicantMail.ExtensionNotice(c.Case));
        }),
        new Step<DecideExtensionPayload>("RejectExtension", (c, _) =>
            c.Case.DecideExtension(false, c.Actor.UserName, c.Today)),
        new Step<SubmitDraftPayload>("SubmitDraft", (c, p) =>
            c.Facts["draft"] = c.Case.SubmitDraft(p.Outcome, Req(p.Text, "text"), c.Actor.UserName, c.NowUtc, p.ItemOutcomes(), p.MainItem).Number),
        new Step<ReviewPayload>("ApproveDraft", (c, p) => c.Case.ReviewDraft(true, c.Actor.UserName, p.Comments)),
        new Step<ReviewPayload>("ReturnDraft", (c, p) => c.Case.ReviewDraft(false, c.Actor.UserName, p.Comments)),
        new Step<NoPayload>("SignOff", (c, _) =>
        {
            if (StepPreconditions.Confidentiality(c) is { } missing) throw new CaseRuleException("state", missing);
            c.Case.SignOff(c.Actor.UserName, c.Today);
        }),
        new Step<DeliverPayload>("Deliver", (c, p) =>
        {
            if (StepPreconditions.Confidentiality(c) is { } missing) throw new CaseRuleException("state", missing);
            var method = Req(p.Method, "method");
            // Online and e-mail replies are delivered the day they are sent: the agency's own act, dated by the server.
            if (method is DeliveryMethod.Online or DeliveryMethod.Email && p.DeliveredOn is { } typed && typed != c.Today)
                throw new CaseRuleException("deliveredOn", $"网上或电子邮件送达以发送之日为送达日期，由系统记录为今天（{c.Today:yyyy-MM-dd}），不能填写其他日期。");
            c.Case.Deliver(method, p.DeliveredOn ?? c.Today);
            c.Mail(ApplicantMail.ReplyNotice(c.Case));
        }),
        new Step<SubmitDraftPayload>("ReplyOnTheSpot", (c, p) =>
        {
            if (c.Today != c.Case.ReceivedOn) throw new CaseRuleException("state", "当场答复须在收到申请的当日办结。");
            c.Case.ReplyOnTheSpot(p.Outcome, Req(p.Text, "text"), c.Actor.UserName, c.NowUtc, p.ItemOutcomes(), p.MainItem);
        }),
        new Step<WithdrawPayload>("Withdraw", (c, p) => c.Case.Withdraw(p.WithdrawnOn ?? c.Today, p.Reason)),
        new Step<VoidPayload>("Void", (c, p) => c.Case.Void(Req(p.Reason, "reason"))),
        new Step<RecordProceedingPayload>("RecordProceeding", (c, p) =>
            c.Facts["proceedingId"] = c.Case.RecordProceeding(Req(p.Kind, "kind"), Req(p.Body, "body"), Req(p.FiledOn, "filedOn"),
                p.CopyReceivedOn ?? Req(p.FiledOn, "filedOn"), p.SimpleProcedure ?? false, c.Calendar, p.ReviewId).Id),
        new Step<RecordProceedingResultPayload>("RecordProceedingResult", (c, p) =>
            c.LastResultCorrected = c.Case.RecordProceedingResult(Req(p.ProceedingId, "proceedingId"), Req(p.Result, "result"), p.DecidedOn ?? c.Today)),
        new Step<SubmitDraftPayload>("DraftOnTheSpot", OnTheSpot.Apply),
        new Step<RecordConfidentialityReviewPayload>("RecordConfidentialityReview", (c, p) =>
            c.Facts["confidentialityReviewId"] = ConfidentialityReviews.Record(c.Case, c.Actor.UserName, c.Today, Req(p.Documents, "documents"),
                Req(p.Conclusion, "conclusion"), Req(p.Reasons, "reasons")).Id),
        // Lifecycle v2 (art 30, fees): the officer decides at the end of a correction or payment period.
        new Step<RecordCorrectionNoticeDeliveryPayload>("RecordCorrectionNoticeDelivery", (c, p) =>
            c.Case.RecordCorrectionNoticeDelivery(Req(p.DeliveredOn, "deliveredOn"), c.Calendar)),
        new Step<AcceptLateCorrectionPayload>("AcceptLateCorrection", (c, p) =>
            c.Case.AcceptLateCorrection(Req(p.ReceivedOn, "receivedOn"), Req(p.Reason, "reason"), c.Today)),
        new Step<NoPayload>("ConfirmCorrectionAbandoned", (c, _) =>
        {
            c.Case.ConfirmCorrectionAbandoned(c.Today);
            c.Mail(ApplicantMail.ReplyNotice(c.Case));
        }),
        new Step<AcceptLatePaymentPayload>("AcceptLatePayment", (c, p) =>
            c.Case.AcceptLatePayment(Req(p.PaidOn, "paidOn"), Req(p.PaidYuan, "paidYuan"), Req(p.Reason, "reason"), c.Today)),
        new Step<NoPayload>("ConfirmFeeAbandoned", (c, _) =>
        {
            c.Case.ConfirmFeeAbandoned(c.Today);
            c.Mail(ApplicantMail.ReplyNotice(c.Case));
        }),
        new Step<RecordProceedingDecisionPayload>("RecordProceedingDecision", (c, p) =>
            c.Facts["roundOpened"] = c.RoundOpened = c.Case.RecordProceedingDecision(Req(p.ProceedingId, "proceedingId"), Req(p.Result, "result"),
                p.DecidedOn ?? c.Today, p.OrderedReply ?? false, p.DecisionReceivedOn, p.OrderedReplyOn, c.Calendar)),
        new Step<ArchivePayload>("Archive", (c, p) => c.Case.Archive(Req(p.FileNumber, "fileNumber"), c.Today, c.Actor.UserName)),
    }.ToDictionary(s => s.Name);

    /// <summary>How many 按件 units the application counts as: one, or with <c>splitItems</c> (一事一申请, domain.md §2
    /// item 4) one per registered item.</summary>
    private static int FeeUnits(StepContext c, SendFeeNoticePayload p)
    {
        if (p.SplitItems != true) return 1;
        if (p.Method != FeeMethod.PerApplication)
            throw new CaseRuleException("splitItems", "一事一申请拆分只用于按件计收（国办函〔2020〕109号）。");
        var items = c.Case.Details.RequestedItems.Count;
        return items >= 2 ? items
            : throw new CaseRuleException("splitItems", "申请登记的事项不足两个，不能按一事一申请拆分计件（国办函〔2020〕109号；登记时逐行列出申请事项）。");
    }

    /// <summary>The fee the schedule gives: 按量 from the pages the officer counted; 按件 from the applicant's rank among
    /// its applications at the agency in the natural month, which the caller counted (StepContext.ApplicantMonthRank),
    /// over the application's <paramref name="units"/>.</summary>
    private static FeeQuote FeeQuoteFor(StepContext c, FeeMethod method, int? quantity, int units)
    {
        if (method == FeeMethod.PerPage)
            return ProcessingFees.PerPage(quantity ?? throw new CaseRuleException("quantity", "按量计收须填写页数。"));
        if (!Enum.IsDefined(method)) throw new CaseRuleException("method", "计收方式无法识别。");
        if (quantity is not null) throw new CaseRuleException("quantity", "按件计收时，申请件数由系统按申请人证件号码统计，不能填写。");
        var rank = c.ApplicantMonthRank ?? throw new CaseRuleException("method",
            "申请人未登记身份证件号码或统一社会信用代码，无法统计其当月申请件数；请补录或按量计收。");
        return ProcessingFees.ForApplicationUnits(rank, units);
    }

    // PayloadRules has already refused a missing [RequiredField]; Req narrows the type (and guards a step whose
    // payload forgot the attribute).
    private static T Req<T>(T? value, string field) where T : class =>
        value is string s && string.IsNullOrWhiteSpace(s) || value is null ? throw new CaseRuleException(field, "必填。") : value;

    private static T Req<T>(T? value, string field) where T : struct =>
        value ?? throw new CaseRuleException(field, "必填。");
}
