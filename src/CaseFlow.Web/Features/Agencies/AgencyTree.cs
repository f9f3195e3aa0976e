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

    /// <summary>The agency and every agency above it, nearest first (local days off and escalations follow it).</summary>
    public static List<string> Chain(IReadOnlyDictionary<string, string?> parents, string code)
    {
        var chain = new List<string>();
        for (string? a = code; a is not null && !chain.Contains(a); a = parents.GetValueOrDefault(a)) chain.Add(a);
        return chain;
    }

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
