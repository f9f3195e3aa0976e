using CaseFlow.Domain.Cases;

namespace CaseFlow.Workflows.Engine;

/// <summary>
/// What a step needs of the case's current state, whatever the payload: the engine lists an action only when its step
/// can run now, and refuses it (409) with the same sentence when it cannot — so the UI never offers an action that is
/// then refused for the state it is in (e.g. a second correction notice, 当场答复 for a posted application). The
/// step's own checks stay (a refusal here is only the state part of them); payload checks are not repeated here.
/// </summary>
public static class StepPreconditions
{
    private static readonly Dictionary<string, Func<StepContext, string?>> ByStep = new(StringComparer.Ordinal)
    {
        ["RequestCorrection"] = ctx => InRound(ctx, "发出补正告知") ??
            (ctx.Case.Details.Correction is null ? null : "补正告知只能一次性发出（条例第三十条），本案已发出过补正告知书。"),
        ["ReceiveCorrection"] = ctx => ctx.Case.Details.Correction is not null ? null : "本案没有补正告知。",
        ["SendFeeNotice"] = ctx => InRound(ctx, "发出收费通知") ?? (ctx.Case.Details.Fee is null ? null : "本案已发出过收费通知。"),
        ["AskReasons"] = ctx => InRound(ctx, "要求申请人说明理由"),
        ["SetArticle35ReplyDate"] = ctx => InRound(ctx, "确定合理答复期限"),
        ["RequestExtension"] = ctx => InRound(ctx, "申请延期答复"),
        ["ReplyOnTheSpot"] = OnTheSpot,
        ["DraftOnTheSpot"] = OnTheSpot,
        ["ApproveExtension"] = ctx => ctx.Case.ReplyDueOn is { } due && ctx.Today > due
            ? $"须在答复期限 {due:yyyy-MM-dd} 届满前批准延期（条例第三十三条第二款）。" : null,
        ["ApproveDraft"] = HasDraft,
        ["ReturnDraft"] = HasDraft,
        ["SignOff"] = ctx => HasDraft(ctx) ?? Confidentiality(ctx),
        ["Deliver"] = ctx => HasDraft(ctx) ?? Confidentiality(ctx),
        ["RecordConfidentialityReview"] = ctx => HasDraft(ctx) ?? (ConfidentialityReviews.Releases(ctx.Case.CurrentDraft.Outcome)
            ? null : "当前答复草稿不公开任何信息，无需保密审查（条例第十七条）。"),
        ["Void"] = ctx => ctx.Case.Details.Proceedings.Count == 0 ? null : "本案已登记行政复议或诉讼，不能作废（domain.md §2.10）。",
    };

    /// <summary>Why <paramref name="step"/> cannot run on the case now, or null when it can.</summary>
    public static string? Refusal(string step, StepContext ctx) =>
        ByStep.TryGetValue(step, out var check) ? check(ctx) : null;

    /// <summary>The confidentiality review the definition asks for (settings.confidentialityReviewRole) is missing or does
    /// not match the draft's outcome; definitions without the setting (v1) ask for none.</summary>
    public static string? Confidentiality(StepContext ctx) =>
        ctx.Definition.Settings.ConfidentialityReviewRole is null ? null : ConfidentialityReviews.Missing(ctx.Case);

    /// <summary>A re-reply round answers the application again within the period the decision set (domain.md §2.9): the
    /// acts that shape the first answer's period or content — correction, fee, art 35, extension — are not repeated.</summary>
    private static string? InRound(StepContext ctx, string act) => ctx.Case.OpenRound is { } round
        ? $"重新答复（第 {round.Number} 轮）期间不能{act}：本轮的答复期限由复议决定或判决确定（domain.md §2.9），至 {round.DueOn:yyyy-MM-dd}。"
        : null;

    private static string? OnTheSpot(StepContext ctx)
    {
        var c = ctx.Case;
        if (c.Channel != Channel.InPerson) return "只有当面提出的申请才能当场答复（domain.md §2.8）。";
        if (ctx.Today != c.ReceivedOn) return "当场答复须在收到申请的当日办结。";
        return null;
    }

    private static string? HasDraft(StepContext ctx) =>
        ctx.Case.Details.Drafts.Any(d => d.Round == ctx.Case.Round) ? null : "尚无答复草稿。";
}
