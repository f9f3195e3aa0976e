using CaseFlow.Domain.Reports;
using static CaseFlow.Domain.Tests.Reports.ReportFixtures;

namespace CaseFlow.Domain.Tests.Reports;

/// <summary>The printed checks of table 三 and 四; bad data shows as a failed check naming the cases, never an exception.</summary>
public class ChecksTests
{
    [Fact]
    public void The_checks_of_a_correct_report()
    {
        var r = Compute(2023, [Case(1, NP, "2023-02-01", "2023-03-01", "Disclosed"), Case(2, Oth, "2022-06-01")]);
        Assert.Equal(
        [
            "办结案件的办理结果有效",
            "存储的值可识别",
            "一+二=三(七)+四（自然人）",
            "一+二=三(七)+四（商业企业）",
            "一+二=三(七)+四（科研机构）",
            "一+二=三(七)+四（社会公益组织）",
            "一+二=三(七)+四（法律服务机构）",
            "一+二=三(七)+四（其他）",
            "一+二=三(七)+四（总计）",
            "总计 = 六列之和",
            "三(七) = 各办理结果之和",
            "二 = 2022 年四（上年结转）",
            "表四各组总计 = 四项之和",
            "按时办结 + 延期办结 + 逾期办结 = 三(七)",
        ], r.Checks.Select(c => c.Name));
        Assert.All(r.Checks, c =>
        {
            Assert.True(c.Passed, c.Detail);
            Assert.Empty(c.CaseIds);
            Assert.False(string.IsNullOrWhiteSpace(c.Detail));
        });
        Assert.Equal("自然人：一 1 + 二 0 = 1，三(七) 1 + 四 0 = 1。", CheckNamed(r, "一+二=三(七)+四（自然人）").Detail);
    }

    [Fact]
    public void A_concluded_case_with_an_unknown_or_missing_outcome_fails_the_checks_of_its_column()
    {
        var r = Compute(2023,
        [
            Case(1, NP, "2023-02-01", "2023-03-01", "Disclosed"),
            Case(2, NP, "2023-02-02", "2023-03-02", "Approved"), // unknown code
            Case(3, Bus, "2023-04-01", "2023-05-01", null),      // missing outcome
            Case(4, Res, "2023-05-01"),                          // open
        ]);

        Row(r, "New", 2, 1, 1, 0, 0, 0, 4);
        Row(r, "ConcludedTotal", 1, 0, 0, 0, 0, 0, 1);
        Row(r, "CarriedOut", 0, 0, 1, 0, 0, 0, 1);

        var outcomes = CheckNamed(r, "办结案件的办理结果有效");
        Assert.False(outcomes.Passed);
        Assert.Equal([2L, 3L], outcomes.CaseIds);
        Assert.Contains("C-002", outcomes.Detail);
        Assert.Contains("Approved", outcomes.Detail);
        Assert.Contains("C-003", outcomes.Detail);

        var np = CheckNamed(r, "一+二=三(七)+四（自然人）");
        Assert.False(np.Passed);
        Assert.Equal([2L], np.CaseIds);
        Assert.StartsWith("自然人：一 2 + 二 0 = 2，三(七) 1 + 四 0 = 1，不相等。", np.Detail);
        Assert.Contains("C-002", np.Detail);

        var bus = CheckNamed(r, "一+二=三(七)+四（商业企业）");
        Assert.False(bus.Passed);
        Assert.Equal([3L], bus.CaseIds);

        var total = CheckNamed(r, "一+二=三(七)+四（总计）");
        Assert.False(total.Passed);
        Assert.Equal([2L, 3L], total.CaseIds);

        Assert.True(CheckNamed(r, "一+二=三(七)+四（科研机构）").Passed);
        Assert.True(CheckNamed(r, "总计 = 六列之和").Passed);
        Assert.True(CheckNamed(r, "三(七) = 各办理结果之和").Passed);
        Assert.True(CheckNamed(r, "表四各组总计 = 四项之和").Passed);
        Assert.False(r.AllChecksPassed);
    }

    [Fact]
    public void A_case_concluded_before_it_was_received_across_the_year_end_fails_the_balance_of_its_column()
    {
        // data error: received 2024-01-05 but "concluded" 2023-12-20 → in 三 of 2023 without being in 一 or 二
        var r = Compute(2023, [Case(1, LS, "2023-03-01", "2023-03-05", "Disclosed"), Case(2, LS, "2024-01-05", "2023-12-20", "Disclosed")]);
        Row(r, "New", 0, 0, 0, 0, 1, 0, 1);
        Row(r, "ConcludedTotal", 0, 0, 0, 0, 2, 0, 2);
        var ls = CheckNamed(r, "一+二=三(七)+四（法律服务机构）");
        Assert.False(ls.Passed);
        Assert.Equal([2L], ls.CaseIds);
        Assert.Contains("C-002", ls.Detail);
        Assert.Contains("日期不一致", ls.Detail);
    }

    [Fact]
    public void Carry_over_is_not_compared_when_last_year_has_no_data()
    {
        var r = Compute(2023, [Case(1, NP, "2023-01-02")]);
        var check = CheckNamed(r, "二 = 2022 年四（上年结转）");
        Assert.True(check.Passed);
        Assert.Contains("不比较", check.Detail);
    }

    [Fact]
    public void A_locked_previous_row_4_is_compared_even_when_the_facts_have_no_earlier_case()
    {
        var r = Compute(2023, [Case(1, NP, "2023-01-02")], locked: new Dictionary<string, int[]> { ["CarriedOut"] = [0, 0, 0, 0, 0, 1, 1] });
        var check = CheckNamed(r, "二 = 2022 年四（上年结转）");
        Assert.False(check.Passed);
        Assert.Contains("其他", check.Detail);
        Assert.Empty(check.CaseIds); // no case of this year's 二 to point at
    }
}
