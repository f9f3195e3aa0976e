using CaseFlow.Domain.Reports;
using static CaseFlow.Domain.Tests.Reports.ReportFixtures;

namespace CaseFlow.Domain.Tests.Reports;

/// <summary>Table 二, typed in by the office.</summary>
public class Table2Tests
{
    [Fact]
    public void Empty_is_all_zeros_and_valid()
    {
        Assert.Equal(new Table2(new DocumentCounts(0, 0, 0), new DocumentCounts(0, 0, 0), 0, 0, 0, 0m), Table2.Empty);
        Assert.Empty(Table2.Empty.Validate());
    }

    [Fact]
    public void Typed_in_figures_are_valid_and_passed_through_to_the_report()
    {
        var t = new Table2(new DocumentCounts(2, 1, 35), new DocumentCounts(12, 4, 160), 1523, 87, 9, 12.3456m);
        Assert.Empty(t.Validate());
        var r = AnnualReportCalculator.Compute(2023, Agency, [], [], t);
        Assert.Same(t, r.Table2);
        Assert.Equal(Table2.Empty, AnnualReportCalculator.Compute(2023, Agency, [], [], null).Table2);
    }

    [Fact]
    public void Negative_numbers_are_reported_with_their_json_paths()
    {
        var t = new Table2(new DocumentCounts(-1, 0, 3), new DocumentCounts(0, -2, -3), -4, -5, -6, -0.01m);
        Assert.Equal(
        [
            "regulations.issued",
            "normativeDocuments.repealed",
            "normativeDocuments.inForce",
            "licensingDecisions",
            "penaltyDecisions",
            "enforcementDecisions",
            "feesTenThousandYuan",
        ], t.Validate().Select(e => e.Field));
        Assert.All(t.Validate(), e => Assert.Contains("不能为负数", e.Message));
    }

    [Fact]
    public void Missing_document_counts_are_reported_not_thrown()
    {
        var t = new Table2(null!, new DocumentCounts(0, 0, 0), 0, 0, 0, 0m);
        var e = Assert.Single(t.Validate());
        Assert.Equal("regulations", e.Field);
    }
}
