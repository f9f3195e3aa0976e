using CaseFlow.Data;
using CaseFlow.Web.Features.Calendar;
using CaseFlow.Web.Features.Cases.Pages;
using CaseFlow.Workflows.Definitions;
using CaseFlow.Workflows.Engine;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CaseFlow.Web.Features.Review.Pages;

/// <summary>/approvals — what waits for the head (<see cref="ApprovalQueue"/>): extension requests, art 35 reply dates
/// and sign-offs, each with the case's clock and the forms of the actions that settle it. POST
/// /approvals/{id}/{action} runs one through the same path as the API; a refused one shows the queue again with the
/// errors beside the fields and what was typed. Printed, the page is the approval sheet: forms hidden, a line for the
/// head's opinion and signature under each entry.</summary>
[Authorize(Roles = Roles.Head)]
public sealed class ApprovalsModel(CaseFlowDbContext db, WorkflowEngine engine, CalendarProvider calendars, TimeProvider time,
    IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, PageActions actions) : PageModel
{
    public sealed record Item(ApprovalQueue.Entry Entry, IReadOnlyList<ActionFormView> Forms);

    public IReadOnlyList<Item> Items { get; private set; } = [];
    public string? Done { get; private set; }

    /// <summary>The form that was just refused (its errors head the page).</summary>
    public ActionFormView? Refused { get; private set; }

    public IEnumerable<Item> Of(ApprovalQueue.Kind kind) => Items.Where(i => i.Entry.Kind == kind);

    public async Task<IActionResult> OnGetAsync(long? id, string? action, string? done, long? @case, CancellationToken ct)
    {
        if (id is not null || action is not null) return NotFound();
        await LoadAsync(ct);
        Done = await DoneMessage.DescribeAsync(done, @case, User, db, engine, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long? id, string? action, CancellationToken ct)
    {
        if (id is null || action is null) return NotFound();
        await LoadAsync(ct);
        // The action must be one of the case's definition; whether it may run now is the runtime's answer below.
        ActionDefinition? definition;
        try
        {
            var c = await Cases.CaseAccess.LoadAsync(id.Value, User, db, tracking: false, ct);
            definition = engine.DefinitionOf(c).Action(action);
        }
        catch (Errors.NotFoundException)
        {
            return NotFound();
        }
        if (definition is null) return NotFound();

        var result = await ActionSubmission.RunAsync(actions, id.Value, ActionForm.For(definition, json.Value.SerializerOptions), Request.Form, User, ct,
            idPrefix: Prefix(id.Value, action), postTo: Target(id.Value, action));
        if (result.Forbidden) return Forbid();
        if (result.Done) return Redirect($"/approvals?done={Uri.EscapeDataString(action)}&case={id}");
        Refused = result.View;
        Items = [.. Items.Select(i => i.Entry.Case.Id == id ? i with { Forms = [.. i.Forms.Select(f => f.Form.Action.Id == action ? result.View : f)] } : i)];
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var entries = await ApprovalQueue.LoadAsync(User, db, engine, calendars, time, ct);
        Items = [.. entries.Select(e => new Item(e, [.. e.Actions.Select(a => new ActionFormView(e.Case.Id, e.Case.Version,
            ActionForm.For(a, json.Value.SerializerOptions), new Dictionary<string, string>(), new FormErrors(), Prefix(e.Case.Id, a.Id), Target(e.Case.Id, a.Id)))]))];
    }

    private static string Prefix(long id, string action) => $"c{id}-{action}-";

    private static string Target(long id, string action) => $"/approvals/{id}/{action}";
}
