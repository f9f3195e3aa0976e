using CaseFlow.Data;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Web.Features.Cases;

/// <summary>The enabled accounts of an agency that hold one of some roles: who a case may be assigned to, who is told
/// that a case now waits for them.</summary>
public static class AgencyStaff
{
    public sealed record Member(string UserName, string Role);

    public static async Task<IReadOnlyList<Member>> InRolesAsync(CaseFlowDbContext db, string agencyCode, IReadOnlyCollection<string> roles, CancellationToken ct)
    {
        var rows = await (
            from u in db.Users
            join ur in db.UserRoles on u.Id equals ur.UserId
            join r in db.Roles on ur.RoleId equals r.Id
            where u.AgencyCode == agencyCode && u.DisabledAtUtc == null && u.UserName != null && roles.Contains(r.Name!)
            select new { u.UserName, r.Name }).ToListAsync(ct);
        return [.. rows.Select(x => new Member(x.UserName!, x.Name!))];
    }
}
