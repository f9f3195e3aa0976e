using System.Security.Claims;
using CaseFlow.Data;
using CaseFlow.Web.Features.Calendar;
using CaseFlow.Web.Hosting;
using CaseFlow.Workflows.Definitions;
using CaseFlow.Workflows.Engine;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace CaseFlow.Web.Features.Cases;

public static class CasesApi
{
    public static IServiceCollection AddCases(this IServiceCollection services) => services.AddScoped<CaseSteps>();

    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/cases").WithTags("Cases 案件").RequireAuthorization();
        api.MapPost("/", RegisterRequest.Handle).RequireAuthorization(p => p.RequireRole(Roles.Officer, Roles.Office))
            .WithName("registerCase").Produces<CaseDetail>(StatusCodes.Status201Created)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("登记申请：收到申请之日按渠道确定（条例第三十一条）");
        api.MapGet("/", ListCases.Handle).WithName("listCases").ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("案件列表：按答复期限排序；可按状态、承办人（me）、机关、收到日期、N 个工作日内到期、已超期筛选；q 按申请编号、申请人或申请内容搜索");
        api.MapGet("/{id:long}", GetCase.Handle).WithName("getCase")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("案件详情、答复期限说明与当前可执行的操作");
        api.MapGet("/{id:long}/journal", GetJournal.Handle).WithName("getCaseJournal").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("案件日志：每一步的时间、用户、操作、前后状态");
        api.MapPost("/{id:long}/actions/{action}", ExecuteAction.Handle).WithName("executeAction")
            .DocumentsAnyActionPayload().ProducesAction()
            .WithSummary("执行操作：须带案件版本（If-Match 或 version 字段）；可带 Idempotency-Key");

        // One documented route per action, so /openapi/v1.json shows each action's payload and roles.
        var catalog = app.ServiceProvider.GetRequiredService<DefinitionCatalog>();
        foreach (var group in catalog.All.SelectMany(d => d.Actions).GroupBy(a => a.Id))
        {
            var a = group.Last();
            var step = Steps.All[a.Step];
            var roles = string.Join("、", group.SelectMany(x => x.Roles).Distinct().Select(r => Roles.Labels[r]));
            api.MapPost($"/{{id:long}}/actions/{a.Id}",
                    (long id, HttpRequest request, ClaimsPrincipal user, CaseFlowDbContext db, CaseSteps steps, WorkflowEngine engine,
                        IOptions<JsonOptions> json, CancellationToken ct) =>
                        ExecuteAction.Handle(id, a.Id, request, user, db, steps, engine, json, ct))
                .Accepts(step.PayloadType, "application/json").ProducesAction()
                .WithTags("Case actions 案件操作")
                .WithName($"action-{a.Id}")
                .WithSummary($"{a.Label}（{roles}；步骤 {a.Step}）")
                .WithDescription($"可执行状态：{string.Join("、", a.From)}。请求体为该操作的内容，另加 version 字段（或 If-Match 请求头）。");
        }
        return app;
    }

    /// <summary>What running an action answers: the case after the step, or why it did not run.</summary>
    private static RouteHandlerBuilder ProducesAction(this RouteHandlerBuilder endpoint) => endpoint
        .DocumentsActionHeaders()
        .Produces<CaseDetail>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);
}
