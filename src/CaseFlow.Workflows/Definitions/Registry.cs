namespace CaseFlow.Workflows.Definitions;

/// <summary>The closed sets a definition may name. The engine's registry implements these names;
/// the validator checks definitions against them so a typo stops start-up instead of a case.</summary>
public static class Registry
{
    public static readonly IReadOnlySet<string> StepTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "AssignOfficer",
        "RequestCorrection", "ReceiveCorrection", "ExpireCorrection",
        "RequestCoHandling", "RecordCoHandlingReply",
        "StartConsultation", "RecordConsultationReply", "ExpireConsultation",
        "SendFeeNotice", "RecordPayment", "ExpireFeePayment",
        "AskReasons", "SetArticle35ReplyDate",
        "RequestExtension", "ApproveExtension", "RejectExtension",
        "SubmitDraft", "ApproveDraft", "ReturnDraft", "SignOff",
        "Deliver", "ReplyOnTheSpot", "Withdraw", "Void",
        "RecordProceeding", "RecordProceedingResult",
    };

    public static readonly IReadOnlySet<string> Guards = new HashSet<string>(StringComparer.Ordinal)
    {
        "needsLegalReview",        // the current draft's outcome is in settings.legalReviewOutcomes
        "needsSignOff",            // the current draft's outcome is in settings.signOffOutcomes
        "hasOpenConsultation",
        "hasOpenCoHandling",
        "extensionAvailable",      // no extension granted or requested yet, and the reply deadline has not passed
        "extensionRequested",      // an extension request waits for the head
        "hasPendingProceeding",
        "lastResultCorrected",     // the proceeding result just recorded is 纠正 → a new reply round
        "feeWaitPausesClock",      // settings.feeWaitPausesClock
    };
}
