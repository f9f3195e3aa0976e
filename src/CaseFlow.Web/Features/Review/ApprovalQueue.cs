using System.Security.Claims;
using CaseFlow.Data;
using CaseFlow.Domain;
using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Deadlines;
using CaseFlow.Web.Features.Agencies;
using CaseFlow.Web.Features.Calendar;
using CaseFlow.Web.Features.Cases;
using CaseFlow.Web.Features.Cases.Pages;
using CaseFlow.Workflows.Definitions;
using CaseFlow.Workflows.Engine;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Web.Features.Review;

/// <summary>
/// What waits for the head (负责人): extension requests (art 33 ¶2), art 35 reply dates and sign-offs, in the agencies
/// the user may see. The runtime decides: an entry is listed only when <see cref="WorkflowEngine.AvailableActions"/>
/// offers the user the action that settles it, and it is filed by the action's step type (the closed registry of
/// steps), never by state names:
/// <list type="bullet">
/// <item>延期申请: a step <c>ApproveExtension</c>/<c>RejectExtension</c> is offered (its guard holds only while a request
/// waits);</item>
/// <item>第三十五条: a step <c>SetArticle35ReplyDate</c> is offered, the officer has asked the applicant for reasons and no
/// date is set yet (v1 offers the step in every handling case without a guard, so the request for reasons is what
/// makes it a pending decision);</item>
/// <item>待签发: the case's waiting point is a task of the <see cref="Roles.Head"/> role; its forms are the actions that
/// end that wait.</item>
/// </list>
/// </summary>
public static class ApprovalQueue
{
    public enum Kind { Extension, Article35, SignOff }

    private static readonly HashSet<string> ExtensionSteps = ["ApproveExtension", "RejectExtension"];
    private const string Article35Step = "SetArticle35ReplyDate";

    public sealed record Entry(
        Kind Kind, DisclosureRequest Case, string StateLabel, string? OfficerName, ReplyClock Clock, Display.DueState Due,
        IReadOnlyList<ActionDefinition> Actions, DateOnly? DueIfExtended, string? RequestedByName);

    public static async Task<IReadOnlyList<Entry>> LoadAsync(ClaimsPrincipal user, CaseFlowDbContext db, WorkflowEngine engine,
        CalendarProvider calendars, TimeProvider time, CancellationToken ct)
    {
        // The states in which a head decides something, read from every definition version in use.
        var states = engine.Catalog.All.SelectMany(d =>
                d.Actions.Where(a => a.Roles.Contains(Roles.Head) && (ExtensionSteps.Contains(a.Step) || a.Step == Article35Step)).SelectMany(a => a.From)
                    .Concat(d.States.Where(s => s.TaskRole == Roles.Head).Select(s => s.Id)))
            .ToHashSet();
        var visible = await AgencyTree.VisibleToAsync(user, db, ct);
        var query = db.Cases.AsNoTracking().Where(c => !c.IsVoid && c.ConcludedOn == null && states.Contains(c.State));
        if (visible is not null) query = query.Where(c => visible.Contains(c.AgencyCode));
        var cases = await query.OrderBy(c => c.Id).ToListAsync(ct);

        var actor = CaseAccess.ActorOf(user);
        var today = ChinaTime.Today(time);
        var names = await UserNames.DisplayNamesAsync(db,
            cases.Select(c => c.AssignedOfficer).Concat(cases.Select(c => c.Details.Extension?.RequestedBy)), ct);
        var entries = new List<Entry>();
        foreach (var c in cases)
        {
            var def = engine.DefinitionOf(c);
            var calendar = await calendars.GetAsync(c.AgencyCode, ct);
            var offered = engine.AvailableActions(c, actor, today, calendar).Select(a => def.Action(a.Id)).OfType<ActionDefinition>().ToList();
            if (offered.Count == 0) continue;

            var extension = offered.Where(a => ExtensionSteps.Contains(a.Step)).ToList();
            var article35 = offered.Where(a => a.Step == Article35Step).ToList();
            var wait = WaitingFor.Of(c, def);
            var signOff = wait?.Role == Roles.Head
                ? offered.Where(a => wait.Actions.Split(',').Contains(a.Id) && !ExtensionSteps.Contains(a.Step) && a.Step != Article35Step).ToList()
                : [];

            var clock = c.Clock(calendar);
            var due = ReviewQueue.DueState(c, today, calendar);
            var officer = UserNames.NameOf(names, c.AssignedOfficer);
            var label = def.State(c.State).Label;
            if (extension.Count > 0 && c.Details.Extension is { } request)
            {
                // What the deadline becomes if the head approves: the same clock with the requested days added.
                var extended = clock.Paused || c.Article35ReplyOn is not null
                    ? null
                    : StatutoryClock.Reply(calendar, c.ClockInput() with { ExtensionDays = request.Days }, explain: false).DueOn;
                entries.Add(new Entry(Kind.Extension, c, label, officer, clock, due, extension, extended, UserNames.NameOf(names, request.RequestedBy)));
            }
            if (article35.Count > 0 && c.Details.ReasonsRequestedOn is not null && c.Article35ReplyOn is null)
                entries.Add(new Entry(Kind.Article35, c, label, officer, clock, due, article35, null, null));
            if (signOff.Count > 0)
                entries.Add(new Entry(Kind.SignOff, c, label, officer, clock, due, signOff, null, null));
        }
        return [.. entries.OrderBy(e => e.Kind).ThenBy(e => e.Case.ReplyDueOn is null).ThenBy(e => e.Case.ReplyDueOn).ThenBy(e => e.Case.Id)];
    }
}
