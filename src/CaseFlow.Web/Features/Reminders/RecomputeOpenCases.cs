using CaseFlow.Data;
using CaseFlow.Data.Cases;
using CaseFlow.Web.Features.Agencies;
using CaseFlow.Web.Features.Calendar;
using CaseFlow.Web.Features.Cases;
using CaseFlow.Workflows.Engine;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Web.Features.Reminders;

/// <summary>After a calendar change, every open case it can affect gets its due dates and timers recomputed;
/// a case whose reply date moved gets a journal row naming the change and who made it.</summary>
public sealed class RecomputeOpenCases(CaseFlowDbContext db, WorkflowEngine engine, CalendarProvider calendars, CaseSteps steps, TimeProvider time) : ICalendarChangeListener
{
    public async Task CalendarChangedAsync(int year, string? agencyCode, string changedBy, CancellationToken ct)
    {
        // A concluded case still has dates running while a review or lawsuit waits for the agency's reply or defence.
        var query = db.Cases.Where(c => !c.IsVoid && (c.ConcludedOn == null
            || db.CaseProceedings.Any(p => p.CaseId == c.Id && p.Result == null && !p.Imported)));
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
            var change = steps.Begin(c);
            var before = c.DueDates();
            c.Recompute(calendar);
            await CaseStepWriter.ReplaceTimersAsync(db, c, engine.DefinitionOf(c), calendar, today, ct);
            var after = c.DueDates();
            var moved = after.Where(d => before.GetValueOrDefault(d.Key) != d.Value).Select(d => d.Key).ToList();
            if (moved.Count == 0) continue;
            steps.Record(change, changedBy, JournalActions.RecomputeDueDates, Facts(year, agencyCode, before, after, moved), now);
        }
        await steps.CommitAsync(ct);
    }

    /// <summary>The reply and correction-notice dates always, before and after; every other date only when it moved.</summary>
    private static Dictionary<string, object?> Facts(int year, string? agency, IReadOnlyDictionary<string, DateOnly?> before, IReadOnlyDictionary<string, DateOnly?> after, IReadOnlyList<string> moved)
    {
        var facts = new Dictionary<string, object?> { ["calendarYear"] = year, ["agency"] = agency };
        foreach (var key in after.Keys.Where(k => k is "replyDueOn" or "correctionNoticeDueOn" || moved.Contains(k)))
            facts[key] = new { before = before.GetValueOrDefault(key), after = after[key] };
        return facts;
    }
}
