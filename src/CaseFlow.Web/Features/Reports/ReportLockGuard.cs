using CaseFlow.Data;
using CaseFlow.Domain.Reports;
using CaseFlow.Web.Features.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CaseFlow.Web.Features.Reports;

/// <summary>One case before and after a change (<see cref="Before"/> null for a new case).</summary>
public sealed record CaseChangeFacts(string Agency, CaseReportFacts? Before, CaseReportFacts After);

/// <summary>Refuses a change that would alter a locked annual report: for every active lock that covers a changed case
/// (its own agency's, or one of an agency above it that includes subordinates), the case's contribution to that
/// year (<see cref="ReportContribution"/>) must be the same before and after. Called inside the change's
/// transaction, after its rows are written; reads only the lock rows, never a report.
/// <para>A change and the locking of a report never overlap (<see cref="BeginLockingAsync"/>): otherwise a change whose
/// check ran just before a lock was written, and which committed just after the report was computed, would be missing
/// from the locked figures while the report went on counting it. On SQLite both hold the single write lock; on
/// PostgreSQL a change holds a shared advisory lock from its check to its commit and locking takes it exclusively, so
/// locking waits for the changes in flight and the changes after it see the new lock row.</para></summary>
public static class ReportLockGuard
{
    /// <summary>Any fixed number; "CFReport" in ASCII.</summary>
    private const long LockingKey = 0x4346_5265_706F_7274;

    private const string AnyActiveLock = """SELECT EXISTS (SELECT 1 FROM "ReportLocks" WHERE "UnlockedAtUtc" IS NULL)""";

    public static async Task EnsureUnchangedAsync(CaseFlowDbContext db, IReadOnlyCollection<CaseChangeFacts> changes, CancellationToken ct)
    {
        if (changes.Count == 0) return;
        // Nearly always none, so a plain statement: a registration runs this holding SQLite's write lock. On PostgreSQL
        // two statements in one round trip: the read after the wait for the lock, so that it sees what locking wrote.
        var pg = DatabaseProviders.ProviderOf(db.Database) == DatabaseProvider.Postgres;
        if (await db.ScalarInt64Async(pg ? $"SELECT 1 FROM pg_advisory_xact_lock_shared({LockingKey}); {AnyActiveLock}" : AnyActiveLock, ct) == 0) return;
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

    /// <summary>The transaction in which a report is computed and locked: no change of a case commits between the two.
    /// SQLite: BEGIN IMMEDIATE takes the write lock (the caller queues at the <see cref="WriteGate"/> first);
    /// PostgreSQL: the exclusive advisory lock that changes take shared, held to commit.</summary>
    public static async Task<IDbContextTransaction> BeginLockingAsync(CaseFlowDbContext db, CancellationToken ct)
    {
        var tx = await db.Database.BeginTransactionAsync(ct);
        if (DatabaseProviders.ProviderOf(db.Database) == DatabaseProvider.Postgres)
            await db.ScalarInt64Async($"SELECT 1 FROM pg_advisory_xact_lock({LockingKey})", ct);
        return tx;
    }
}
