using CaseFlow.Data;
using CaseFlow.Data.Identity;
using CaseFlow.Domain.Cases;
using CaseFlow.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Web.Features.Reminders;

/// <summary>Who is told about a case: its officer (or every officer of the agency while unassigned); for
/// escalations also the heads of the agency and the office of the agency and every agency above it.</summary>
public static class Recipients
{
    public sealed record Person(string UserName, string? Email);

    public static async Task<IReadOnlyList<Person>> ForCaseAsync(CaseFlowDbContext db, DisclosureRequest c, bool escalate, CancellationToken ct)
    {
        var people = new List<Person>();
        if (c.AssignedOfficer is not null)
            people.AddRange(await Users(db, u => u.UserName == c.AssignedOfficer, ct));
        else
            people.AddRange(await InRole(db, Roles.Officer, [c.AgencyCode], ct));
        if (escalate)
        {
            people.AddRange(await InRole(db, Roles.Head, [c.AgencyCode], ct));
            var parents = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.ParentCode, ct);
            var chain = new List<string>();
            for (string? a = c.AgencyCode; a is not null && !chain.Contains(a); a = parents.GetValueOrDefault(a)) chain.Add(a);
            people.AddRange(await InRole(db, Roles.Office, chain, ct));
        }
        return [.. people.DistinctBy(p => p.UserName)];
    }

    private static async Task<List<Person>> InRole(CaseFlowDbContext db, string role, List<string> agencies, CancellationToken ct) =>
        await (from u in db.Users
               join ur in db.UserRoles on u.Id equals ur.UserId
               join r in db.Roles on ur.RoleId equals r.Id
               where r.Name == role && agencies.Contains(u.AgencyCode)
               select new Person(u.UserName!, u.Email)).ToListAsync(ct);

    private static async Task<List<Person>> Users(CaseFlowDbContext db, System.Linq.Expressions.Expression<Func<CaseFlowUser, bool>> where, CancellationToken ct) =>
        await db.Users.Where(where).Select(u => new Person(u.UserName!, u.Email)).ToListAsync(ct);
}
