using CaseFlow.Web.Hosting;
using System.Security.Claims;
using System.Text.Json;
using CaseFlow.Data;
using CaseFlow.Data.Reports;
using CaseFlow.Domain.Reports;
using CaseFlow.Web.Errors;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Web.Features.Reports;

/// <summary>GET/PUT /api/reports/annual/{year}/table2?agency=CODE — table 二 is typed in per agency and year.</summary>
public static class Table2Api
{
    public static async Task<Table2> Get(int year, string? agency, ClaimsPrincipal user, CaseFlowDbContext db, CancellationToken ct)
    {
        var codes = await AnnualReportQuery.ScopeAsync(agency, false, user, db, ct);
        return await SumAsync(db, codes, year, ct);
    }

    public static async Task<Table2> Put(int year, string? agency, Table2? body, ClaimsPrincipal user, CaseFlowDbContext db, TimeProvider time, CancellationToken ct)
    {
        await AnnualReportQuery.ScopeAsync(agency, false, user, db, ct);
        if (body is null) throw new ValidationFailedException("body", "请求体不能为空。");
        ValidationFailedException.ThrowIfAny(body.Validate());
        if (await db.ReportLocks.AnyAsync(l => l.AgencyCode == agency && l.Year == year && l.UnlockedAtUtc == null, ct))
            throw new ConflictException($"{agency} {year} 年度报告已锁定，表二不能修改；请先解锁。");

        var entry = await db.ReportTable2.FirstOrDefaultAsync(e => e.AgencyCode == agency && e.Year == year, ct);
        if (entry is null) db.ReportTable2.Add(entry = new ReportTable2Entry { AgencyCode = agency!, Year = year });
        entry.Json = JsonSerializer.Serialize(body, JsonDefaults.Options);
        entry.UpdatedBy = user.Identity!.Name!;
        entry.UpdatedAtUtc = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return body;
    }

    /// <summary>The typed-in figures of the agencies summed (a report with subordinates adds them up).</summary>
    public static async Task<Table2> SumAsync(CaseFlowDbContext db, IReadOnlyCollection<string> codes, int year, CancellationToken ct)
    {
        var entries = await db.ReportTable2.AsNoTracking().Where(e => codes.Contains(e.AgencyCode) && e.Year == year).Select(e => e.Json).ToListAsync(ct);
        return entries.Select(j => JsonSerializer.Deserialize<Table2>(j, JsonDefaults.Options)!).Aggregate(Table2.Empty, Add);
    }

    private static Table2 Add(Table2 a, Table2 b) => new(
        new DocumentCounts(a.Regulations.Issued + b.Regulations.Issued, a.Regulations.Repealed + b.Regulations.Repealed, a.Regulations.InForce + b.Regulations.InForce),
        new DocumentCounts(a.NormativeDocuments.Issued + b.NormativeDocuments.Issued, a.NormativeDocuments.Repealed + b.NormativeDocuments.Repealed, a.NormativeDocuments.InForce + b.NormativeDocuments.InForce),
        a.LicensingDecisions + b.LicensingDecisions, a.PenaltyDecisions + b.PenaltyDecisions, a.EnforcementDecisions + b.EnforcementDecisions,
        a.FeesTenThousandYuan + b.FeesTenThousandYuan);
}
