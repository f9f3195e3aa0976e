using CaseFlow.Data;
using CaseFlow.Domain.Reports;
using CaseFlow.Web.Features.Agencies;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Web.Features.Reports;

/// <summary>One case before and after a change (<see cref="Before"/> null for a new case).</summary>
public sealed record CaseChangeFacts(string Agency, CaseReportFacts? Before, CaseReportFacts After);

/// <summary>Refuses a change that would alter a locked annual report: for every active lock that covers a changed case
/// (its own agency's, or one of an agency above it that includes subordinates), the case's contribution to that
/// year (<see cref="ReportContribution"/>) must be the same before and after. Called inside the change's
/// transaction, so a report locked meanwhile is still seen; reads only the lock rows, never a report.</summary>
public static class ReportLockGuard
{
    public static async Task EnsureUnchangedAsync(CaseFlowDbContext db, IReadOnlyCollection<CaseChangeFacts> changes, CancellationToken ct)
    {
        if (changes.Count == 0) return;
        // Nearly always none, so a plain statement: a registration runs this holding SQLite's write lock.
        if (await db.ScalarInt64Async("""SELECT EXISTS (SELECT 1 FROM "ReportLocks" WHERE "UnlockedAtUtc" IS NULL)""", ct) == 0) return;
        var locks = await db.ReportLocks.AsNoTracking().Where(l => l.UnlockedAtUtc == null).OrderBy(l => l.Year).ThenBy(l => l.Id).ToListAsync(ct);
        var parents = await AgencyTree.ParentsAsync(db, ct);
        var chains = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            if (!chains.TryGetValue(change.Agency, out var chain)) chains[change.Agency] = chain = AgencyTree.Chain(parents, change.Agency);
            foreach (var l in locks.Where(l => l.AgencyCode == change.Agency || (l.Subordinates && chain.Contains(l.AgencyCode))))
                if (ReportContribution.Of(change.Before, l.Year) != ReportContribution.Of(change.After, l.Year))
                    throw new ReportLockedException(l.AgencyCode, l.Year, l.Subordinates, l.LockedBy, l.LockedAtUtc);
        }
    }
}
