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
        IReadOnlyDictionary<string, object?>? facts, IEnumerable<OutboxRequest> outbox, DateTime nowUtc, CancellationToken ct)
    {
        db.CaseJournal.Add(new CaseJournalEntry
        {
            Case = c,
            Sequence = c.Version,
            AtUtc = nowUtc,
            Actor = actor,
            Action = action,
            Step = step,
            FromState = fromState,
            ToState = c.State,
            PayloadJson = payload?.GetRawText(),
            FactsJson = facts is { Count: > 0 } ? JsonSerializer.Serialize(facts, DisclosureRequestConfiguration.Json) : null,
        });

        await ReplaceTimersAsync(db, c, def, calendar, ChinaTime.DateOf(new DateTimeOffset(nowUtc, TimeSpan.Zero)), ct);
        await SyncProceedingsAsync(db, c, ct);
        await ReplaceWaitingPointAsync(db, c, def, nowUtc, ct);

        foreach (var m in outbox)
            db.OutboxMessages.Add(new OutboxMessage
            {
                Case = c,
                Kind = m.Kind,
                To = m.To,
                Subject = m.Subject,
                Body = m.Body,
                MessageId = $"<{Guid.NewGuid():N}@caseflow>",
                CreatedAtUtc = nowUtc,
                NextAttemptAtUtc = nowUtc,
            });
    }

    /// <summary>Pending timers become exactly <see cref="CaseTimers.Desired"/>; fired and claimed rows are history.</summary>
    public static async Task ReplaceTimersAsync(CaseFlowDbContext db, DisclosureRequest c, WorkflowDefinition def, WorkingDayCalendar calendar, DateOnly today, CancellationToken ct)
    {
        var pending = c.Id == 0 ? [] : await db.CaseTimers.Where(t => t.CaseId == c.Id && t.ClaimedAtUtc == null).ToListAsync(ct);
        // Claimed rows (being fired now, or fired) are history: the same key and date is never armed twice.
        var fired = c.Id == 0 ? [] : await db.CaseTimers.Where(t => t.CaseId == c.Id && t.ClaimedAtUtc != null).Select(t => new { t.Key, t.DueOn }).ToListAsync(ct);
        bool Fired(TimerSpec s) => fired.Any(f => f.Key == s.Key && f.DueOn == s.DueOn);
        var desired = CaseTimers.Desired(c, def, calendar, today)
            .Select(s =>
            {
                // Today's escalation already went out (a step after it, e.g. at 10:00): the next one is the next working day's.
                while (s.Kind == CaseTimers.OverdueKind && Fired(s)) s = CaseTimers.Overdue(calendar.NextWorkingDayOnOrAfter(s.DueOn.AddDays(1)).Date);
                return s;
            })
            .ToDictionary(t => t.Key);
        foreach (var row in pending)
        {
            if (desired.Remove(row.Key, out var spec) && spec.DueOn == row.DueOn) continue;
            if (spec is null || CaseTimers.TooLateToArm(spec, today)) { db.CaseTimers.Remove(row); continue; }
            row.DueOn = spec.DueOn;
            row.DueAtUtc = DueAt(spec);
            row.Action = spec.Action;
            row.Payload = spec.Payload;
        }
        foreach (var spec in desired.Values)
        {
            // A reminder that already fired for this very date is not armed again.
            if (Fired(spec) || CaseTimers.TooLateToArm(spec, today)) continue;
            db.CaseTimers.Add(new CaseTimer { Case = c, Key = spec.Key, Kind = spec.Kind, DueOn = spec.DueOn, DueAtUtc = DueAt(spec), Action = spec.Action, Payload = spec.Payload });
        }
    }

    /// <summary>Keeps the CaseProceedings read model equal to the case's proceedings.</summary>
    public static async Task SyncProceedingsAsync(CaseFlowDbContext db, DisclosureRequest c, CancellationToken ct)
    {
        if (c.Details.Proceedings.Count == 0) return;
        var rows = c.Id == 0 ? [] : await db.CaseProceedings.Where(p => p.CaseId == c.Id).ToListAsync(ct);
        foreach (var p in c.Details.Proceedings)
        {
            var row = rows.FirstOrDefault(r => r.Number == p.Id);
            if (row is null)
            {
                row = new CaseProceedingRow { Case = c, AgencyCode = c.AgencyCode, Number = p.Id };
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
        var existing = c.Id == 0 ? null : await db.WaitingPoints.FirstOrDefaultAsync(w => w.CaseId == c.Id, ct);
        var state = def.State(c.State);
        if (c.IsVoid || state.Category == StateCategory.Final)
        {
            if (existing is not null) db.WaitingPoints.Remove(existing);
            return;
        }
        var point = existing ?? new WaitingPoint { Case = c };
        point.AgencyCode = c.AgencyCode;
        point.State = c.State;
        point.Kind = state.Category == StateCategory.Waiting ? "Event" : "HumanTask";
        point.Role = state.TaskRole;
        point.Assignee = state.TaskRole == Roles.Officer ? c.AssignedOfficer : null;
        point.Actions = string.Join(",", def.Actions.Where(a => a.From.Contains(c.State) && !a.Roles.SequenceEqual([Roles.System])).Select(a => a.Id));
        point.DueOn = c.ReplyDueOn;
        if (existing is null || existing.State != c.State) point.SinceUtc = nowUtc;
        if (existing is null) db.WaitingPoints.Add(point);
    }
}
