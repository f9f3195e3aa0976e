using System.Text.Json;
using CaseFlow.Data;
using CaseFlow.Data.Cases;
using CaseFlow.Data.Notifications;
using CaseFlow.Domain;
using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Reports;
using CaseFlow.Web.Features.Cases;
using CaseFlow.Web.Features.Calendar;
using CaseFlow.Workflows.Engine;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Web.Features.Reminders;

/// <summary>
/// Fires due timer rows exactly once. System actions and the daily overdue escalation (which arms the next one) are
/// claimed first with one UPDATE … WHERE ClaimedAtUtc IS NULL, so two instances on one database never claim a row
/// twice, and then fired one by one, each in a transaction that marks it fired only while the claim is still this
/// sweep's. Plain reminders, the bulk, are claimed and fired together: one transaction per batch claims due rows,
/// writes their notifications and e-mails (bulk inserts) and commits — a crash leaves them unclaimed and due.
/// Rows missed while the host was down are simply due, so a restart catches up; a claim left behind by an instance
/// that died mid-sweep is taken over after <see cref="Lease"/>.
/// </summary>
public sealed class TimerSweeper(IServiceScopeFactory scopes, TimeProvider time, ILogger<TimerSweeper> log)
{
    /// <summary>A claim not fired within this time (its instance died) is claimed again by the next sweep.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    /// <summary>Plain reminders claimed and fired per transaction (bench/CaseFlow.Bench: 100,000 in ten batches).</summary>
    public int BatchSize { get; set; } = 10_000;

