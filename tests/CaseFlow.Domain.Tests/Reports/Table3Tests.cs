using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Reports;
using static CaseFlow.Domain.Tests.Reports.ReportFixtures;

namespace CaseFlow.Domain.Tests.Reports;

/// <summary>Table 三 of the annual report, attributed as domain.md §5 says. All expected figures are counted by hand.</summary>
public class Table3Tests
{
    /// <summary>
    /// Report 2023. Cases 1–21: received and concluded in 2023, one per outcome in table order, columns cycling
    /// NP, Bus, Res, PI, LS, Oth. Case 22 (NP) received 2022 concluded 2023; 23 (Bus) received 2022, open;
    /// 24 (PI) received and concluded 2022; 25 (LS) received 2023-12-28, open; 26 (Oth) received 2023-12-30,
    /// concluded 2024-01-05; 27 (NP) void; 28 (Res) received 2024.
    /// </summary>
    internal static readonly CaseFacts[] Year2023 =
    [
        Case(1, NP, "2023-01-03", "2023-01-20", "Disclosed"),
        Case(2, Bus, "2023-01-04", "2023-01-21", "部分公开"),
        Case(3, Res, "2023-01-05", "2023-01-22", "Withheld.StateSecret"),
        Case(4, PI, "2023-02-01", "2023-02-20", "Withheld.ProhibitedByLaw"),
        Case(5, LS, "2023-02-02", "2023-02-21", "危及\"三安全一稳定\""),
        Case(6, Oth, "2023-02-03", "2023-02-22", "Withheld.ThirdParty"),
        Case(7, NP, "2023-03-01", "2023-03-20", "Withheld.Internal"),
        Case(8, Bus, "2023-03-02", "2023-03-21", "Withheld.Deliberative"),
        Case(9, Res, "2023-03-03", "2023-03-22", "Withheld.EnforcementFile"),
        Case(10, PI, "2023-04-03", "2023-04-20", "Withheld.QueryMatter"),
        Case(11, LS, "2023-04-04", "2023-04-21", "Unavailable.NotHeld"),
        Case(12, Oth, "2023-04-05", "2023-04-24", "Unavailable.NeedsCreation"),
        Case(13, NP, "2023-05-04", "2023-05-22", "Unavailable.StillUnclear"),
        Case(14, Bus, "2023-05-05", "2023-05-23", "NotProcessed.Petition"),
        Case(15, Res, "2023-05-08", "2023-05-24", "NotProcessed.Repeated"),
        Case(16, PI, "2023-06-01", "2023-06-20", "NotProcessed.Publication"),
        Case(17, LS, "2023-06-02", "2023-06-21", "NotProcessed.Massive"),
        Case(18, Oth, "2023-06-05", "2023-06-26", "NotProcessed.Confirmation"),
        Case(19, NP, "2023-07-03", "2023-07-20", "Other.NoCorrection"),
        Case(20, Bus, "2023-07-04", "2023-07-21", "Other.FeeUnpaid"),
        Case(21, Res, "2023-07-05", "2023-07-06", "Other.Other"), // withdrawn
        Case(22, NP, "2022-11-03", "2023-01-10", "Disclosed"),
        Case(23, Bus, "2022-12-20"),
        Case(24, PI, "2022-06-01", "2022-07-01", "Disclosed"),
        Case(25, LS, "2023-12-28"),
        Case(26, Oth, "2023-12-30", "2024-01-05", "Disclosed"),
        Case(27, NP, "2023-03-01", "2023-03-10", "Disclosed", isVoid: true),
        Case(28, Res, "2024-01-02"),
    ];

