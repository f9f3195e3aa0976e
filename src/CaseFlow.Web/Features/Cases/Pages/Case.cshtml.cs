using System.Text.Json;
using CaseFlow.Data;
using CaseFlow.Web.Errors;
using CaseFlow.Web.Features.Calendar;
using CaseFlow.Workflows.Definitions;
using CaseFlow.Workflows.Engine;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseFlow.Web.Features.Cases.Pages;

/// <summary>/cases/{id} — the case as GET /api/cases/{id} and its journal show it (<see cref="GetCase"/>,
/// <see cref="GetJournal"/>), with a form for each action the runtime offers the user now.</summary>
public sealed class CaseModel(CaseFlowDbContext db, WorkflowEngine engine, CalendarProvider calendars, TimeProvider time,
    IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : PageModel
{
    public sealed record TimelineEntry(string At, string Actor, string Action, string? From, string? To);

    public CaseDetail Case { get; private set; } = null!;
    public WorkflowDefinition Definition { get; private set; } = null!;
    public IReadOnlyList<TimelineEntry> Timeline { get; private set; } = [];
    public IReadOnlyList<ActionFormView> Actions { get; private set; } = [];
    public string AgencyName { get; private set; } = "";
    public string? Done { get; private set; }

    /// <summary>The 7 working days for the correction notice have passed: the page warns before the notice is sent.</summary>
    public bool CorrectionNoticeLate { get; private set; }

    public bool CanReveal => User.IsInRole(Roles.Officer) || User.IsInRole(Roles.Head) || User.IsInRole(Roles.Admin);

    public Task<IActionResult> OnGetAsync(long id, string? done, CancellationToken ct) => ShowAsync(id, null, done, ct);

    /// <summary>显示证件号码: a POST, because the read is journaled like GET /api/cases/{id}?reveal=idDocument.</summary>
    public async Task<IActionResult> OnPostRevealAsync(long id, CancellationToken ct)
    {
        if (!CanReveal) return Forbid();
        return await ShowAsync(id, "idDocument", null, ct);
    }

    private async Task<IActionResult> ShowAsync(long id, string? reveal, string? done, CancellationToken ct)
    {
        try
        {
            Case = await GetCase.Handle(id, reveal, User, db, engine, calendars, time, ct);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        ViewData["PrintFooter"] = Case.CaseNumber;
        Definition = engine.Catalog.Get(Case.Workflow, Case.WorkflowVersion);
        AgencyName = await db.Agencies.AsNoTracking().Where(a => a.Code == Case.Agency).Select(a => a.Name).FirstOrDefaultAsync(ct) ?? Case.Agency;
        if (done is not null && Definition.Action(done) is { } a) Done = a.Label;

        var journal = await GetJournal.Handle(id, User, db, ct);
        var names = await UserNames.DisplayNamesAsync(db, journal.Select(j => j.Actor), ct);
        Timeline = [.. journal.Select(j => new TimelineEntry(Display.ChinaTime(j.AtUtc), names.GetValueOrDefault(j.Actor, j.Actor), ActionLabel(j.Action),
            StateLabel(j.FromState), StateLabel(j.ToState)))];

        CorrectionNoticeLate = Domain.ChinaTime.Today(time) > Case.Clock.CorrectionNoticeDueOn;
        var options = json.Value.SerializerOptions;
        Actions = [.. Case.AvailableActions.Select(x => Definition.Action(x.Id)).OfType<ActionDefinition>().Select(x =>
        {
            return ActionFormView.Start(Case, ActionForm.For(x, options), User.Identity?.Name, x.Id + "-");
        })];
        return Page();
    }

    private string ActionLabel(string action) => JournalActions.Label(action) ?? Definition.Action(action)?.Label ?? action;

    private string? StateLabel(string? state) =>
        state is null ? null : Definition.States.FirstOrDefault(s => s.Id == state)?.Label ?? state;

    public static string Json(JsonElement? e) => e?.ToString() ?? "";
}
