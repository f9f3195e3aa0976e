using CaseFlow.Data;
using CaseFlow.Web.Errors;
using CaseFlow.Web.Features.Agencies;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Web.Features.Reports;

/// <summary>Refuses a change that would alter a locked annual report. Called inside the change's transaction,
/// after its rows are written and before commit, so the report is recomputed with the change in it.</summary>
public static class ReportLockGuard
{
    public static async Task EnsureUnchangedAsync(CaseFlowDbContext db, string agencyCode, IEnumerable<int> years, CancellationToken ct)
    {
        var parents = await AgencyTree.ParentsAsync(db, ct);
        var chain = AgencyTree.Chain(parents, agencyCode);
        var yearList = years.ToList();
        var locks = await db.ReportLocks.AsNoTracking()
            .Where(l => l.UnlockedAtUtc == null && chain.Contains(l.AgencyCode) && yearList.Contains(l.Year))
            .ToListAsync(ct);
        foreach (var l in locks.Where(l => l.AgencyCode == agencyCode || l.Subordinates))
        {
            var codes = l.Subordinates ? AgencyTree.Subtree(parents, l.AgencyCode) : [l.AgencyCode];
            var report = await AnnualReportQuery.ComputeAsync(db, l.Year, l.AgencyCode, l.Subordinates, codes, ct);
            if (AnnualReportQuery.Hash(AnnualReportQuery.Figures(report)) != l.Hash)
                throw new ConflictException(
                    $"{l.AgencyCode} {l.Year} 年度报告已锁定（{l.LockedBy}，{l.LockedAtUtc:yyyy-MM-dd}），此项修改会改变已锁定的统计数字。请政务公开办先说明理由解锁。",
                    new Dictionary<string, object?> { ["lockedReport"] = new { agency = l.AgencyCode, year = l.Year, subordinates = l.Subordinates } });
        }
    }

    /// <summary>The years whose locked reports a case can touch: any year with an active lock in its agency chain.</summary>
    public static async Task<IReadOnlyList<int>> LockedYearsAsync(CaseFlowDbContext db, string agencyCode, CancellationToken ct)
    {
        // Nearly always none, so a plain statement: a registration runs this holding SQLite's write lock.
        if (await db.ScalarInt64Async("""SELECT EXISTS (SELECT 1 FROM "ReportLocks" WHERE "UnlockedAtUtc" IS NULL)""", ct) == 0) return [];
        var parents = await AgencyTree.ParentsAsync(db, ct);
        var chain = AgencyTree.Chain(parents, agencyCode);
        return await db.ReportLocks.Where(l => l.UnlockedAtUtc == null && chain.Contains(l.AgencyCode)).Select(l => l.Year).Distinct().ToListAsync(ct);
    }
}
