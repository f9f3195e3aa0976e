using System.Text.Json;
using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Reports;
using static CaseFlow.Domain.Tests.Reports.ReportFixtures;

namespace CaseFlow.Domain.Tests.Reports;

/// <summary>The report from tallies (what the web layer's GROUP BY returns) equals the report from the cases.</summary>
public class TallyTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Groups cases the way the aggregate query does: dates by period, the rest only where it is read.</summary>
    private static List<CaseTally> Tally(IEnumerable<CaseFacts> cases, int year) =>
    [
        .. cases.Where(c => !c.IsVoid).GroupBy(c =>
        {
            var received = AnnualReportCalculator.PeriodOf(c.ReceivedOn, year);
            ReportPeriod? concluded = c.ConcludedOn is { } d ? AnnualReportCalculator.PeriodOf(d, year) : null;
            var inYear = concluded == ReportPeriod.During;
            return new CaseTally(c.Agency, c.Column, received, concluded, inYear ? c.Outcome : null,
                received == ReportPeriod.During ? c.Channel : null, inYear && c.Extended,
                inYear && (c.ReplyDueOn is null || c.ConcludedOn <= c.ReplyDueOn), 0);
        }).Select(g => g.Key with { Count = g.Count() }),
    ];

    private static readonly CaseFacts[] Extras =
    [
        Case(101, NP, "2023-03-01", "2023-03-30", "Disclosed", channel: Channel.Fax, extended: true),
        Case(102, Bus, "2023-03-01", "2023-04-30", "Disclosed", channel: Channel.Email, replyDue: "2023-04-20"),
        Case(103, Res, "2023-03-01", "2023-04-10", "Disclosed", replyDue: "2023-04-20"),
        Case(104, NP, "2021-05-01", "2022-02-01", "Disclosed"), // concluded the year before: only "last year has data"
        Case(105, Oth, "2023-06-01", "2022-06-01", "Disclosed"), // dates inconsistent: the balance check fails
    ];

    [Theory]
    [InlineData(2022)]
    [InlineData(2023)]
    [InlineData(2024)]
    public void Tallies_give_the_figures_and_passed_checks_of_the_cases(int year)
    {
        var cases = Table3Tests.Year2023.Concat(Extras.Take(4)).ToList();
        var fromCases = Compute(year, cases);
        var fromTallies = AnnualReportCalculator.Compute(year, Agency, Tally(cases, year), [], [], null);
        AllPassed(fromCases);
        Assert.Equal(JsonSerializer.Serialize(fromCases, Json), JsonSerializer.Serialize(fromTallies, Json));
        Assert.Empty(fromTallies.CasesIn("New", "Total"));
    }

    [Fact]
    public void A_check_failed_on_tallies_says_it_cannot_name_the_cases()
    {
        var cases = Table3Tests.Year2023.Concat(Extras).ToList();
        var fromCases = Compute(2023, cases);
        var fromTallies = AnnualReportCalculator.Compute(2023, Agency, Tally(cases, 2023), [], [], null);
        Assert.Equal(fromCases.Table3.Rows, fromTallies.Table3.Rows);
        Assert.Equal(fromCases.Checks.Select(c => (c.Name, c.Passed)), fromTallies.Checks.Select(c => (c.Name, c.Passed)));
        var check = CheckNamed(fromTallies, "一+二=三(七)+四（其他）");
        Assert.False(check.Passed);
        Assert.Contains("未列出案件", check.Detail, StringComparison.Ordinal);
        Assert.Contains("C-105", CheckNamed(fromCases, "一+二=三(七)+四（其他）").Detail, StringComparison.Ordinal);
    }
}
