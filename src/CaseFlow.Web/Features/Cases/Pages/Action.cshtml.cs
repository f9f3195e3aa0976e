using CaseFlow.Data;
using CaseFlow.Web.Errors;
using CaseFlow.Web.Features.Calendar;
using CaseFlow.Workflows.Engine;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CaseFlow.Web.Features.Cases.Pages;

/// <summary>/cases/{id}/actions/{action} — one action's form on its own page (GET, works without JavaScript) and its
/// submission (POST, also from the forms on the case page). Only actions the runtime offers now are shown.</summary>
public sealed class ActionModel(CaseFlowDbContext db, WorkflowEngine engine, CalendarProvider calendars, TimeProvider time,
    IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, PageActions actions) : PageModel
{
    public CaseDetail Case { get; private set; } = null!;
    public ActionFormView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, string action, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } problem) return problem;
        var form = FormFor(action);
        if (form is null) return NotFound();
        View = ActionFormView.Start(Case, form, User.Identity?.Name);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, string action, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } problem) return problem;
        var def = engine.Catalog.Get(Case.Workflow, Case.WorkflowVersion);
        var definition = def.Action(action);
        if (definition is null) return NotFound();
        var result = await ActionSubmission.RunAsync(actions, id, ActionForm.For(definition, json.Value.SerializerOptions), Request.Form, User, ct);
        if (result.Forbidden) return Forbid();
        if (result.Done) return Redirect($"/cases/{id}?done={Uri.EscapeDataString(action)}");
        View = result.View;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(long id, CancellationToken ct)
    {
        try
        {
            Case = await GetCase.Handle(id, null, User, db, engine, calendars, time, ct);
            ViewData["PrintFooter"] = Case.CaseNumber;
            return null;
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    private ActionForm? FormFor(string action)
    {
        if (!Case.AvailableActions.Any(a => a.Id == action)) return null;
        var def = engine.Catalog.Get(Case.Workflow, Case.WorkflowVersion);
        return ActionForm.For(def.Action(action)!, json.Value.SerializerOptions);
    }

}