    [Fact]
    public void Every_row_and_every_column_counted_by_hand()
    {
        var r = Compute(2023, Year2023);

        Assert.Equal(2023, r.Year);
        Assert.Equal(Agency, r.Agency);
        //                                    NP Bus Res PI LS Oth Total
        Row(r, "New",                         4, 4, 4, 3, 4, 4, 23);
        Row(r, "CarriedIn",                   1, 1, 0, 0, 0, 0, 2);
        Row(r, "Disclosed",                   2, 0, 0, 0, 0, 0, 2);
        Row(r, "PartlyDisclosed",             0, 1, 0, 0, 0, 0, 1);
        Row(r, "Withheld.StateSecret",        0, 0, 1, 0, 0, 0, 1);
        Row(r, "Withheld.ProhibitedByLaw",    0, 0, 0, 1, 0, 0, 1);
        Row(r, "Withheld.Security",           0, 0, 0, 0, 1, 0, 1);
        Row(r, "Withheld.ThirdParty",         0, 0, 0, 0, 0, 1, 1);
        Row(r, "Withheld.Internal",           1, 0, 0, 0, 0, 0, 1);
        Row(r, "Withheld.Deliberative",       0, 1, 0, 0, 0, 0, 1);
        Row(r, "Withheld.EnforcementFile",    0, 0, 1, 0, 0, 0, 1);
        Row(r, "Withheld.QueryMatter",        0, 0, 0, 1, 0, 0, 1);
        Row(r, "Unavailable.NotHeld",         0, 0, 0, 0, 1, 0, 1);
        Row(r, "Unavailable.NeedsCreation",   0, 0, 0, 0, 0, 1, 1);
        Row(r, "Unavailable.StillUnclear",    1, 0, 0, 0, 0, 0, 1);
        Row(r, "NotProcessed.Petition",       0, 1, 0, 0, 0, 0, 1);
        Row(r, "NotProcessed.Repeated",       0, 0, 1, 0, 0, 0, 1);
        Row(r, "NotProcessed.Publication",    0, 0, 0, 1, 0, 0, 1);
        Row(r, "NotProcessed.Massive",        0, 0, 0, 0, 1, 0, 1);
        Row(r, "NotProcessed.Confirmation",   0, 0, 0, 0, 0, 1, 1);
        Row(r, "Other.NoCorrection",          1, 0, 0, 0, 0, 0, 1);
        Row(r, "Other.FeeUnpaid",             0, 1, 0, 0, 0, 0, 1);
        Row(r, "Other.Other",                 0, 0, 1, 0, 0, 0, 1);
        Row(r, "ConcludedTotal",              5, 4, 4, 3, 3, 3, 22);
        Row(r, "CarriedOut",                  0, 1, 0, 0, 1, 1, 3);
        AllPassed(r);
    }

    [Fact]
    public void Rows_and_columns_are_in_table_order()
    {
        var r = Compute(2023, Year2023);
        Assert.Equal(
        [
            "New", "CarriedIn",
            "Disclosed", "PartlyDisclosed",
            "Withheld.StateSecret", "Withheld.ProhibitedByLaw", "Withheld.Security", "Withheld.ThirdParty",
            "Withheld.Internal", "Withheld.Deliberative", "Withheld.EnforcementFile", "Withheld.QueryMatter",
            "Unavailable.NotHeld", "Unavailable.NeedsCreation", "Unavailable.StillUnclear",
            "NotProcessed.Petition", "NotProcessed.Repeated", "NotProcessed.Publication", "NotProcessed.Massive", "NotProcessed.Confirmation",
            "Other.NoCorrection", "Other.FeeUnpaid", "Other.Other",
            "ConcludedTotal", "CarriedOut",
        ], r.Table3.Rows.Keys);
        Assert.Equal(["NaturalPerson", "Business", "Research", "PublicInterest", "LegalService", "OtherOrganisation", "Total"], r.Table3.Columns);
        Assert.All(r.Table3.Rows.Values, v => Assert.Equal(7, v.Length));
    }

    [Fact]
    public void Drill_down_lists_the_cases_of_a_cell()
    {
        var r = Compute(2023, Year2023);
        Assert.Equal([1L, 22L], r.CasesIn("Disclosed", "NaturalPerson"));
        Assert.Equal([22L], r.CasesIn("CarriedIn", "NaturalPerson"));
        Assert.Equal([22L, 23L], r.CasesIn("CarriedIn", "Total"));
        Assert.Empty(r.CasesIn("CarriedIn", "Research"));
        Assert.Equal([5L], r.CasesIn("Withheld.Security", "LegalService"));
        Assert.Equal([21L], r.CasesIn("Other.Other", "Research"));
        Assert.Equal([1L, 7L, 13L, 19L, 22L], r.CasesIn("ConcludedTotal", "NaturalPerson"));
        Assert.Equal([23L, 25L, 26L], r.CasesIn("CarriedOut", "Total"));
        Assert.Equal([6L, 12L, 18L, 26L], r.CasesIn("New", "OtherOrganisation"));
        Assert.Equal(
            [1L, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 25, 26],
            r.CasesIn("New", "Total"));
        Assert.Equal(
            [1L, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22],
            r.CasesIn("ConcludedTotal", "Total"));
    }

    [Theory]
    [InlineData("Withdrawn", "Total")]
    [InlineData("New", "自然人")]
    [InlineData("new", "Total")]
    public void Drill_down_rejects_unknown_rows_and_columns(string row, string column) =>
        Assert.Throws<ArgumentException>(() => Compute(2023, Year2023).CasesIn(row, column));

    [Fact]
    public void Withdrawal_counts_in_row_6_item_3_of_the_year_it_is_concluded()
    {
        var r = Compute(2023,
        [
            Case(1, PI, "2023-03-01", "2023-03-02", "Other.Other"),
            Case(2, PI, "2023-03-05", "2023-03-09", "其他"),
        ]);
        Row(r, "Other.Other", 0, 0, 0, 2, 0, 0, 2);
        Row(r, "ConcludedTotal", 0, 0, 0, 2, 0, 0, 2);
        Row(r, "Other.NoCorrection", 0, 0, 0, 0, 0, 0, 0);
        Assert.Equal([1L, 2L], r.CasesIn("Other.Other", "PublicInterest"));
        AllPassed(r);
    }

