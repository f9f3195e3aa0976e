using CaseFlow.Domain.Outcomes;
using OutcomeList = CaseFlow.Domain.Outcomes.Outcomes;

namespace CaseFlow.Domain.Tests.Outcomes;

/// <summary>The remedies clause follows the outcome (domain.md §2.8): review first (行政复议法 2023 art 23) for every
/// 不予公开 outcome and for 部分公开, review or lawsuit for all others. The split is written out per code.</summary>
public class RemediesTests
{
    [Theory]
    [InlineData("PartlyDisclosed")]
    [InlineData("Withheld.StateSecret")]
    [InlineData("Withheld.ProhibitedByLaw")]
    [InlineData("Withheld.Security")]
    [InlineData("Withheld.ThirdParty")]
    [InlineData("Withheld.Internal")]
    [InlineData("Withheld.Deliberative")]
    [InlineData("Withheld.EnforcementFile")]
    [InlineData("Withheld.QueryMatter")]
    public void Refusals_and_partial_disclosure_name_review_first(string code)
    {
        var outcome = OutcomeList.Find(code);
        Assert.Equal(RemedyKind.ReviewFirst, Remedies.KindOf(outcome));
        Assert.Contains("应当先", Remedies.ClauseFor(outcome));
        Assert.Contains("第二十三条", Remedies.ClauseFor(outcome));
    }

    [Theory]
    [InlineData("Disclosed")]
    [InlineData("Unavailable.NotHeld")]
    [InlineData("Unavailable.NeedsCreation")]
    [InlineData("Unavailable.StillUnclear")]
    [InlineData("NotProcessed.Petition")]
    [InlineData("NotProcessed.Repeated")]
    [InlineData("NotProcessed.Publication")]
    [InlineData("NotProcessed.Massive")]
    [InlineData("NotProcessed.Confirmation")]
    [InlineData("Other.NoCorrection")]
    [InlineData("Other.FeeUnpaid")]
    [InlineData("Other.Other")]
    public void Other_outcomes_name_review_or_lawsuit(string code)
    {
        var outcome = OutcomeList.Find(code);
        Assert.Equal(RemedyKind.ReviewOrLawsuit, Remedies.KindOf(outcome));
        Assert.Equal("如对本答复不服，可以自收到本答复之日起60日内依法申请行政复议，或者自知道本答复之日起6个月内依法提起行政诉讼。",
            Remedies.ClauseFor(outcome));
    }

    [Fact]
    public void Partial_disclosure_names_review_first_for_the_withheld_part_and_both_for_the_rest()
    {
        var clause = Remedies.ClauseFor(OutcomeList.Find("PartlyDisclosed"));
        Assert.StartsWith("对本答复中不予公开的部分不服的，应当先", clause);
        Assert.Contains("或者自知道本答复之日起6个月内依法提起行政诉讼", clause);
    }

    [Fact]
    public void Every_outcome_is_covered_by_the_two_lists_above() => Assert.Equal(21, OutcomeList.All.Count);
}
