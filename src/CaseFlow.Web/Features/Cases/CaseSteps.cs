using System.Text.Json;
using CaseFlow.Data;
using CaseFlow.Data.Cases;
using CaseFlow.Domain;
using CaseFlow.Domain.Calendar;
using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Reports;
using CaseFlow.Web.Features.Calendar;
using CaseFlow.Web.Features.Reports;
using CaseFlow.Workflows.Engine;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseFlow.Web.Features.Cases;

/// <summary>
/// The one path by which a case changes: an action (a person's through the API, the system's from a timer) runs
/// through the workflow engine, and every change stages its rows — journal row, timers, waiting point, proceedings,
/// outbox — on the scope's DbContext and commits them in one transaction, in which the locked annual reports are
/// checked (<see cref="ReportLockGuard"/>) after the rows are written and before commit. Changes made outside the
/// engine (imports, recomputed due dates) are recorded with <see cref="Begin"/> and <see cref="Record"/> and commit
/// through the same <see cref="CommitAsync"/>. Registration writes its rows its own fast way but shares the journal
/// row and the lock check.
/// </summary>
public sealed class CaseSteps(CaseFlowDbContext db, WorkflowEngine engine, CalendarProvider calendars, TimeProvider time, IOptions<JsonOptions> json)
{
    private readonly List<CaseChangeFacts> _pending = [];

    /// <summary>A committed action: the case as it is now, what the step did, and the calendar and dates it ran with.</summary>
    public sealed record Done(DisclosureRequest Case, StepResult Step, WorkingDayCalendar Calendar, DateTime NowUtc, DateOnly Today);

    /// <summary>Runs <paramref name="action"/> on a tracked case and commits it (in the caller's transaction when there
    /// is one, else in its own). <paramref name="alsoStage"/> adds rows that must commit with the step (the
    /// idempotency record). Throws <see cref="ReportLockedException"/>, a concurrency exception on a stale case, and
    /// the engine's exceptions (before anything is staged).</summary>
    public async Task<Done> RunAsync(DisclosureRequest c, string action, JsonElement? payload, Actor actor, CancellationToken ct,
        Action<Done>? alsoStage = null, DateTime? nowUtc = null)
    {
        var calendar = await calendars.GetAsync(c.AgencyCode, ct);
        var correctionPeriod = await db.Agencies.Where(a => a.Code == c.AgencyCode).Select(a => a.CorrectionPeriodWorkingDays).FirstAsync(ct);
        var now = nowUtc ?? time.GetUtcNow().UtcDateTime;
        var today = ChinaTime.DateOf(new DateTimeOffset(now, TimeSpan.Zero));
        var before = CaseReportFacts.Of(c);
        var step = engine.DefinitionOf(c).Action(action)?.Step;
        var officers = step == "AssignOfficer" ? await AgencyOfficersAsync(c.AgencyCode, ct) : null;
        // The 按件 fee counts the applicant's applications in the month, which only the database knows.
        var rank = step == "SendFeeNotice" ? await ApplicantApplications.MonthRankAsync(db, c, ct) : null;
        var result = engine.Execute(c, action, payload, json.Value.SerializerOptions, actor, now, today, calendar, correctionPeriod, officers, rank);

        await CaseStepWriter.StageAsync(db, c, engine.DefinitionOf(c), calendar, actor.UserName, result.ActionId, result.Step, result.FromState,
            payload, result.Facts, result.Outbox, now, ct);
        await TaskNotices.StageAsync(db, c, engine.DefinitionOf(c), result.FromState, now, ct);
        _pending.Add(new CaseChangeFacts(c.AgencyCode, before, CaseReportFacts.Of(c)));
        var done = new Done(c, result, calendar, now, today);
        alsoStage?.Invoke(done);
        await CommitAsync(ct);
        return done;
    }

    /// <summary>The enabled accounts holding the Officer role at the agency: the only users a case may be assigned to.</summary>
    private async Task<IReadOnlySet<string>> AgencyOfficersAsync(string agencyCode, CancellationToken ct) =>
        (await AgencyStaff.InRolesAsync(db, agencyCode, [CaseFlow.Workflows.Definitions.Roles.Officer], ct)).Select(m => m.UserName).ToHashSet(StringComparer.Ordinal);

    /// <summary>A change made outside the engine starts here: the case as it is before (for a new case, nothing).</summary>
    public Before Begin(DisclosureRequest c) => c.Id == 0 ? new Before(c, null, null) : new Before(c, c.State, CaseReportFacts.Of(c));

    public sealed record Before(DisclosureRequest Case, string? State, CaseReportFacts? Facts);

    /// <summary>Records a change made since <see cref="Begin"/>: a new version of the case (a new case keeps its first)
    /// and its journal row. Nothing is written before <see cref="CommitAsync"/>.</summary>
    public void Record(Before before, string actor, string action, object? facts, DateTime nowUtc)
    {
        var c = before.Case;
        if (before.Facts is not null) c.CommitStep();
        db.CaseJournal.Add(CaseStepWriter.JournalEntry(c, actor, action, null, before.State, null, facts, nowUtc));
        _pending.Add(new CaseChangeFacts(c.AgencyCode, before.Facts, CaseReportFacts.Of(c)));
    }

    /// <summary>Writes the staged rows and checks the locked reports against every change recorded, in the caller's
    /// transaction when there is one (it commits), else in one of its own.</summary>
    public async Task CommitAsync(CancellationToken ct)
    {
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            await db.SaveChangesAsync(ct);
            var changes = _pending.ToList();
            _pending.Clear();
            await ReportLockGuard.EnsureUnchangedAsync(db, changes, ct);
            if (own is not null) await own.CommitAsync(ct);
        }
        finally
        {
            _pending.Clear();
            if (own is not null) await own.DisposeAsync();
        }
    }
}
