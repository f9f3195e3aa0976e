using System.Text.Json;
using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Reports;
using static CaseFlow.Domain.Tests.Reports.ReportFixtures;

namespace CaseFlow.Domain.Tests.Reports;

/// <summary>A lock refuses a change when the case's contribution to the locked year differs before and after. These
/// changes are written out by hand; for each, the contribution must differ exactly when the report of that year,
/// computed by the calculator over the case alone, has different locked figures (table 三, table 四, fees).</summary>
public class ContributionTests
{
    private static readonly CaseFacts Open2025 = Case(1, NP, "2025-12-29");

    public static TheoryData<string, CaseFacts, ProceedingFacts[], CaseFacts, ProceedingFacts[], int, bool> Changes => new()
    {
        { "assigned (nothing the report reads)", Open2025, [], Open2025 with { ReplyDueOn = new DateOnly(2026, 1, 27) }, [], 2025, false },
        { "concluded in the locked year", Open2025, [], Open2025 with { ConcludedOn = new DateOnly(2025, 12, 31), Outcome = "Disclosed" }, [], 2025, true },
        { "concluded the year after: still carried out", Open2025, [], Open2025 with { ConcludedOn = new DateOnly(2026, 1, 5), Outcome = "Disclosed" }, [], 2025, false },
        { "concluded the year after, seen from that year", Open2025, [], Open2025 with { ConcludedOn = new DateOnly(2026, 1, 5), Outcome = "Disclosed" }, [], 2026, true },
        { "voided", Open2025, [], Open2025 with { IsVoid = true }, [], 2025, true },
        { "voided, a year before its receipt", Open2025, [], Open2025 with { IsVoid = true }, [], 2024, false },
        {
            "another outcome in the same year",
            Case(2, Bus, "2025-03-01", "2025-03-20", "Disclosed"), [],
            Case(2, Bus, "2025-03-01", "2025-03-20", "Withheld.ThirdParty"), [], 2025, true
        },
        {
            "an unreadable outcome replaced by another unreadable one",
            Case(3, NP, "2025-03-01", "2025-03-20", "???"), [],
            Case(3, NP, "2025-03-01", "2025-03-20", "!!!"), [], 2025, false
        },
        { "a review filed in the locked year", Open2025, [], Open2025, [Proceeding(1, ProceedingKind.Review, "2025-12-30")], 2025, true },
        {
            "a review decided after 31 December",
            Open2025, [Proceeding(1, ProceedingKind.Review, "2025-12-30")],
            Open2025, [Proceeding(1, ProceedingKind.Review, "2025-12-30", ProceedingResult.Upheld, "2026-02-01")], 2025, false
        },
        {
            "a review decided by 31 December",
            Open2025, [Proceeding(1, ProceedingKind.Review, "2025-06-30")],
            Open2025, [Proceeding(1, ProceedingKind.Review, "2025-06-30", ProceedingResult.Corrected, "2025-12-01")], 2025, true
        },
        {
            "a fee notified in the locked year",
            Open2025, [], Open2025 with { FeeNotifiedOn = new DateOnly(2025, 12, 30), FeeNotifiedYuan = 100m }, [], 2025, true
        },
        {
            "a fee paid the year after",
            Open2025 with { FeeNotifiedOn = new DateOnly(2025, 12, 30), FeeNotifiedYuan = 100m }, [],
            Open2025 with { FeeNotifiedOn = new DateOnly(2025, 12, 30), FeeNotifiedYuan = 100m, FeePaidOn = new DateOnly(2026, 1, 4), FeePaidYuan = 100m }, [], 2025, false
        },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void A_change_alters_a_years_figures_exactly_when_the_contribution_differs(
        string change, CaseFacts before, ProceedingFacts[] proceedingsBefore, CaseFacts after, ProceedingFacts[] proceedingsAfter, int year, bool alters)
    {
        var differs = ReportContribution.Of(new CaseReportFacts(before, proceedingsBefore), year) != ReportContribution.Of(new CaseReportFacts(after, proceedingsAfter), year);
        var reportDiffers = Figures(Compute(year, [before], proceedingsBefore)) != Figures(Compute(year, [after], proceedingsAfter));

        Assert.True(alters == differs, $"{change}: contribution {(differs ? "differs" : "is the same")}");
        Assert.True(alters == reportDiffers, $"{change}: the calculator's figures {(reportDiffers ? "differ" : "are the same")}");
    }

    [Fact]
    public void A_new_case_counts_from_its_receipt_on_while_open()
    {
        var facts = new CaseReportFacts(Open2025, []);

        Assert.Equal(ReportContribution.None, ReportContribution.Of(facts, 2024));
        Assert.Equal("New,CarriedOut", ReportContribution.Of(facts, 2025).Table3Rows);
        Assert.Equal("CarriedIn,CarriedOut", ReportContribution.Of(facts, 2027).Table3Rows);
        Assert.Equal(ReportContribution.None, ReportContribution.Of(null, 2025));
    }

    private static string Figures(AnnualReport r) => JsonSerializer.Serialize(new { r.Table3.Rows, r.Table4, r.Fees });
}
