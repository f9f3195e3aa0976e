using CaseFlow.Domain.Cases;
using CaseFlow.Web.Features.Cases.Pages;

namespace CaseFlow.Web.Tests.Features.Cases;

/// <summary>Pages show enum values by their Chinese labels; a stored value read as unknown (its number) is said to be
/// not recognised instead of showing the number.</summary>
public sealed class FieldLabelsTests
{
    [Theory]
    [InlineData("Review", "行政复议")]
    [InlineData("LawsuitAfterReview", "行政诉讼（复议后起诉）")]
    [InlineData("-1", "（无法识别）")]
    [InlineData("7", "（无法识别）")]
    public void A_proceeding_kind_is_shown_by_its_label(string name, string shown) =>
        Assert.Equal(shown, FieldLabels.EnumLabel(typeof(ProceedingKind), name));

    [Fact]
    public void An_unknown_stored_value_as_the_pages_pass_it_is_not_recognised() =>
        Assert.Equal("（无法识别）", FieldLabels.EnumLabel(typeof(ProceedingResult), ((ProceedingResult)(-1)).ToString()));
}