    public DateTime? LastSweepUtc { get; private set; }
    public int LastFired { get; private set; }

    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var machine = Environment.MachineName;
        var token = $"{(machine.Length > 20 ? machine[..20] : machine)}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..16]}";
        var leaseEnded = now - Lease;
        List<long> claimed;
        Recipients people;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
            var n = await db.CaseTimers
                .Where(t => t.FiredAtUtc == null && t.DueAtUtc <= now &&
                            ((t.ClaimedAtUtc == null && (t.Action != null || t.Kind == CaseTimers.OverdueKind)) || t.ClaimedAtUtc < leaseEnded))
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.ClaimedAtUtc, now).SetProperty(t => t.ClaimedBy, token), ct);
            claimed = n == 0 ? [] : await db.CaseTimers.AsNoTracking().Where(t => t.ClaimedBy == token && t.FiredAtUtc == null)
                .OrderBy(t => t.DueAtUtc).ThenBy(t => t.Id).Select(t => t.Id).ToListAsync(ct);
            people = await Recipients.LoadAsync(db, ct);
        }

        // Actions first: a case they conclude gets none of the reminders due with them.
        var fired = 0;
        foreach (var id in claimed)
            if (await FireOneAsync(id, token, now, people, ct)) fired++;

        var failed = new HashSet<long>();
        while (true)
        {
            var (ids, n, ok) = await FireRemindersAsync(null, failed, token, now, people, ct);
            fired += n;
            if (ok)
            {
                if (ids.Count < BatchSize) break;
                continue;
            }
            if (ids.Count == 0) break; // could not even read the due rows: the next sweep tries again
            // One by one, so that only a row that cannot fire is left for the next sweep.
            foreach (var id in ids)
            {
                var (_, one, single) = await FireRemindersAsync([id], failed, token, now, people, ct);
                fired += one;
                if (!single) failed.Add(id);
            }
        }
        if (failed.Count > 0) log.LogError("{Count} reminders could not be fired; the next sweep tries again", failed.Count);

        LastSweepUtc = now;
        LastFired = fired;
        return fired;
    }

    /// <summary>One transaction: claims up to <see cref="BatchSize"/> due plain reminders (or just <paramref name="only"/>),
    /// not those in <paramref name="failed"/>, marks them fired and writes their notifications and e-mails. Returns
    /// the rows it took, how many fired, and whether it committed.</summary>
    private async Task<(List<long> Ids, int Fired, bool Ok)> FireRemindersAsync(List<long>? only, HashSet<long> failed, string token, DateTime now,
        Recipients people, CancellationToken ct)
    {
        List<long> ids = [];
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var due = db.CaseTimers.Where(t => t.FiredAtUtc == null && t.ClaimedAtUtc == null && t.DueAtUtc <= now && t.Action == null && t.Kind != CaseTimers.OverdueKind);
            if (only is not null) due = due.Where(t => EF.Parameter(only).Contains(t.Id));
            else if (failed.Count > 0) due = due.Where(t => !EF.Parameter(failed).Contains(t.Id));
            // One query picks the batch and reads what its messages need.
            var rows = only is null && failed.Count == 0 && DatabaseProviders.ProviderOf(db.Database) == DatabaseProvider.Sqlite
                ? await ReadDueOnSqliteAsync(db, now, ct)
                : await Read(db, due).Take(BatchSize).ToListAsync(ct);
            ids = rows.Select(r => r.Id).ToList();
            if (ids.Count == 0) return (ids, 0, true);

            // Only rows still due and unclaimed are ours: another instance may claim some first, or a step move them.
            // (ClaimedBy, not the indexed ClaimedAtUtc: SQLite would otherwise scan every unclaimed row for the id list.)
            var claimed = await db.CaseTimers
                .Where(t => EF.Parameter(ids).Contains(t.Id) && t.ClaimedBy == null && t.FiredAtUtc == null && t.DueAtUtc <= now && t.Action == null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.ClaimedAtUtc, now).SetProperty(t => t.ClaimedBy, token).SetProperty(t => t.FiredAtUtc, now), ct);
            // Rare (several instances, or a step at the same moment): read again exactly the rows this sweep claimed.
            if (claimed < ids.Count) rows = await Read(db, db.CaseTimers.Where(t => EF.Parameter(ids).Contains(t.Id) && t.ClaimedBy == token)).ToListAsync(ct);
            List<Notification> notes = new(rows.Count);
            List<OutboxMessage> mails = [];
            var fired = 0;
            foreach (var row in rows)
            {
                if (row.Case.IsVoid) continue;
                fired++;
                if (!StillWanted(row.Case, row.Kind)) continue;
                var (title, body, escalate) = Messages.Reminder(row.Case, row.Kind, row.Payload, row.DueOn);
                Notifier.Stage(people, row.Case, row.Kind, title, body, escalate, now, notes, mails);
            }
            await db.InsertAsync(notes, ct);
            await db.InsertAsync(mails, ct);
            await tx.CommitAsync(ct);
            return (ids, fired, true);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Firing {Count} reminders failed", ids.Count);
            return (ids, 0, false);
        }
    }

    private sealed record DueReminder(long Id, string Kind, string? Payload, DateOnly DueOn, CaseRef Case);

    /// <summary>Ordered by due time; a Take after it stays one join walked in the index's order (taking the timers
    /// first made SQLite materialize and sort them).</summary>
    private static IQueryable<DueReminder> Read(CaseFlowDbContext db, IQueryable<CaseTimer> timers) =>
        from t in timers
        join c in db.Cases on t.CaseId equals c.Id
        orderby t.DueAtUtc, t.Id
        select new DueReminder(t.Id, t.Kind, t.Payload, t.DueOn,
            new CaseRef(c.Id, c.CaseNumber, c.AgencyCode, c.AssignedOfficer, c.ApplicantName, c.ReplyDueOn, c.ConcludedOn, c.IsVoid));

    /// <summary>The batch <see cref="Read"/> reads of the due plain reminders (the first <see cref="BatchSize"/> of
    /// <c>due</c>, same columns and order), through SQLite's own API: EF Core's reader cost twice SQLite's work
    /// (<see cref="SqliteRows"/>). Both paths run the same sweep tests, on SQLite this one and on PostgreSQL the other.</summary>
    private Task<List<DueReminder>> ReadDueOnSqliteAsync(CaseFlowDbContext db, DateTime now, CancellationToken ct) => db.QueryAsync(
        """
        SELECT t."Id", t."Kind", t."Payload", t."DueOn",
               c."Id", c."CaseNumber", c."AgencyCode", c."AssignedOfficer", c."ApplicantName", c."ReplyDueOn", c."ConcludedOn", c."IsVoid"
        FROM "CaseTimers" AS t JOIN "Cases" AS c ON c."Id" = t."CaseId"
        WHERE t."FiredAtUtc" IS NULL AND t."ClaimedAtUtc" IS NULL AND t."DueAtUtc" <= ?1 AND t."Action" IS NULL AND t."Kind" <> ?2
        ORDER BY t."DueAtUtc", t."Id"
        LIMIT ?3
        """,
        [now, CaseTimers.OverdueKind, BatchSize],
        r => new DueReminder(r.Int64(0), r.String(1), r.NullableString(2), r.Date(3),
            new CaseRef(r.Int64(4), r.String(5), r.String(6), r.NullableString(7), r.String(8), r.NullableDate(9), r.NullableDate(10), r.Boolean(11))),
        ct);

    /// <summary>One row in its own transaction: a system action through the workflow, or a reminder.</summary>
    private async Task<bool> FireOneAsync(long timerId, string token, DateTime now, Recipients people, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var sp = scope.ServiceProvider;
            var db = sp.GetRequiredService<CaseFlowDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var mine = await db.CaseTimers.Where(t => t.Id == timerId && t.ClaimedBy == token && t.FiredAtUtc == null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.FiredAtUtc, now), ct);
            if (mine == 0) return false; // removed by a step, or taken over by another instance
            var timer = await db.CaseTimers.AsNoTracking().FirstAsync(t => t.Id == timerId, ct);
            var c = await db.Cases.FirstOrDefaultAsync(x => x.Id == timer.CaseId, ct);
            // A step racing with the previous escalation may have armed the same one twice: it goes out once.
            var twin = timer.Action is null && await db.CaseTimers.AnyAsync(
                t => t.CaseId == timer.CaseId && t.Key == timer.Key && t.DueOn == timer.DueOn && t.Id != timer.Id && t.FiredAtUtc != null, ct);
            if (c is null || c.IsVoid || twin)
            {
                await tx.CommitAsync(ct);
                return false;
            }

            if (timer.Action is not null)
                await RunSystemActionAsync(sp.GetRequiredService<CaseSteps>(), db, c, timer, now, people, ct);
            else if (StillWanted(CaseRef.Of(c), timer.Kind))
            {
                var (title, body, escalate) = Messages.Reminder(CaseRef.Of(c), timer);
                Notifier.Notify(db, people, CaseRef.Of(c), timer.Kind, title, body, escalate, now);
                if (timer.Kind == CaseTimers.OverdueKind) // today's has fired: the next working day's is armed
                {
                    var engine = sp.GetRequiredService<WorkflowEngine>();
                    var calendar = await sp.GetRequiredService<CalendarProvider>().GetAsync(c.AgencyCode, ct);
                    await CaseStepWriter.ReplaceTimersAsync(db, c, engine.DefinitionOf(c), calendar, ChinaTime.DateOf(new DateTimeOffset(now, TimeSpan.Zero)), ct);
                }
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return true;
        }
        catch (ReportLockedException e)
        {
            await PostponeForLockedReportAsync(timerId, token, now, people, e.Message, ct);
            return false;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone acted on the case at the same moment: release the row, the next sweep looks again.
            await ReleaseAsync([timerId], token, ct);
            return false;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Timer {Timer} failed; it is released for the next sweep", timerId);
            await ReleaseAsync([timerId], token, ct);
            return false;
        }
    }

    /// <summary>An expiry that would change a locked annual report (its transaction is rolled back) waits a day and
    /// tries again, and the officer, the head and the office are told why each day, until the office unlocks the
    /// report or a person acts on the case.</summary>
    private async Task PostponeForLockedReportAsync(long timerId, string token, DateTime now, Recipients people, string reason, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var mine = await db.CaseTimers.Where(t => t.Id == timerId && t.ClaimedBy == token && t.FiredAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ClaimedAtUtc, (DateTime?)null).SetProperty(t => t.ClaimedBy, (string?)null)
                .SetProperty(t => t.DueAtUtc, now.AddDays(1)), ct);
        if (mine == 0) return;
        var timer = await db.CaseTimers.AsNoTracking().FirstAsync(t => t.Id == timerId, ct);
        var c = await db.Cases.AsNoTracking().FirstAsync(x => x.Id == timer.CaseId, ct);
        log.LogWarning("Timer {Timer} of case {Case} ({Action}) waits: {Reason}", timerId, c.CaseNumber, timer.Action, reason);
        Notifier.Notify(db, people, CaseRef.Of(c), "LockedReportBlocksExpiry", $"{c.CaseNumber} 期限届满的自动处理被已锁定的年度报告阻止",
            $"{reason}\n系统将每天重试；解锁后自动处理，或由承办人手工办理。", escalate: true, now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>A concluded case gets no more reminders, except those of the review or lawsuit after its reply.</summary>
    private static bool StillWanted(CaseRef c, string kind) => !c.IsConcluded || kind is "ReviewReplyDue" or "LawsuitDefenceDue" or CaseTimers.RoundReminderKind or CaseTimers.RoundOverdueKind;

    private async Task ReleaseAsync(List<long> ids, string token, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
        await db.CaseTimers.Where(t => EF.Parameter(ids).Contains(t.Id) && t.ClaimedBy == token && t.FiredAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ClaimedAtUtc, (DateTime?)null).SetProperty(t => t.ClaimedBy, (string?)null), ct);
    }

    /// <summary>The timer's System action through the one step pipeline, in the caller's transaction (which also holds
    /// the timer's claim), and a notification of what it did.</summary>
    private async Task RunSystemActionAsync(CaseSteps steps, CaseFlowDbContext db, DisclosureRequest c, CaseTimer timer, DateTime now, Recipients people, CancellationToken ct)
    {
        var payload = timer.Payload is null ? (JsonElement?)null : JsonDocument.Parse(timer.Payload).RootElement.Clone();
        try
        {
            await steps.RunAsync(c, timer.Action!, payload, Actor.System, ct, done =>
            {
                int? consultationId = payload is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty("consultationId", out var id) && id.TryGetInt32(out var n) ? n : null;
                var (title, body) = Messages.AfterSystemAction(done.Case, timer.Kind, consultationId);
                Notifier.Notify(db, people, CaseRef.Of(done.Case), timer.Kind, title, body, escalate: false, now);
            }, now);
        }
        catch (Exception e) when (e is ActionNotAvailableException or CaseRuleException)
        {
            // The case moved on (e.g. the correction arrived just before the period ended): nothing to do.
            log.LogInformation("Timer {Timer} of case {Case}: {Action} no longer applies ({Reason})", timer.Id, c.CaseNumber, timer.Action, e.Message);
        }
    }
}
