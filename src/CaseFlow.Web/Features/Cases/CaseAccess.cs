using System.Security.Claims;
using CaseFlow.Data;
using CaseFlow.Domain.Cases;
using CaseFlow.Web.Errors;
using CaseFlow.Web.Features.Agencies;
using CaseFlow.Web.Features.Auth;
using CaseFlow.Workflows.Engine;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Web.Features.Cases;

public static class CaseAccess
{
    /// <summary>The case if the user may see it; a case of another agency is "not found", not "forbidden",
    /// so its existence does not leak.</summary>
    public static async Task<DisclosureRequest> LoadAsync(long id, ClaimsPrincipal user, CaseFlowDbContext db, bool tracking, CancellationToken ct)
    {
        var query = tracking ? db.Cases : db.Cases.AsNoTracking();
        var c = await query.FirstOrDefaultAsync(x => x.Id == id, ct);
        var visible = c is null ? null : await AgencyTree.VisibleToAsync(user, db, ct);
        if (c is null || (visible is not null && !visible.Contains(c.AgencyCode)))
            throw new NotFoundException($"没有编号为 {id} 的案件，或无权查看。");
        return c;
    }

    public static Actor ActorOf(ClaimsPrincipal user) => new(
        user.Identity?.Name ?? "unknown",
        user.FindAll(ClaimTypes.Role).Select(r => r.Value).Where(r => r != CaseFlow.Workflows.Definitions.Roles.System).ToHashSet(),
        user.Agency() ?? "");
}
