using CaseFlow.Data;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Web.Features.Cases.Pages;

/// <summary>The display names pages show for user names (officers, actors in the timeline), in one query.</summary>
public static class UserNames
{
    public static async Task<Dictionary<string, string>> DisplayNamesAsync(CaseFlowDbContext db, IEnumerable<string?> userNames, CancellationToken ct)
    {
        var wanted = userNames.OfType<string>().Distinct().ToList();
        return wanted.Count == 0
            ? []
            : await db.Users.AsNoTracking().Where(u => wanted.Contains(u.UserName!)).ToDictionaryAsync(u => u.UserName!, u => u.DisplayName, ct);
    }

    /// <summary>The display name, or the user name itself for an account that no longer exists.</summary>
    public static string? NameOf(IReadOnlyDictionary<string, string> names, string? userName) =>
        userName is null ? null : names.GetValueOrDefault(userName, userName);
}
