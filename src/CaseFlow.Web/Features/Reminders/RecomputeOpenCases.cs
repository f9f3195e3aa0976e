using System.Text.Json;
using CaseFlow.Data;
using CaseFlow.Data.Cases;
using CaseFlow.Web.Features.Agencies;
using CaseFlow.Web.Features.Calendar;
using CaseFlow.Workflows.Engine;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Web.Features.Reminders;

/// <summary>After a calendar change, every open case it can affect gets its due dates and timers recomputed;
/// a case whose reply date moved gets a journal row naming the change and who made it.</summary>
public sealed class RecomputeOpenCases(CaseFlowDbContext db, WorkflowEngine engine, CalendarProvider calendars, TimeProvider time) : ICalendarChangeListener
{
    public async Task CalendarChangedAsync(int year, string? agencyCode, string changedBy, CancellationToken ct)
    {
        var query = db.Cases.Where(c => c.ConcludedOn == null && !c.IsVoid);
        if (agencyCode is not null)
        {
            var affected = AgencyTree.Subtree(await AgencyTree.ParentsAsync(db, ct), agencyCode);
            query = query.Where(c => affected.Contains(c.AgencyCode));
        }
        var now = time.GetUtcNow().UtcDateTime;
        var today = Domain.ChinaTime.DateOf(time.GetUtcNow());
        foreach (var c in await query.ToListAsync(ct))
        {
            var calendar = await calendars.GetAsync(c.AgencyCode, ct);
            var before = (c.ReplyDueOn, c.CorrectionNoticeDueOn);
            c.Recompute(calendar);
            await CaseStepWriter.ReplaceTimersAsync(db, c, engine.DefinitionOf(c), calendar, today, ct);
            if (before == (c.ReplyDueOn, c.CorrectionNoticeDueOn)) continue;
            c.CommitStep();
            db.CaseJournal.Add(new CaseJournalEntry
            {
                CaseId = c.Id, Sequence = c.Version, AtUtc = now, Actor = changedBy, Action = "recomputeDueDates", FromState = c.State, ToState = c.State,
                FactsJson = JsonSerializer.Serialize(new
                {
                    calendarYear = year, agency = agencyCode,
                    replyDueOn = new { before = before.ReplyDueOn, after = c.ReplyDueOn },
                    correctionNoticeDueOn = new { before = before.CorrectionNoticeDueOn, after = c.CorrectionNoticeDueOn },
                }),
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
