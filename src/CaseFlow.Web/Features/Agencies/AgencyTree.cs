using System.Security.Claims;
using CaseFlow.Data;
using CaseFlow.Web.Features.Auth;
using CaseFlow.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Web.Features.Agencies;

/// <summary>Which agencies a user may see: administrators all; the office its agency and everything below it;
/// everyone else their own agency. Agencies are few, so the tree is read whole.</summary>
public static class AgencyTree
{
    public static async Task<Dictionary<string, string?>> ParentsAsync(CaseFlowDbContext db, CancellationToken ct) =>
        await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.ParentCode, ct);

    public static HashSet<string> Subtree(IReadOnlyDictionary<string, string?> parents, string root)
    {
        var result = new HashSet<string> { root };
        bool added;
        do
        {
            added = false;
            foreach (var (code, parent) in parents)
                if (parent is not null && result.Contains(parent) && result.Add(code)) added = true;
        } while (added);
        return result;
    }

    /// <summary>Null means "every agency".</summary>
    public static async Task<HashSet<string>?> VisibleToAsync(ClaimsPrincipal user, CaseFlowDbContext db, CancellationToken ct)
    {
        if (user.IsInRole(Roles.Admin)) return null;
        var own = user.Agency() ?? "";
        if (!user.IsInRole(Roles.Office)) return [own];
        return Subtree(await ParentsAsync(db, ct), own);
    }
}
