using System.Security.Claims;
using CaseFlow.Data;
using CaseFlow.Domain;
using CaseFlow.Domain.Calendar;
using CaseFlow.Domain.Cases;
using CaseFlow.Web.Features.Agencies;
using CaseFlow.Web.Features.Calendar;
using CaseFlow.Web.Features.Cases;
using CaseFlow.Web.Features.Cases.Pages;
using CaseFlow.Workflows.Definitions;
using CaseFlow.Workflows.Engine;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Web.Features.Review;

/// <summary>
/// The legal adviser's queue: the cases whose waiting point (<see cref="WaitingFor"/>, stored after every step) is a
/// task of the <see cref="Roles.LegalAdviser"/> role, in the agencies the user may see, soonest reply date first.
/// Which states those are is the workflow definition's business (its states' <c>taskRole</c>), so a new definition
/// version with another review state appears here without a change; the runtime is asked once more per case which
/// actions it offers this user, and a case where it offers none is left out.
/// </summary>
public static class ReviewQueue
{
    /// <summary>More than a review session can get through; the page says when there are more.</summary>
    public const int Limit = 200;

    public sealed record Entry(
        long Id, string CaseNumber, string ApplicantName, string? OfficerName, Draft? Draft, Domain.Outcomes.Outcome? Outcome,
        DateTime WaitingSinceUtc, DateOnly? DueOn, bool DueProvisional, Display.DueState Due);

    public sealed record Result(IReadOnlyList<Entry> Entries, int Total);

    public static async Task<Result> LoadAsync(ClaimsPrincipal user, CaseFlowDbContext db, WorkflowEngine engine, CalendarProvider calendars,
        TimeProvider time, CancellationToken ct)
    {
        var visible = await AgencyTree.VisibleToAsync(user, db, ct);
        var waiting = db.WaitingPoints.AsNoTracking().Where(w => w.Role == Roles.LegalAdviser);
        if (visible is not null) waiting = waiting.Where(w => visible.Contains(w.AgencyCode));
        var total = await waiting.CountAsync(ct);
        var rows = await waiting
            .OrderBy(w => w.DueOn == null).ThenBy(w => w.DueOn).ThenBy(w => w.CaseId).Take(Limit)
            .Join(db.Cases.AsNoTracking(), w => w.CaseId, c => c.Id, (w, c) => new { w.SinceUtc, Case = c })
            .ToListAsync(ct);

        var actor = CaseAccess.ActorOf(user);
        var today = ChinaTime.Today(time);
        var names = await UserNames.DisplayNamesAsync(db, rows.Select(r => r.Case.AssignedOfficer), ct);
        var entries = new List<Entry>();
        foreach (var row in rows)
        {
            var c = row.Case;
            var calendar = await calendars.GetAsync(c.AgencyCode, ct);
            if (engine.AvailableActions(c, actor, today, calendar).Count == 0) continue;
            var draft = c.Details.Drafts.LastOrDefault(d => d.Round == c.Round);
            var outcome = draft is not null && Domain.Outcomes.Outcomes.TryParse(draft.Outcome, out var o) ? o : null;
            entries.Add(new Entry(c.Id, c.CaseNumber, c.ApplicantName, UserNames.NameOf(names, c.AssignedOfficer), draft, outcome, row.SinceUtc,
                c.ReplyDueOn, c.DueProvisional, DueState(c, today, calendar)));
        }
        return new Result([.. entries.OrderBy(e => e.DueOn is null).ThenBy(e => e.DueOn).ThenBy(e => e.Id)], total);
    }

    /// <summary>The deadline state the officer's queue shows, for an open case.</summary>
    internal static Display.DueState DueState(DisclosureRequest c, DateOnly today, WorkingDayCalendar calendar) =>
        Display.Due(c.ReplyDueOn, today, c.IsConcluded, c.IsVoid, Display.PausedBy(c.State, c.Details), calendar);

}
