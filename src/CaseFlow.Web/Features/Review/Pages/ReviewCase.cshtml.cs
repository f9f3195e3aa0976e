using CaseFlow.Data;
using CaseFlow.Domain;
using CaseFlow.Domain.Cases;
using CaseFlow.Web.Errors;
using CaseFlow.Web.Features.Calendar;
using CaseFlow.Web.Features.Cases;
using CaseFlow.Web.Features.Cases.Pages;
using CaseFlow.Workflows.Definitions;
using CaseFlow.Workflows.Engine;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Outcome = CaseFlow.Domain.Outcomes.Outcome;

namespace CaseFlow.Web.Features.Review.Pages;

/// <summary>/review/{id} — one draft reply under legal review: its outcome and legal basis, the reply as it would read,
/// and what changed since the previous version (<see cref="DraftDiff"/>; every version is kept with the case and
/// journaled by submitDraft). The forms are the actions the runtime offers the user now (审核通过, 退回修改), built
/// like the case page's; POST /review/{id}/{action} runs one through the same path as the API and, when it is
/// refused, shows the errors here with what was typed.</summary>
[Authorize(Roles = Roles.LegalAdviser)]
public sealed class ReviewCaseModel(CaseFlowDbContext db, WorkflowEngine engine, CalendarProvider calendars, TimeProvider time,
    IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, PageActions actions) : PageModel
{
    public CaseDetail Case { get; private set; } = null!;
    public string AgencyName { get; private set; } = "";
    public string? OfficerName { get; private set; }
    public Display.DueState Due { get; private set; } = null!;
    public Draft? Current { get; private set; }
    public Outcome? CurrentOutcome { get; private set; }
    public Draft? Previous { get; private set; }
    public IReadOnlyList<DraftDiff.Segment> Changes { get; private set; } = [];
    public IReadOnlyList<ActionFormView> Forms { get; private set; } = [];

    /// <summary>The form that was just refused (its errors head the page).</summary>
    public ActionFormView? Refused { get; private set; }

    public static Outcome? OutcomeOf(string? code) => Domain.Outcomes.Outcomes.TryParse(code, out var o) ? o : null;

    public async Task<IActionResult> OnGetAsync(long id, string? action, CancellationToken ct)
    {
        if (action is not null) return NotFound();
        return await ShowAsync(id, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, string? action, CancellationToken ct)
    {
        if (await ShowAsync(id, ct) is { } problem) return problem;
        var definition = action is null ? null : engine.Catalog.Get(Case.Workflow, Case.WorkflowVersion).Action(action);
        if (definition is null) return NotFound();
        var result = await ActionSubmission.RunAsync(actions, id, ActionForm.For(definition, json.Value.SerializerOptions), Request.Form, User, ct,
            idPrefix: definition.Id + "-", postTo: $"/review/{id}/{definition.Id}");
        if (result.Forbidden) return Forbid();
        if (result.Done) return Redirect($"/review?done={Uri.EscapeDataString(definition.Id)}&id={id}");
        Refused = result.View;
        Forms = [.. Forms.Select(f => f.Form.Action.Id == definition.Id ? result.View : f)];
        if (!Forms.Contains(result.View)) Forms = [result.View, .. Forms];
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<IActionResult?> ShowAsync(long id, CancellationToken ct)
    {
        try
        {
            Case = await GetCase.Handle(id, null, User, db, engine, calendars, time, ct);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        ViewData["PrintFooter"] = Case.CaseNumber;
        AgencyName = await db.Agencies.AsNoTracking().Where(a => a.Code == Case.Agency).Select(a => a.Name).FirstOrDefaultAsync(ct) ?? Case.Agency;
        if (Case.AssignedOfficer is { } officer)
            OfficerName = await db.Users.AsNoTracking().Where(u => u.UserName == officer).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? officer;
        var calendar = await calendars.GetAsync(Case.Agency, ct);
        Due = Display.Due(Case.Clock.DueOn, ChinaTime.Today(time), Case.ConcludedOn is not null, Case.IsVoid, Display.PausedBy(Case.State, Case.Details), calendar);

        // The draft under review is the latest of the current round; the one before it (of any round) is what the
        // adviser saw last, so the comparison shows what the officer changed since.
        var drafts = Case.Details.Drafts;
        Current = drafts.LastOrDefault(d => d.Round == Case.Round);
        CurrentOutcome = OutcomeOf(Current?.Outcome);
        Previous = Current is null ? null : drafts.LastOrDefault(d => d.Number < Current.Number);
        if (Current is not null && Previous is not null) Changes = DraftDiff.Compare(Previous.Text, Current.Text);

        var definition = engine.Catalog.Get(Case.Workflow, Case.WorkflowVersion);
        Forms = [.. Case.AvailableActions.Select(a => definition.Action(a.Id)).OfType<ActionDefinition>().Select(a =>
            new ActionFormView(Case.Id, Case.Version, ActionForm.For(a, json.Value.SerializerOptions), new Dictionary<string, string>(), new FormErrors(),
                a.Id + "-", $"/review/{Case.Id}/{a.Id}"))];
        return null;
    }
}
