using System.Text.Json;
using CaseFlow.Data;
using CaseFlow.Data.Cases;
using CaseFlow.Domain;
using CaseFlow.Domain.Cases;
using CaseFlow.Web.Features.Calendar;
using CaseFlow.Workflows.Engine;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseFlow.Web.Features.Reminders;

/// <summary>
/// Fires due timer rows. Claiming is one UPDATE … WHERE ClaimedAtUtc IS NULL, so two instances on one database
/// never fire a row twice; each row then fires in its own transaction. Rows missed while the host was down are
/// simply due, so a restart catches up.
/// </summary>
public sealed class TimerSweeper(IServiceScopeFactory scopes, TimeProvider time, ILogger<TimerSweeper> log)
{
    public DateTime? LastSweepUtc { get; private set; }
    public int LastFired { get; private set; }

    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var token = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
        List<long> ids;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
            var claimed = await db.CaseTimers.Where(t => t.ClaimedAtUtc == null && t.DueAtUtc <= now)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.ClaimedAtUtc, now).SetProperty(t => t.ClaimedBy, token), ct);
            ids = claimed == 0 ? [] : await db.CaseTimers.Where(t => t.ClaimedBy == token).OrderBy(t => t.DueAtUtc).ThenBy(t => t.Id).Select(t => t.Id).ToListAsync(ct);
        }

        var fired = 0;
        foreach (var id in ids)
            if (await FireAsync(id, now, ct)) fired++;
        LastSweepUtc = now;
        LastFired = fired;
        return fired;
    }

    private async Task<bool> FireAsync(long timerId, DateTime now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<CaseFlowDbContext>();
        var timer = await db.CaseTimers.FirstAsync(t => t.Id == timerId, ct);
        var c = await db.Cases.FirstOrDefaultAsync(x => x.Id == timer.CaseId, ct);
        timer.FiredAtUtc = now;
        if (c is null || c.IsVoid)
        {
            await db.SaveChangesAsync(ct);
            return false;
        }

        var engine = sp.GetRequiredService<WorkflowEngine>();
        var calendar = await sp.GetRequiredService<CalendarProvider>().GetAsync(c.AgencyCode, ct);
        var def = engine.DefinitionOf(c);
        var today = ChinaTime.DateOf(new DateTimeOffset(now, TimeSpan.Zero));
        try
        {
            if (timer.Action is not null)
                await RunSystemActionAsync(sp, db, c, timer, engine, calendar, now, today, ct);
            else
                await RemindAsync(db, c, timer, def, calendar, today, now, ct);
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone acted on the case at the same moment: release the row, the next sweep looks again.
            db.ChangeTracker.Clear();
            await db.CaseTimers.Where(t => t.Id == timerId).ExecuteUpdateAsync(s => s.SetProperty(t => t.ClaimedAtUtc, (DateTime?)null).SetProperty(t => t.ClaimedBy, (string?)null).SetProperty(t => t.FiredAtUtc, (DateTime?)null), ct);
            return false;
        }
    }

    private async Task RunSystemActionAsync(IServiceProvider sp, CaseFlowDbContext db, DisclosureRequest c, CaseTimer timer, WorkflowEngine engine,
        Domain.Calendar.WorkingDayCalendar calendar, DateTime now, DateOnly today, CancellationToken ct)
    {
        var json = sp.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var payload = timer.Payload is null ? (JsonElement?)null : JsonDocument.Parse(timer.Payload).RootElement.Clone();
        var period = await db.Agencies.Where(a => a.Code == c.AgencyCode).Select(a => a.CorrectionPeriodWorkingDays).FirstAsync(ct);
        StepResult result;
        try
        {
            result = engine.Execute(c, timer.Action!, payload, json, Actor.System, now, today, calendar, period);
        }
        catch (Exception e) when (e is ActionNotAvailableException or CaseRuleException)
        {
            // The case moved on (e.g. the correction arrived just before the period ended): nothing to do.
            log.LogInformation("Timer {Timer} of case {Case}: {Action} no longer applies ({Reason})", timer.Id, c.CaseNumber, timer.Action, e.Message);
            return;
        }
        var def = engine.DefinitionOf(c);
        await CaseStepWriter.StageAsync(db, c, def, calendar, Actor.System.UserName, result.ActionId, result.Step, result.FromState, payload, result.Facts, result.Outbox, now, ct);
        var (title, body) = Messages.AfterSystemAction(c, timer.Kind);
        await Notifier.NotifyAsync(db, c, timer.Kind, title, body, escalate: false, now, ct);
    }

    private static async Task RemindAsync(CaseFlowDbContext db, DisclosureRequest c, CaseTimer timer, CaseFlow.Workflows.Definitions.WorkflowDefinition def,
        Domain.Calendar.WorkingDayCalendar calendar, DateOnly today, DateTime now, CancellationToken ct)
    {
        if (c.IsConcluded && timer.Kind is not ("ReviewReplyDue" or "LawsuitDefenceDue")) return;
        var (title, body, escalate) = Messages.Reminder(c, timer);
        await Notifier.NotifyAsync(db, c, timer.Kind, title, body, escalate, now, ct);
        if (timer.Kind is "Overdue" or "ReplyReminder")
            await CaseStepWriter.ReplaceTimersAsync(db, c, def, calendar, today, ct); // arms the next link of the chain
    }
}
