using CaseFlow.Data;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Web.Features.Users.Pages;

/// <summary>The agencies as a list in tree order (each under its parent, indented by depth), for the pages' agency
/// fields.</summary>
public static class AgencyOptions
{
    public static async Task<IReadOnlyList<(string Code, string Name, int Depth)>> LoadAsync(CaseFlowDbContext db, CancellationToken ct)
    {
        var all = await db.Agencies.AsNoTracking().OrderBy(a => a.Code).Select(a => new { a.Code, a.Name, a.ParentCode }).ToListAsync(ct);
        var codes = all.Select(a => a.Code).ToHashSet();
        var children = all.ToLookup(a => a.ParentCode is { } p && codes.Contains(p) ? p : null);
        var result = new List<(string, string, int)>();
        void Walk(string? parent, int depth)
        {
            foreach (var a in children[parent])
            {
                if (result.Any(r => r.Item1 == a.Code)) continue; // a cycle written by hand never loops
                result.Add((a.Code, a.Name, depth));
                Walk(a.Code, depth + 1);
            }
        }
        Walk(null, 0);
        return result;
    }

    /// <summary>The option text: the name indented by its depth, with the code.</summary>
    public static string Text((string Code, string Name, int Depth) a) => $"{new string('　', a.Depth)}{a.Name}（{a.Code}）";
}
