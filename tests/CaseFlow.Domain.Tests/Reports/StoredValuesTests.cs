using CaseFlow.Domain.Cases;
using static CaseFlow.Domain.Tests.Reports.ReportFixtures;

namespace CaseFlow.Domain.Tests.Reports;

/// <summary>Undefined enum values (a stored value no name maps to) count nowhere and fail "存储的值可识别" naming the cases.</summary>
public class StoredValuesTests
{
    private const ApplicantColumn UnknownColumn = (ApplicantColumn)(-1);
    private const Channel UnknownChannel = (Channel)123;

    [Fact]
    public void Unknown_columns_channels_and_proceeding_kinds_count_nowhere_and_are_named()
    {
        var r = Compute(2023,
        [
            Case(1, NP, "2023-02-01", "2023-03-01", "Disclosed", channel: Channel.InPerson),
            Case(2, UnknownColumn, "2023-02-02", "2023-03-02", "Disclosed", channel: Channel.InPerson),
            Case(3, NP, "2023-02-03", channel: UnknownChannel),
            Case(4, NP, "2023-02-04", "2023-03-04", "Disclosed"),
            Case(5, NP, "2023-02-05", "2023-03-05", "Disclosed"),
        ],
        [
            Proceeding(4, (ProceedingKind)9, "2023-04-01"),
            Proceeding(5, ProceedingKind.Review, "2023-04-01", (ProceedingResult)9, "2023-05-01"),
            Proceeding(1, ProceedingKind.Review, "2023-04-01", ProceedingResult.Upheld, "2023-05-01"),
        ]);

        Row(r, "New", 4, 0, 0, 0, 0, 0, 4);
        Row(r, "Disclosed", 3, 0, 0, 0, 0, 0, 3);
        Row(r, "CarriedOut", 1, 0, 0, 0, 0, 0, 1);
        Assert.Equal(1, r.Extras.ByChannel["InPerson"]);
        Assert.Equal(2, r.Extras.ByChannel["Online"]);
        Table4(r, "Review", 1, 0, 0, 0, 1);
        Table4(r, "LawsuitAfterReview", 0, 0, 0, 0, 0);

        var check = CheckNamed(r, "存储的值可识别");
        Assert.False(check.Passed);
        Assert.Equal([2L, 3L, 4L, 5L], check.CaseIds);
        Assert.Contains("C-002", check.Detail);
        Assert.Contains("C-003", check.Detail);
        Assert.All(r.Checks.Where(c => c.Name != check.Name), c => Assert.True(c.Passed, c.Detail));
    }

    [Fact]
    public void Known_values_pass_the_check()
    {
        var r = Compute(2023, [Case(1, NP, "2023-02-01", "2023-03-01", "Disclosed")], [Proceeding(1, ProceedingKind.Lawsuit, "2023-04-01")]);
        Assert.True(CheckNamed(r, "存储的值可识别").Passed);
    }
}
