using CaseFlow.Domain.Reports;
using static CaseFlow.Domain.Tests.Reports.ReportFixtures;

namespace CaseFlow.Domain.Tests.Reports;

/// <summary>Row 四 of year Y = row 二 of Y+1, and 一 + 二 = 三(七) + 四 per column, over three years (2021–2023).</summary>
public class CarryOverTests
{
    private static readonly CaseFacts[] ThreeYears =
    [
        Case(1, NP, "2021-03-01", "2021-03-20", "Disclosed"),
        Case(2, Bus, "2021-11-15", "2022-01-10", "PartlyDisclosed", extended: true),
        Case(3, NP, "2021-12-28", "2023-02-01", "Withheld.ThirdParty"),
        Case(4, Res, "2022-05-05", "2022-06-01", "Unavailable.NotHeld"),
        Case(5, NP, "2022-12-30", "2023-01-04", "Other.Other"), // received in December, withdrawn in January
        Case(6, LS, "2022-12-31"),                              // still open
        Case(7, Oth, "2023-06-01", "2023-06-20", "NotProcessed.Repeated"),
        Case(8, PI, "2023-12-31", "2024-01-02", "Disclosed"),
        Case(9, NP, "2021-05-01", "2022-05-01", "Disclosed", isVoid: true),
    ];

    [Fact]
    public void Year_2021()
    {
        var r = Compute(2021, ThreeYears);
        Row(r, "New", 2, 1, 0, 0, 0, 0, 3);
        Row(r, "CarriedIn", 0, 0, 0, 0, 0, 0, 0);
        Row(r, "Disclosed", 1, 0, 0, 0, 0, 0, 1);
        Row(r, "ConcludedTotal", 1, 0, 0, 0, 0, 0, 1);
        Row(r, "CarriedOut", 1, 1, 0, 0, 0, 0, 2);
        Assert.Equal([2L, 3L], r.CasesIn("CarriedOut", "Total"));
        AllPassed(r);
        var carry = CheckNamed(r, "二 = 2020 年四（上年结转）");
        Assert.True(carry.Passed);
        Assert.Contains("不比较", carry.Detail); // no data for 2020 (case 9 is void)
    }

    [Fact]
    public void Year_2022()
    {
        var r = Compute(2022, ThreeYears);
        Row(r, "New", 1, 0, 1, 0, 1, 0, 3);
        Row(r, "CarriedIn", 1, 1, 0, 0, 0, 0, 2);
        Row(r, "PartlyDisclosed", 0, 1, 0, 0, 0, 0, 1);
        Row(r, "Unavailable.NotHeld", 0, 0, 1, 0, 0, 0, 1);
        Row(r, "Disclosed", 0, 0, 0, 0, 0, 0, 0); // case 9 is void
        Row(r, "ConcludedTotal", 0, 1, 1, 0, 0, 0, 2);
        Row(r, "CarriedOut", 2, 0, 0, 0, 1, 0, 3);
        Assert.Equal([3L, 5L], r.CasesIn("CarriedOut", "NaturalPerson"));
        AllPassed(r);
        Assert.Contains("按案件数据重算", CheckNamed(r, "二 = 2021 年四（上年结转）").Detail);
    }

    [Fact]
    public void Year_2023()
    {
        var r = Compute(2023, ThreeYears);
        Row(r, "New", 0, 0, 0, 1, 0, 1, 2);
        Row(r, "CarriedIn", 2, 0, 0, 0, 1, 0, 3);
        Row(r, "Withheld.ThirdParty", 1, 0, 0, 0, 0, 0, 1);
        Row(r, "Other.Other", 1, 0, 0, 0, 0, 0, 1);
        Row(r, "NotProcessed.Repeated", 0, 0, 0, 0, 0, 1, 1);
        Row(r, "ConcludedTotal", 2, 0, 0, 0, 0, 1, 3);
        Row(r, "CarriedOut", 0, 0, 0, 1, 1, 0, 2);
        Assert.Equal([3L, 5L, 6L], r.CasesIn("CarriedIn", "Total"));
        AllPassed(r);
    }

    [Fact]
    public void Each_years_row_2_equals_the_previous_years_row_4_and_every_column_balances()
    {
        var reports = new[] { 2021, 2022, 2023 }.Select(y => Compute(y, ThreeYears)).ToList();
        for (var i = 1; i < reports.Count; i++)
        {
            Assert.Equal(reports[i - 1].Table3.Rows["CarriedOut"], reports[i].Table3.Rows["CarriedIn"]);
            Assert.Equal(reports[i - 1].CasesIn("CarriedOut", "Total"), reports[i].CasesIn("CarriedIn", "Total"));
        }
        foreach (var r in reports)
        {
            var rows = r.Table3.Rows;
            for (var col = 0; col < 7; col++)
                Assert.Equal(rows["New"][col] + rows["CarriedIn"][col], rows["ConcludedTotal"][col] + rows["CarriedOut"][col]);
            Assert.Equal(7, r.Checks.Count(c => c.Name.StartsWith("一+二=三(七)+四", StringComparison.Ordinal) && c.Passed));
        }
    }

