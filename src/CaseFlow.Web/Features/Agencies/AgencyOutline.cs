using System.Security.Claims;
using CaseFlow.Data;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Web.Features.Agencies;

/// <summary>The agencies a user may see (<see cref="AgencyTree.VisibleToAsync"/>) as an outline: each agency followed by
/// the agencies below it, with its depth, so pages can list departments and offer agencies in tree order.</summary>
public static class AgencyOutline
{
    public sealed record Entry(string Code, string Name, int Depth);

    public static async Task<IReadOnlyList<Entry>> ForUserAsync(ClaimsPrincipal user, CaseFlowDbContext db, CancellationToken ct)
    {
        var visible = await AgencyTree.VisibleToAsync(user, db, ct);
        var agencies = (await db.Agencies.AsNoTracking().Select(a => new { a.Code, a.Name, a.ParentCode }).ToListAsync(ct))
            .Where(a => visible is null || visible.Contains(a.Code))
            .ToList();
        var codes = agencies.Select(a => a.Code).ToHashSet(StringComparer.Ordinal);
        // An agency whose parent is outside the user's tree is a root of the outline.
        var children = agencies.ToLookup(a => a.ParentCode is { } p && codes.Contains(p) ? p : "");
        var result = new List<Entry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Walk(string parent, int depth)
        {
            foreach (var a in children[parent].OrderBy(a => a.Code, StringComparer.Ordinal))
            {
                if (!seen.Add(a.Code)) continue; // a broken (cyclic) tree must not loop
                result.Add(new Entry(a.Code, string.IsNullOrWhiteSpace(a.Name) ? a.Code : a.Name, depth));
                Walk(a.Code, depth + 1);
            }
        }
        Walk("", 0);
        return result;
    }

    /// <summary>The agency's name indented by its depth with ideographic spaces, for the options of a list.</summary>
    public static string Indented(Entry e) => new string('\u3000', e.Depth) + e.Name;
}
