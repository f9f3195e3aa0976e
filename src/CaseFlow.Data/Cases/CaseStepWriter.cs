using System.Text.Json;
using CaseFlow.Domain;
using CaseFlow.Domain.Calendar;
using CaseFlow.Domain.Cases;
using CaseFlow.Workflows.Definitions;
using CaseFlow.Workflows.Engine;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Data.Cases;

/// <summary>
/// Stages everything one committed step changes besides the case row itself — journal row, timers, waiting
/// point, outbox messages — on the same DbContext, so a single SaveChanges commits them together with the
/// case (whose Version is the optimistic-concurrency token).
/// </summary>
public static class CaseStepWriter
{
    public static async Task StageAsync(
        CaseFlowDbContext db, DisclosureRequest c, WorkflowDefinition def, WorkingDayCalendar calendar,
        string actor, string action, string? step, string? fromState, JsonElement? payload,
        object? facts, IEnumerable<OutboxRequest> outbox, DateTime nowUtc, CancellationToken ct)
    {
        if (c.Id == 0) throw new InvalidOperationException("A new case is written by InsertNewAsync.");
        db.CaseJournal.Add(JournalEntry(c, actor, action, step, fromState, payload, facts, nowUtc));
        await ReplaceTimersAsync(db, c, def, calendar, ChinaTime.DateOf(new DateTimeOffset(nowUtc, TimeSpan.Zero)), ct);
        await SyncProceedingsAsync(db, c, ct);
        await ReplaceWaitingPointAsync(db, c, def, nowUtc, ct);
        foreach (var m in outbox)
        {
            var row = OutboxRow(c, m, nowUtc);
            db.OutboxMessages.Add(row);
            foreach (var a in m.Attachments) db.OutboxAttachments.Add(AttachmentRow(a, message: row));
        }
    }

    /// <summary>
    /// A new case and everything its registration writes, in the caller's transaction, without change tracking: the
    /// rows are all new, so each goes in with a prepared statement (<see cref="BulkInsert"/>), the case first, for its id.
    /// On SQLite a registration holds the database's single write lock while it runs, and SaveChanges' bookkeeping for
    /// these ten rows took longer than SQLite's own work; so this is what sets how many registrations a second one
    /// database takes. Nothing is left tracked: the context needs no SaveChanges afterwards.
    /// </summary>
    public static async Task InsertNewAsync(
        CaseFlowDbContext db, DisclosureRequest c, WorkflowDefinition def, WorkingDayCalendar calendar,
        string actor, string action, IEnumerable<OutboxRequest> outbox, DateTime nowUtc, CancellationToken ct)
    {
        if (c.Id != 0) throw new InvalidOperationException($"Case {c.Id} is not new.");
        if (c.Details.Proceedings.Count > 0) throw new InvalidOperationException("A new case has no review or lawsuit proceedings.");
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("A new case is written in a transaction, so that its rows commit together.");
        await db.InsertAsync([c], ct, readKeys: true);
        await db.InsertAsync([JournalEntry(c, actor, action, null, null, null, null, nowUtc)], ct);
        if (WaitingPointFor(c, def, null, nowUtc) is { } point) await db.InsertAsync([point], ct);
        var mails = outbox.Select(m => (Row: OutboxRow(c, m, nowUtc), m.Attachments)).ToList();
        // Attachments need their message's id; reading keys back costs a statement per row on PostgreSQL, so only then.
        await db.InsertAsync(mails.Select(m => m.Row).ToList(), ct, readKeys: mails.Any(m => m.Attachments.Count > 0));
        await db.InsertAsync(mails.SelectMany(m => m.Attachments.Select(a => AttachmentRow(a, messageId: m.Row.Id))).ToList(), ct);
        var today = ChinaTime.DateOf(new DateTimeOffset(nowUtc, TimeSpan.Zero));
        await db.InsertAsync(CaseTimers.Wanted(c, def, calendar, today, CaseTimers.NeverFired).Values.Where(s => CaseTimers.Arms(s, today, CaseTimers.NeverFired)).Select(s => NewTimer(c, s)).ToList(), ct);
    }

    /// <summary>The journal row of a committed change: <see cref="CaseJournalEntry.Sequence"/> is the version the change
    /// produced. Every writer of case history builds its row here (a new case not yet inserted is linked by navigation).</summary>
    public static CaseJournalEntry JournalEntry(DisclosureRequest c, string actor, string action, string? step, string? fromState,
        JsonElement? payload, object? facts, DateTime nowUtc) => new()
    {
        CaseId = c.Id,
        Case = c.Id == 0 ? c : null,
        Sequence = c.Version,
        AtUtc = nowUtc,
        Actor = actor,
        Action = action,
        Step = step,
        FromState = fromState,
        ToState = c.State,
        PayloadJson = payload?.GetRawText(),
        FactsJson = facts is null or IReadOnlyDictionary<string, object?> { Count: 0 } ? null : JsonSerializer.Serialize(facts, DisclosureRequestConfiguration.Json),
    };