    [Fact]
    public void Void_cases_count_nowhere()
    {
        var voidCase = Case(1, NP, "2023-02-01", "2023-02-20", "Disclosed", channel: Channel.Email, isVoid: true, extended: true) with
        {
            FeeNotifiedOn = TestSupport.D("2023-02-05"), FeeNotifiedYuan = 100m, FeePaidOn = TestSupport.D("2023-02-10"), FeePaidYuan = 100m,
        };
        var voidOpenFromLastYear = Case(2, Bus, "2022-12-01", isVoid: true);
        var r = Compute(2023, [voidCase, voidOpenFromLastYear],
            [Proceeding(1, ProceedingKind.Review, "2023-03-01"), Proceeding(2, ProceedingKind.Lawsuit, "2023-04-01", ProceedingResult.Upheld, "2023-06-01")]);

        Assert.All(r.Table3.Rows, kv => Assert.True(kv.Value.All(n => n == 0), kv.Key));
        Assert.All(r.Table4.Values, g => Assert.True(g.Values.All(n => n == 0)));
        Assert.Equal(0, r.Fees.Notices);
        Assert.Equal(0m, r.Fees.NotifiedYuan);
        Assert.Equal(0m, r.Fees.CollectedYuan);
        Assert.All(r.Extras.ByChannel.Values, n => Assert.Equal(0, n));
        Assert.Equal(0, r.Extras.ConcludedOnTime);
        Assert.Equal(0, r.Extras.ConcludedAfterExtension);
        Assert.Equal(0, r.Extras.ConcludedLate);
        Assert.Empty(r.CasesIn("New", "Total"));
        AllPassed(r);
    }

    [Fact]
    public void A_void_case_next_to_the_same_live_case_changes_nothing()
    {
        CaseFacts[] live = [Case(1, NP, "2023-02-01", "2023-02-20", "Disclosed"), Case(2, Bus, "2022-12-01")];
        var with = Compute(2023, [.. live, Case(3, NP, "2023-02-01", "2023-02-20", "Disclosed", isVoid: true), Case(4, Bus, "2022-12-01", isVoid: true)]);
        Row(with, "New", 1, 0, 0, 0, 0, 0, 1);
        Row(with, "CarriedIn", 0, 1, 0, 0, 0, 0, 1);
        Row(with, "Disclosed", 1, 0, 0, 0, 0, 0, 1);
        Row(with, "CarriedOut", 0, 1, 0, 0, 0, 0, 1);
        Assert.Equal([1L], with.CasesIn("New", "Total"));
        Assert.Equal([2L], with.CasesIn("CarriedOut", "Total"));
    }

    [Fact]
    public void Boundary_dates_of_the_year()
    {
        // 1: received 2022-12-31, concluded 2023-01-01 → 二 and 三 of 2023.
        // 2: received 2023-01-01, concluded 2023-12-31 → 一 and 三.
        // 3: received 2023-12-31, concluded 2024-01-01 → 一 and 四.
        // 4: received 2022-12-31, concluded 2022-12-31 → nowhere in 2023.
        var r = Compute(2023,
        [
            Case(1, Oth, "2022-12-31", "2023-01-01", "Disclosed"),
            Case(2, Oth, "2023-01-01", "2023-12-31", "Disclosed"),
            Case(3, Oth, "2023-12-31", "2024-01-01", "Disclosed"),
            Case(4, Oth, "2022-12-31", "2022-12-31", "Disclosed"),
        ]);
        Row(r, "New", 0, 0, 0, 0, 0, 2, 2);
        Row(r, "CarriedIn", 0, 0, 0, 0, 0, 1, 1);
        Row(r, "Disclosed", 0, 0, 0, 0, 0, 2, 2);
        Row(r, "ConcludedTotal", 0, 0, 0, 0, 0, 2, 2);
        Row(r, "CarriedOut", 0, 0, 0, 0, 0, 1, 1);
        Assert.Equal([1L, 2L], r.CasesIn("Disclosed", "OtherOrganisation"));
        Assert.Equal([3L], r.CasesIn("CarriedOut", "OtherOrganisation"));
        AllPassed(r);
    }

    [Fact]
    public void The_calculator_counts_every_agency_it_is_given_under_the_label_passed_in()
    {
        var r = AnnualReportCalculator.Compute(2023, "全市",
            [Case(1, NP, "2023-02-01", agency: "市司法局"), Case(2, NP, "2023-03-01", agency: "某区政府")], [], null);
        Assert.Equal("全市", r.Agency);
        Row(r, "New", 2, 0, 0, 0, 0, 0, 2);
        Row(r, "CarriedOut", 2, 0, 0, 0, 0, 0, 2);
    }
}
