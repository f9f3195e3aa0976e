using CaseFlow.Workflows.Definitions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseFlow.Web.Features.Workflows.Pages;

/// <summary>/admin/workflows — every definition version loaded at start-up (GET /api/workflows), which one new cases
/// start on, and its diagram as drawn by the runtime (GET /api/workflows/{id}/{version}/diagram.svg, shown as an image
/// so the page needs no inline styles), with its states and actions as tables for those who cannot see it.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class WorkflowsModel(DefinitionCatalog catalog) : PageModel
{
    public IReadOnlyList<WorkflowsApi.DefinitionView> Definitions { get; private set; } = [];

    public void OnGet() => Definitions = [.. WorkflowsApi.List(catalog).OrderBy(d => d.DefinitionId, StringComparer.Ordinal).ThenByDescending(d => d.Version)];

    public static string CategoryLabel(StateCategory c) => c switch
    {
        StateCategory.Open => "办理中",
        StateCategory.Waiting => "等待外部",
        StateCategory.Final => "终态",
        _ => c.ToString(),
    };

    public static string RoleText(IEnumerable<string> roles) => string.Join("、", roles.Select(r => Roles.Labels.GetValueOrDefault(r, r)));

    public static string Anchor(WorkflowsApi.DefinitionView d) => $"wf-{d.DefinitionId}-v{d.Version}";
}