    private static OutboxMessage OutboxRow(DisclosureRequest c, OutboxRequest m, DateTime nowUtc) => new()
    {
        CaseId = c.Id,
        Kind = m.Kind,
        To = m.To,
        Subject = m.Subject,
        Body = m.Body,
        MessageId = OutboxMessage.NewMessageId(nowUtc),
        CreatedAtUtc = nowUtc,
        NextAttemptAtUtc = nowUtc,
    };

    private static OutboxAttachment AttachmentRow(MailAttachment a, OutboxMessage? message = null, long messageId = 0) => new()
    {
        Message = message,
        OutboxMessageId = messageId,
        FileName = a.FileName,
        ContentType = a.ContentType,
        Content = a.Content,
    };

    private static CaseTimer NewTimer(DisclosureRequest c, TimerSpec spec) => new()
    {
        CaseId = c.Id,
        Key = spec.Key,
        Kind = spec.Kind,
        DueOn = spec.DueOn,
        DueAtUtc = DueAt(spec),
        Action = spec.Action,
        Payload = spec.Payload,
    };

    /// <summary>Pending timers become exactly <see cref="CaseTimers.Wanted"/>; fired and claimed rows are history.</summary>
    public static async Task ReplaceTimersAsync(CaseFlowDbContext db, DisclosureRequest c, WorkflowDefinition def, WorkingDayCalendar calendar, DateOnly today, CancellationToken ct)
    {
        var pending = await db.CaseTimers.Where(t => t.CaseId == c.Id && t.ClaimedAtUtc == null).ToListAsync(ct);
        // Claimed rows (being fired now, or fired) are history: the same key and date is never armed twice.
        var fired = await db.CaseTimers.Where(t => t.CaseId == c.Id && t.ClaimedAtUtc != null).Select(t => new { t.Key, t.DueOn }).ToListAsync(ct);
        bool Fired(TimerSpec s) => fired.Any(f => f.Key == s.Key && f.DueOn == s.DueOn);
        var desired = CaseTimers.Wanted(c, def, calendar, today, Fired);
        foreach (var row in pending)
        {
            if (desired.Remove(row.Key, out var spec) && spec.DueOn == row.DueOn) continue;
            if (spec is null || CaseTimers.TooLateToArm(spec, today)) { db.CaseTimers.Remove(row); continue; }
            row.DueOn = spec.DueOn;
            row.DueAtUtc = DueAt(spec);
            row.Action = spec.Action;
            row.Payload = spec.Payload;
        }
        foreach (var spec in desired.Values.Where(s => CaseTimers.Arms(s, today, Fired))) db.CaseTimers.Add(NewTimer(c, spec));
    }

    /// <summary>Keeps the CaseProceedings read model equal to the case's proceedings.</summary>
    public static async Task SyncProceedingsAsync(CaseFlowDbContext db, DisclosureRequest c, CancellationToken ct)
    {
        if (c.Details.Proceedings.Count == 0) return;
        var rows = await db.CaseProceedings.Where(p => p.CaseId == c.Id).ToListAsync(ct);
        foreach (var p in c.Details.Proceedings)
        {
            var row = rows.FirstOrDefault(r => r.Number == p.Id);
            if (row is null)
            {
                row = new CaseProceedingRow { CaseId = c.Id, AgencyCode = c.AgencyCode, Number = p.Id };
                db.CaseProceedings.Add(row);
            }
            row.Kind = p.Kind;
            row.FiledOn = p.FiledOn;
            row.Result = p.Result;
            row.DecidedOn = p.DecidedOn;
            row.Imported = p.Imported;
        }
    }

    // Expiry actions fire at the start of the day after the period (China time); reminders at 08:00 on their day.
    private static DateTime DueAt(TimerSpec spec) =>
        ChinaTime.At(spec.DueOn, spec.Action is null ? new TimeOnly(8, 0) : TimeOnly.MinValue).UtcDateTime;

    private static async Task ReplaceWaitingPointAsync(CaseFlowDbContext db, DisclosureRequest c, WorkflowDefinition def, DateTime nowUtc, CancellationToken ct)
    {
        var existing = await db.WaitingPoints.FirstOrDefaultAsync(w => w.CaseId == c.Id, ct);
        var point = WaitingPointFor(c, def, existing, nowUtc);
        if (point is null && existing is not null) db.WaitingPoints.Remove(existing);
        if (point is not null && existing is null) db.WaitingPoints.Add(point);
    }

    /// <summary>The case's waiting point row (<see cref="WaitingFor"/>), updated from <paramref name="existing"/> or new; null once the case waits for nothing.</summary>
    private static WaitingPoint? WaitingPointFor(DisclosureRequest c, WorkflowDefinition def, WaitingPoint? existing, DateTime nowUtc)
    {
        if (WaitingFor.Of(c, def) is not { } wait) return null;
        var point = existing ?? new WaitingPoint { CaseId = c.Id };
        // Read before the row takes the new state: the wait starts anew only when the state changes.
        if (existing is null || existing.State != wait.State) point.SinceUtc = nowUtc;
        point.AgencyCode = c.AgencyCode;
        point.State = wait.State;
        point.Kind = wait.Kind;
        point.Role = wait.Role;
        point.Assignee = wait.Assignee;
        point.Actions = wait.Actions;
        point.DueOn = wait.DueOn;
        return point;
    }
}
