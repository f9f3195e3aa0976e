using CaseFlow.Domain.Outcomes;
using CaseFlow.Workflows.Engine;

namespace CaseFlow.Workflows.Definitions;

/// <summary>A condition a definition may name in <c>guard</c> or <c>when</c>: its label on the diagram and what it checks.</summary>
public sealed record GuardEntry(string Name, string Label, Func<StepContext, bool> Holds);

/// <summary>A System action that a timer fires by its id (<see cref="CaseTimers"/>): the step it must run, and the step
/// whose effect arms its timer. A definition with the arming step must have the action, or the deciding step.
/// <see cref="DecidedBy"/>: the step of the officer's decision that a definition may have instead (v2: at the end of the
/// period nothing concludes by itself; the timer only reminds).</summary>
public sealed record TimerAction(string ActionId, string Step, string ArmedBy, string? DecidedBy = null);

/// <summary>
/// The closed sets a definition may name, in one table: step types (implemented in <see cref="Steps"/>), guards (with
/// their diagram labels and what they check), the roles (<see cref="Roles"/>, with labels) and the System actions the
/// timers fire. The engine, the validator, the diagram and <c>workflows/workflow-definition.schema.json</c> (a test
/// keeps it equal) read these, so a typo stops start-up instead of a case.
/// </summary>
public static class Registry
{
    public const string ExpireCorrection = "expireCorrection";
    public const string ExpireConsultation = "expireConsultation";
    public const string ExpireFeePayment = "expireFeePayment";

    public static readonly IReadOnlySet<string> StepTypes = Steps.All.Keys.ToHashSet(StringComparer.Ordinal);

    public static readonly IReadOnlyList<GuardEntry> GuardTable =
    [
        // the current draft's outcome is in settings.legalReviewOutcomes
        new("needsLegalReview", "需法律审核", ctx => Matches(ctx.Definition.Settings.LegalReviewOutcomes, ctx.Case.CurrentDraft.Outcome)),
        // the current draft's outcome is in settings.signOffOutcomes
        new("needsSignOff", "需签发", ctx => Matches(ctx.Definition.Settings.SignOffOutcomes, ctx.Case.CurrentDraft.Outcome)),
        new("hasOpenConsultation", "有未结征求意见", ctx => ctx.Case.HasOpenConsultation),
        new("hasOpenCoHandling", "有未结协办", ctx => ctx.Case.HasOpenCoHandling),
        // no extension granted or requested yet, and the reply deadline has not passed
        new("extensionAvailable", "可申请延期", ctx => ctx.Case.ExtensionAvailable(ctx.Today)),
        // an extension request waits for the head
        new("extensionRequested", "已申请延期", ctx => ctx.Case.ExtensionRequested),
        new("hasPendingProceeding", "有未结复议或诉讼", ctx => ctx.Case.HasPendingProceeding),
        // the proceeding result just recorded is 纠正 → a new reply round
        new("lastResultCorrected", "结果为纠正", ctx => ctx.LastResultCorrected),
        // the proceeding result just recorded ordered a new reply and opened a re-reply round (v2)
        new("roundOpened", "责令重新答复", ctx => ctx.RoundOpened),
        // concluded, no pending proceeding, no open re-reply round (v2)
        new("canArchive", "可归档", ctx => ctx.Case.CanArchive),
        // settings.feeWaitPausesClock
        new("feeWaitPausesClock", "缴费等待不计时", ctx => ctx.Definition.Settings.FeeWaitPausesClock),
        // the step just run concluded the case (当场答复 needing no review or sign-off)
        new("concluded", "已办结", ctx => ctx.Case.IsConcluded),
        // a correction notice sent by post whose delivery (the applicant's receipt) is not recorded yet
        new("correctionNoticeUndelivered", "补正告知书未登记送达", ctx => ctx.Case.CorrectionNoticeUndelivered),
        // the correction period has ended without a correction (today is after its last day)
        new("correctionPeriodEnded", "补正期限已届满", ctx => ctx.Case.CorrectionPeriodEnded(ctx.Today)),
        // the payment period has ended without payment
        new("feePeriodEnded", "缴费期限已届满", ctx => ctx.Case.FeePeriodEnded(ctx.Today)),
    ];

    public static readonly IReadOnlyDictionary<string, GuardEntry> GuardsByName = GuardTable.ToDictionary(g => g.Name, StringComparer.Ordinal);

    public static readonly IReadOnlySet<string> Guards = GuardTable.Select(g => g.Name).ToHashSet(StringComparer.Ordinal);

    public static readonly IReadOnlyList<TimerAction> TimerActions =
    [
        new(ExpireCorrection, "ExpireCorrection", "RequestCorrection", DecidedBy: "ConfirmCorrectionAbandoned"),
        new(ExpireConsultation, "ExpireConsultation", "StartConsultation"),
        new(ExpireFeePayment, "ExpireFeePayment", "SendFeeNotice", DecidedBy: "ConfirmFeeAbandoned"),
    ];

    private static bool Matches(IReadOnlyList<string> outcomes, string outcome) =>
        outcomes.Contains("*") || outcomes.Any(o => Outcomes.TryParse(o, out var x) && x.Code == outcome);
}
