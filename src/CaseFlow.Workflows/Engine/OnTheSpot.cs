using CaseFlow.Domain.Cases;

namespace CaseFlow.Workflows.Engine;

/// <summary>
/// 当场答复 in v2 (step DraftOnTheSpot, domain.md §2.8): only to an applicant present in person, on the day of receipt.
/// The reply is a draft like any other, so legal review and sign-off (and the confidentiality review of a reply that
/// releases information) still apply when the definition asks for them: the action's transitions send it to legal review
/// or sign-off, and it is delivered from there. Only when the definition asks for none of them does the step deliver in
/// person and conclude on the day of receipt at once. (v1's step ReplyOnTheSpot always concludes at once.)
/// </summary>
internal static class OnTheSpot
{
    public static void Apply(StepContext c, SubmitDraftPayload p)
    {
        c.Case.EnsureOnTheSpotPossible(c.Today);
        var draft = c.Case.SubmitDraft(p.Outcome, p.Text ?? throw new CaseRuleException("text", "必填。"), c.Actor.UserName, c.NowUtc,
            p.ItemOutcomes(), p.MainItem);
        c.Facts["draft"] = draft.Number;
        c.Facts["onTheSpot"] = true;
        if (Guards.Evaluate("needsLegalReview", c) || Guards.Evaluate("needsSignOff", c) || StepPreconditions.Confidentiality(c) is not null)
            return;
        c.Case.Deliver(DeliveryMethod.InPerson, c.Case.ReceivedOn);
        c.Mail(ApplicantMail.ReplyNotice(c.Case));
    }
}
