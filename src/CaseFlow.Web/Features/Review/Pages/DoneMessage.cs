using System.Security.Claims;
using CaseFlow.Data;
using CaseFlow.Web.Errors;
using CaseFlow.Web.Features.Cases;
using CaseFlow.Workflows.Engine;

namespace CaseFlow.Web.Features.Review.Pages;

/// <summary>The line a queue shows after an action ran (the page redirects with <c>?done=action&amp;id=case</c>): the
/// action's label from the case's definition and the case number, or nothing when either is unknown or not visible.</summary>
public static class DoneMessage
{
    public static async Task<string?> DescribeAsync(string? action, long? id, ClaimsPrincipal user, CaseFlowDbContext db, WorkflowEngine engine,
        CancellationToken ct)
    {
        if (action is null || id is null) return null;
        try
        {
            var c = await CaseAccess.LoadAsync(id.Value, user, db, tracking: false, ct);
            return engine.DefinitionOf(c).Action(action) is { } a ? $"{a.Label}（案件 {c.CaseNumber}）" : null;
        }
        catch (NotFoundException)
        {
            return null;
        }
    }
}
