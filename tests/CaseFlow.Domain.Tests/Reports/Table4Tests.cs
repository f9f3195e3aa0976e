using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Reports;
using static CaseFlow.Domain.Tests.Reports.ReportFixtures;

namespace CaseFlow.Domain.Tests.Reports;

/// <summary>Table 四: proceedings filed in Y, with the result known on 31 December Y (else 尚未审结).</summary>
public class Table4Tests
{
    private static readonly CaseFacts[] Cases =
    [
        Case(1, NP, "2022-10-01", "2022-11-01", "Withheld.Internal"),
        Case(2, NP, "2022-10-02", "2022-11-02", "Withheld.Internal"),
        Case(3, Bus, "2023-01-10", "2023-02-01", "Unavailable.NotHeld"),
        Case(4, Bus, "2023-08-01", "2023-09-01", "Withheld.ThirdParty"),
        Case(5, Res, "2022-09-01", "2022-10-01", "Withheld.StateSecret"),
        Case(6, Res, "2023-01-02", "2023-01-20", "Disclosed", isVoid: true),
    ];

    private static readonly ProceedingFacts[] Proceedings =
    [
        Proceeding(1, ProceedingKind.Review, "2023-02-01", ProceedingResult.Upheld, "2023-04-01"),
        Proceeding(2, ProceedingKind.Review, "2023-11-20", ProceedingResult.Corrected, "2024-01-15"), // pending at the end of 2023
        Proceeding(3, ProceedingKind.Lawsuit, "2023-05-01", ProceedingResult.Other, "2023-09-01"),
        Proceeding(4, ProceedingKind.Lawsuit, "2023-12-01"),                                          // no result yet
        Proceeding(1, ProceedingKind.LawsuitAfterReview, "2023-05-10", ProceedingResult.Corrected, "2023-10-10"),
        Proceeding(5, ProceedingKind.Review, "2022-12-01", ProceedingResult.Upheld, "2023-02-01"),    // filed in 2022
        Proceeding(6, ProceedingKind.Review, "2023-03-01", ProceedingResult.Upheld, "2023-04-01"),    // void case
        Proceeding(2, ProceedingKind.Review, "2023-01-05", ProceedingResult.Upheld, "2023-12-31"),    // decided on the last day
        Proceeding(99, ProceedingKind.Review, "2023-03-01"),                                          // not one of the cases given
    ];

    [Fact]
    public void Year_2023_counts_the_proceedings_filed_in_2023()
    {
        var r = Compute(2023, Cases, Proceedings);
        Assert.Equal(["Review", "LawsuitDirect", "LawsuitAfterReview"], r.Table4.Keys);
        //                               Upheld Corrected Other Pending Total
        Table4(r, "Review",              2, 0, 0, 1, 3);
        Table4(r, "LawsuitDirect",       0, 0, 1, 1, 2);
        Table4(r, "LawsuitAfterReview",  0, 1, 0, 0, 1);
        AllPassed(r);
    }

    [Fact]
    public void Pending_at_year_end_and_decided_the_next_year_is_not_counted_again()
    {
        var r = Compute(2024, Cases, Proceedings);
        Table4(r, "Review",              0, 0, 0, 0, 0);
        Table4(r, "LawsuitDirect",       0, 0, 0, 0, 0);
        Table4(r, "LawsuitAfterReview",  0, 0, 0, 0, 0);
    }

    [Fact]
    public void Year_2022_counts_the_review_filed_in_December_as_pending()
    {
        var r = Compute(2022, Cases, Proceedings);
        Table4(r, "Review",              0, 0, 0, 1, 1);
        Table4(r, "LawsuitDirect",       0, 0, 0, 0, 0);
        Table4(r, "LawsuitAfterReview",  0, 0, 0, 0, 0);
        Assert.Equal([5L], r.CasesInTable4("Review", "Pending"));
    }

    [Fact]
    public void A_review_and_the_lawsuit_after_it_count_in_their_own_groups()
    {
        var r = Compute(2023, [Case(1, NP, "2022-10-01", "2022-11-01", "Withheld.Internal")],
        [
            Proceeding(1, ProceedingKind.Review, "2022-12-01", ProceedingResult.Upheld, "2023-01-20"),
            Proceeding(1, ProceedingKind.LawsuitAfterReview, "2023-02-10"),
        ]);
        Table4(r, "Review",              0, 0, 0, 0, 0); // the review counts in 2022, its own year
        Table4(r, "LawsuitDirect",       0, 0, 0, 0, 0);
        Table4(r, "LawsuitAfterReview",  0, 0, 0, 1, 1);
    }

    [Fact]
    public void Drill_down_lists_the_case_of_each_proceeding()
    {
        var r = Compute(2023, Cases, Proceedings);
        Assert.Equal([1L, 2L], r.CasesInTable4("Review", "Upheld"));
        Assert.Equal([2L], r.CasesInTable4("Review", "Pending"));
        Assert.Equal([1L, 2L, 2L], r.CasesInTable4("Review", "Total"));
        Assert.Equal([3L, 4L], r.CasesInTable4("LawsuitDirect", "Total"));
        Assert.Equal([1L], r.CasesInTable4("LawsuitAfterReview", "Corrected"));
        Assert.Empty(r.CasesInTable4("LawsuitAfterReview", "Upheld"));
        Assert.Throws<ArgumentException>(() => r.CasesInTable4("Lawsuit", "Total"));
        Assert.Throws<ArgumentException>(() => r.CasesInTable4("Review", "Withdrawn"));
    }
}