    [Fact]
    public void Received_in_December_concluded_in_January_counts_in_4_then_in_2_and_3()
    {
        CaseFacts[] cases = [Case(1, Res, "2022-12-30", "2023-01-04", "Disclosed")];
        var y2022 = Compute(2022, cases);
        Row(y2022, "New", 0, 0, 1, 0, 0, 0, 1);
        Row(y2022, "ConcludedTotal", 0, 0, 0, 0, 0, 0, 0);
        Row(y2022, "CarriedOut", 0, 0, 1, 0, 0, 0, 1);
        var y2023 = Compute(2023, cases);
        Row(y2023, "New", 0, 0, 0, 0, 0, 0, 0);
        Row(y2023, "CarriedIn", 0, 0, 1, 0, 0, 0, 1);
        Row(y2023, "Disclosed", 0, 0, 1, 0, 0, 0, 1);
        Row(y2023, "CarriedOut", 0, 0, 0, 0, 0, 0, 0);
        Assert.Equal([1L], y2022.CasesIn("CarriedOut", "Research"));
        Assert.Equal([1L], y2023.CasesIn("CarriedIn", "Research"));
        Assert.Equal([1L], y2023.CasesIn("Disclosed", "Research"));
        AllPassed(y2022);
        AllPassed(y2023);
    }

    [Fact]
    public void A_locked_previous_row_4_that_matches_passes()
    {
        var locked2022 = Compute(2022, ThreeYears).Table3.Rows; // the locked report's rows, passed as is
        var r = Compute(2023, ThreeYears, locked: locked2022);
        var check = CheckNamed(r, "二 = 2022 年四（上年结转）");
        Assert.True(check.Passed, check.Detail);
        Assert.Contains("锁定", check.Detail);

        var byLabel = Compute(2023, ThreeYears, locked: new Dictionary<string, int[]> { [Agency] = [2, 0, 0, 0, 1, 0, 3] });
        Assert.True(CheckNamed(byLabel, "二 = 2022 年四（上年结转）").Passed);
    }

    [Fact]
    public void A_locked_previous_row_4_that_differs_fails_and_names_the_columns_and_cases()
    {
        // locked 2022 四 said NP 1 (total 2), but the facts now give 2023 二 NP 2 (cases 3 and 5), total 3
        var r = Compute(2023, ThreeYears, locked: new Dictionary<string, int[]> { ["CarriedOut"] = [1, 0, 0, 0, 1, 0, 2] });
        var check = CheckNamed(r, "二 = 2022 年四（上年结转）");
        Assert.False(check.Passed);
        Assert.Contains("自然人", check.Detail);
        Assert.Contains("总计", check.Detail);
        Assert.DoesNotContain("法律服务机构、", check.Detail);
        Assert.Contains("C-003", check.Detail);
        Assert.Contains("C-005", check.Detail);
        Assert.Equal([3L, 5L], check.CaseIds);
        Assert.False(r.AllChecksPassed);
        // only this check fails
        Assert.Equal([check.Name], r.Checks.Where(c => !c.Passed).Select(c => c.Name));
    }

    [Fact]
    public void A_locked_row_that_is_not_seven_numbers_fails_without_an_exception()
    {
        var r = Compute(2023, ThreeYears, locked: new Dictionary<string, int[]> { [Agency] = [2, 0, 0] });
        var check = CheckNamed(r, "二 = 2022 年四（上年结转）");
        Assert.False(check.Passed);
        Assert.Contains("7 个数", check.Detail);
    }

    [Fact]
    public void Locked_rows_per_agency_replace_that_agencys_recomputed_figures()
    {
        CaseFacts[] cases =
        [
            Case(1, NP, "2022-12-01", agency: "甲局"),                         // open since 2022: 甲's 2023 二 NP 1
            Case(2, Bus, "2022-12-02", "2023-01-05", "Disclosed", agency: "甲局"), // 甲's 2023 二 Bus 1
            Case(3, NP, "2022-11-01", agency: "乙局"),                         // 乙 recomputed: 2022 四 NP 1
        ];
        // 甲's locked 2022 四 agrees with the facts: NP 1, Bus 1 → total last-year 四 = NP 2, Bus 1 = this year's 二
        var ok = AnnualReportCalculator.Compute(2023, "全市", cases, [], null,
            new Dictionary<string, int[]> { ["甲局"] = [1, 1, 0, 0, 0, 0, 2] });
        Row(ok, "CarriedIn", 2, 1, 0, 0, 0, 0, 3);
        var pass = CheckNamed(ok, "二 = 2022 年四（上年结转）");
        Assert.True(pass.Passed, pass.Detail);

        // 甲's locked 2022 四 said Bus 0: the Bus column differs; the case to look at is 甲's case 2
        var bad = AnnualReportCalculator.Compute(2023, "全市", cases, [], null,
            new Dictionary<string, int[]> { ["甲局"] = [1, 0, 0, 0, 0, 0, 1] });
        var fail = CheckNamed(bad, "二 = 2022 年四（上年结转）");
        Assert.False(fail.Passed);
        Assert.Contains("商业企业", fail.Detail);
        Assert.Equal([2L], fail.CaseIds);
    }
}
