using System.Security.Claims;
using System.Text;
using System.Text.Json.Nodes;
using CaseFlow.Data;
using CaseFlow.Workflows.Engine;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace CaseFlow.Web.Features.Cases.Pages;

/// <summary>The one seam between the pages and the workflow: a submitted action form runs exactly the code of
/// POST /api/cases/{id}/actions/{action} (<see cref="ExecuteAction.Handle"/>), with the case version the page showed
/// in the body's <c>version</c> field so a concurrent change is refused (409 → 案件已被他人修改). When the step runner
/// changes, only this method changes.</summary>
public sealed class PageActions(CaseFlowDbContext db, CaseSteps steps, WorkflowEngine engine, IOptions<JsonOptions> json)
{
    /// <summary>Throws what the API would turn into problems: ValidationFailedException, CaseRuleException,
    /// ConflictException, ActionNotAvailableException, ActionForbiddenException, NotFoundException.</summary>
    public async Task ExecuteAsync(long id, string action, JsonObject payload, int version, ClaimsPrincipal user, CancellationToken ct)
    {
        payload["version"] = version;
        var bytes = Encoding.UTF8.GetBytes(payload.ToJsonString());
        // ExecuteAction reads the body and headers of a request; this one carries only the JSON body.
        var request = new DefaultHttpContext().Request;
        request.Method = HttpMethods.Post;
        request.ContentType = "application/json";
        request.ContentLength = bytes.Length;
        request.Body = new MemoryStream(bytes);
        await ExecuteAction.Handle(id, action, request, user, db, steps, engine, json, ct);
    }
}
