using System.Text.Json;
using CaseFlow.Data;
using CaseFlow.Domain.Cases;
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
        View = new ActionFormView(id, Case.Version, form, Defaults(form), new FormErrors());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, string action, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } problem) return problem;
        var def = engine.Catalog.Get(Case.Workflow, Case.WorkflowVersion);
        var definition = def.Action(action);
        if (definition is null) return NotFound();
        var form = ActionForm.For(definition, json.Value.SerializerOptions);
        var errors = new FormErrors();
        var typed = form.Fields.ToDictionary(f => f.InputName, f => Request.Form[f.InputName].ToString());
        var version = int.TryParse(Request.Form["version"], out var v) ? v : -1;
        View = new ActionFormView(id, version, form, typed, errors);

        var parseErrors = new List<Domain.FieldError>();
        var payload = form.Read(k => Request.Form[k], parseErrors);
        errors.AddRange(parseErrors);
        if (form.Dangerous)
        {
            if (form.Fields.FirstOrDefault(f => f.Name == "Reason") is { } reason && string.IsNullOrWhiteSpace(Request.Form[reason.InputName]))
                errors.Add(reason.JsonName, "请填写理由。");
            if (Request.Form["confirm"] != "true") errors.Add("confirm", "请勾选确认。");
        }
        if (errors.Any) return Refused();

        try
        {
            await actions.ExecuteAsync(id, action, payload, version, User, ct);
            return Redirect($"/cases/{id}?done={Uri.EscapeDataString(action)}");
        }
        catch (CaseRuleException e) { AddError(errors, form, e.Field, e.Message); }
        catch (ValidationFailedException e) { foreach (var x in e.Errors) AddError(errors, form, x.Field, x.Message); }
        catch (InvalidPayloadException e) { foreach (var x in e.Errors) AddError(errors, form, x.Field, x.Message); }
        catch (ConflictException e) { errors.General.Add(e.Message); }
        catch (ActionNotAvailableException e) { errors.General.Add(e.Message); }
        catch (ActionForbiddenException) { return Forbid(); }
        return Refused();
    }

    private IActionResult Refused()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private static void AddError(FormErrors errors, ActionForm form, string field, string message)
    {
        if (form.Fields.Any(f => f.JsonName == field)) errors.Add(field, message);
        else errors.General.Add(message);
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

    /// <summary>What a form starts with: assigning proposes the signed-in officer.</summary>
    public Dictionary<string, string> Defaults(ActionForm form) =>
        form.Fields.Where(f => f.Name == "Officer").ToDictionary(f => f.InputName, _ => User.Identity?.Name ?? "");
}
