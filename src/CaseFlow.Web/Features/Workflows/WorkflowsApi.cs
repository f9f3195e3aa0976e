using CaseFlow.Workflows.Definitions;

namespace CaseFlow.Web.Features.Workflows;

public static class WorkflowsApi
{
    public sealed record StateView(string Id, string Label, StateCategory Category, string? TaskRole);

    public sealed record ActionView(string Id, string Label, IReadOnlyList<string> From, IReadOnlyList<string> Roles, string Step);

    public sealed record DefinitionView(string DefinitionId, int Version, string Name, bool Latest, WorkflowSettings Settings,
        string InitialState, IReadOnlyList<StateView> States, IReadOnlyList<ActionView> Actions, string Diagram);

    public static IEndpointRouteBuilder MapWorkflowsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/workflows").WithTags("Workflows 流程定义").RequireAuthorization();
        api.MapGet("/", List).WithName("listWorkflows").WithSummary("所有流程定义及其版本");
        api.MapGet("/{id}/{version:int}/diagram.svg", Diagram).WithName("getWorkflowDiagram")
            .Produces<string>(StatusCodes.Status200OK, "image/svg+xml").ProducesProblem(StatusCodes.Status404NotFound).WithSummary("流程图（SVG）");
        return app;
    }

    public static IReadOnlyList<DefinitionView> List(DefinitionCatalog catalog) =>
    [
        .. catalog.All.Select(d => new DefinitionView(
            d.DefinitionId, d.Version, d.Name, catalog.Latest(d.DefinitionId).Version == d.Version, d.Settings, d.InitialState,
            [.. d.States.Select(s => new StateView(s.Id, s.Label, s.Category, s.TaskRole))],
            [.. d.Actions.Select(a => new ActionView(a.Id, a.Label, a.From, a.Roles, a.Step))],
            $"/api/workflows/{d.DefinitionId}/{d.Version}/diagram.svg")),
    ];

    public static IResult Diagram(string id, int version, DefinitionCatalog catalog) =>
        catalog.TryGet(id, version, out var d)
            ? Results.Text(DiagramRenderer.RenderSvg(d), "image/svg+xml; charset=utf-8")
            : throw new Errors.NotFoundException($"没有流程定义 {id} 第 {version} 版。");
}
