using System.Globalization;
using System.Security.Claims;
using CaseFlow.Data;
using CaseFlow.Domain.Outcomes;
using CaseFlow.Domain.Reports;
using CaseFlow.Web.Features.Agencies;
using Microsoft.EntityFrameworkCore;
using OutcomeList = CaseFlow.Domain.Outcomes.Outcomes;

namespace CaseFlow.Web.Features.Reports;

/// <summary>The figures behind the report page's charts, taken from the report itself: the cases of table 三's cells
/// (the drill-down's <see cref="AnnualReportQuery.ComputeWithCasesAsync"/>) by month and by department, and the
/// outcome rows by group. Nothing is attributed here: a chart's bars always add up to the table's cell.</summary>
public static class AnnualReportCharts
{
    public sealed record Series(string Name, string CssClass, IReadOnlyList<int> Values);

    /// <param name="Id">the element id prefix.</param>
    /// <param name="Description">the chart's figures in words (its text alternative).</param>
    /// <param name="Horizontal">bars from the left (long category labels) rather than columns.</param>
    public sealed record Chart(string Id, string Title, string Description, IReadOnlyList<string> Categories, IReadOnlyList<Series> Series, bool Horizontal);

    public static async Task<IReadOnlyList<Chart>> BuildAsync(int year, string agency, bool subordinates, ClaimsPrincipal user, CaseFlowDbContext db, CancellationToken ct)
    {
        var codes = await AnnualReportQuery.ScopeAsync(agency, subordinates, user, db, ct);
        var report = await AnnualReportQuery.ComputeWithCasesAsync(db, year, agency, subordinates, codes, ct);
        var received = report.CasesIn(ReportKeys.New, ReportKeys.Total);
        var concluded = report.CasesIn(ReportKeys.ConcludedTotal, ReportKeys.Total);
        var ids = received.Concat(concluded).Distinct().ToList();
        var cases = (await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.AgencyCode, c.ReceivedOn, c.ConcludedOn }).ToListAsync(ct)).ToDictionary(c => c.Id);

        var months = Enumerable.Range(1, 12).ToList();
        var newByMonth = months.Select(m => received.Count(id => cases.TryGetValue(id, out var c) && c.ReceivedOn.Month == m)).ToList();
        var doneByMonth = months.Select(m => concluded.Count(id => cases.TryGetValue(id, out var c) && c.ConcludedOn?.Month == m)).ToList();
        var monthLabels = months.Select(m => m.ToString(CultureInfo.InvariantCulture) + "月").ToList();
        var byMonth = new Chart("chart-months", $"{year}年各月新收和办结的申请", "", monthLabels,
            [new("本年新收", "series-new", newByMonth), new("本年办结", "series-done", doneByMonth)], Horizontal: false);

        // Outcome groups as printed: （一）予以公开 … （六）其他处理, each the sum of its rows' 总计.
        var groups = OutcomeList.All.GroupBy(o => o.Group).ToList();
        var outcomeLabels = groups.Select(g => GroupName(g.Key)).ToList();
        var outcomeCounts = groups.Select(g => g.Sum(o => report.Table3.Rows.TryGetValue(o.Code, out var row) ? row[^1] : 0)).ToList();
        var outcomes = new Chart("chart-outcomes", $"{year}年办理结果", "", outcomeLabels, [new("件数", "series-outcome", outcomeCounts)], Horizontal: true);

        var outline = (await AgencyOutline.ForUserAsync(user, db, ct)).Where(a => codes.Contains(a.Code)).ToList();
        var newByAgency = outline.Select(a => received.Count(id => cases.TryGetValue(id, out var c) && c.AgencyCode == a.Code)).ToList();
        var doneByAgency = outline.Select(a => concluded.Count(id => cases.TryGetValue(id, out var c) && c.AgencyCode == a.Code)).ToList();
        var departments = new Chart("chart-departments", $"{year}年各部门新收和办结的申请", "", [.. outline.Select(a => a.Name)],
            [new("本年新收", "series-new", newByAgency), new("本年办结", "series-done", doneByAgency)], Horizontal: true);

        return [.. new[] { byMonth, outcomes, departments }.Select(c => c with { Description = Describe(c) })];
    }

    private static string GroupName(OutcomeGroup group) => group switch
    {
        OutcomeGroup.Disclosed => "予以公开",
        OutcomeGroup.PartlyDisclosed => "部分公开",
        OutcomeGroup.Withheld => "不予公开",
        OutcomeGroup.Unavailable => "无法提供",
        OutcomeGroup.NotProcessed => "不予处理",
        _ => "其他处理",
    };

    /// <summary>"本年新收：1月 2件，2月 0件……；本年办结：……。"</summary>
    private static string Describe(Chart c) =>
        string.Join("；", c.Series.Select(s => (c.Series.Count > 1 ? s.Name + "：" : "") +
            string.Join("，", c.Categories.Select((label, i) => $"{label} {s.Values[i].ToString(CultureInfo.InvariantCulture)}件")))) + "。";
}
