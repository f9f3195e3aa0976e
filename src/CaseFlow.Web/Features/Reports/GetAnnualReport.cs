using System.Security.Claims;
using CaseFlow.Data;
using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Reports;
using CaseFlow.Web.Errors;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Web.Features.Reports;

/// <summary>GET /api/reports/annual/{year}?agency=CODE&amp;subordinates=true|false and the drill-down
/// GET /api/reports/annual/{year}/cells/{row}/{column}.</summary>
public static class GetAnnualReport
{
    public static async Task<AnnualReport> Handle(int year, string? agency, bool? subordinates, ClaimsPrincipal user, CaseFlowDbContext db, CancellationToken ct)
    {
        var codes = await AnnualReportQuery.ScopeAsync(agency, subordinates == true, user, db, ct);
        return await AnnualReportQuery.ComputeAsync(db, year, agency!, subordinates == true, codes, ct);
    }

    /// <param name="ReplyDueOn">the reply deadline stored on the case (for a concluded case, the one in force when it
    /// concluded); with <paramref name="Extended"/> it shows why a case is in 按时/延期/逾期办结.</param>
    public sealed record CellCase(long Id, string CaseNumber, string Agency, ApplicantColumn ApplicantColumn, Channel Channel, DateOnly ReceivedOn, DateOnly? ConcludedOn, string? Outcome, bool Imported,
        DateOnly? ReplyDueOn = null, bool Extended = false);

    /// <param name="Proceedings">table 四 only: the reviews and lawsuits counted in the cell that concern no case.</param>
    public sealed record Cell(int Year, string Agency, bool Subordinates, string Row, string Column, int Count, IReadOnlyList<CellCase> Cases,
        IReadOnlyList<Proceedings.AgencyProceedingsApi.View>? Proceedings = null);

    public static async Task<Cell> CellHandle(int year, string row, string column, string? agency, bool? subordinates, ClaimsPrincipal user, CaseFlowDbContext db, CancellationToken ct)
    {
        var codes = await AnnualReportQuery.ScopeAsync(agency, subordinates == true, user, db, ct);
        var report = await AnnualReportQuery.ComputeWithCasesAsync(db, year, agency!, subordinates == true, codes, ct);
        IReadOnlyList<long> ids;
        if (report.Table3.Rows.ContainsKey(row))
        {
            if (!report.Table3.Columns.Contains(column)) throw new NotFoundException($"表三没有“{column}”列；列为 {string.Join("、", report.Table3.Columns)}。");
            ids = report.CasesIn(row, column);
        }
        else if (report.Table4.TryGetValue(row, out var group))
        {
            if (!group.ContainsKey(column)) throw new NotFoundException($"表四“{row}”没有“{column}”；为 {string.Join("、", group.Keys)}。");
            ids = report.CasesInTable4(row, column);
        }
        else if (row == ReportKeys.Extras)
        {
            // The older indicators (按时/延期/逾期办结, by channel): GET …/cells/Extras/ConcludedLate lists the late cases.
            if (!ReportKeys.ExtrasKeys.Contains(column)) throw new NotFoundException($"其他统计指标没有“{column}”；为 {string.Join("、", ReportKeys.ExtrasKeys)}。");
            ids = report.CasesInExtras(column);
        }
        else
        {
            throw new NotFoundException($"没有“{row}”行；表三的行为 {string.Join("、", report.Table3.Rows.Keys)}，表四为 {string.Join("、", report.Table4.Keys)}，其他统计指标为 {ReportKeys.Extras}。");
        }
        var cases = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id)).OrderBy(c => c.ReceivedOn).ThenBy(c => c.Id)
            .Select(c => new CellCase(c.Id, c.CaseNumber, c.AgencyCode, c.ApplicantColumn, c.Channel, c.ReceivedOn, c.ConcludedOn, c.Outcome, c.IsImported,
                c.ReplyDueOn, c.ExtensionDays > 0))
            .ToListAsync(ct);
        // A proceeding without a case is counted under its negated id (ProceedingFacts.WithoutCase).
        var withoutCase = ids.Where(i => i < 0).Select(i => -i).ToList();
        var proceedings = withoutCase.Count == 0 ? [] : (await db.AgencyProceedings.AsNoTracking().Where(p => withoutCase.Contains(p.Id)).OrderBy(p => p.FiledOn).ThenBy(p => p.Id).ToListAsync(ct))
            .Select(Proceedings.AgencyProceedingsApi.ViewOf).ToList();
        return new Cell(year, agency!, subordinates == true, row, column, ids.Count, cases, proceedings);
    }
}
