using CaseFlow.Data;
using CaseFlow.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Web.Features.Reminders;

/// <summary>Who is told about a case: its officer (or every officer of the agency while unassigned); for
/// escalations also the heads of the agency and the office of the agency and every agency above it.
/// People and agencies are few: one sweep reads them once (three queries) and answers every case from memory.</summary>
public sealed class Recipients
{
    public sealed record Person(string UserName, string? Email);

    private readonly Dictionary<string, Person> _byName;
    private readonly ILookup<(string Role, string Agency), Person> _inRole;
    private readonly IReadOnlyDictionary<string, string?> _parents;
    private readonly Dictionary<(string? Officer, string Agency, bool Escalate), IReadOnlyList<Person>> _answers = [];

    private Recipients(Dictionary<string, Person> byName, ILookup<(string, string), Person> inRole, IReadOnlyDictionary<string, string?> parents)
    {
        _byName = byName;
        _inRole = inRole;
        _parents = parents;
    }

    public static async Task<Recipients> LoadAsync(CaseFlowDbContext db, CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking().Where(u => u.UserName != null)
            .Select(u => new { u.Id, UserName = u.UserName!, u.Email, u.AgencyCode }).ToListAsync(ct);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, Role = r.Name! }).ToListAsync(ct);
        var parents = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.ParentCode, ct);
        var byId = users.ToDictionary(u => u.Id);
        return new Recipients(
            users.ToDictionary(u => u.UserName, u => new Person(u.UserName, u.Email), StringComparer.Ordinal),
            roles.Where(r => byId.ContainsKey(r.UserId)).Select(r => (r.Role, User: byId[r.UserId]))
                .OrderBy(x => x.User.UserName, StringComparer.Ordinal)
                .ToLookup(x => (x.Role, x.User.AgencyCode), x => new Person(x.User.UserName, x.User.Email)),
            parents);
    }

    public IReadOnlyList<Person> For(CaseRef c, bool escalate)
    {
        var key = (c.AssignedOfficer, c.AgencyCode, escalate);
        if (!_answers.TryGetValue(key, out var answer)) _answers[key] = answer = Find(c, escalate);
        return answer;
    }

    private List<Person> Find(CaseRef c, bool escalate)
    {
        var people = new List<Person>();
        if (c.AssignedOfficer is not null)
        {
            if (_byName.TryGetValue(c.AssignedOfficer, out var officer)) people.Add(officer);
        }
        else
            people.AddRange(_inRole[(Roles.Officer, c.AgencyCode)]);
        if (escalate)
        {
            people.AddRange(_inRole[(Roles.Head, c.AgencyCode)]);
            foreach (var a in Agencies.AgencyTree.Chain(_parents, c.AgencyCode)) people.AddRange(_inRole[(Roles.Office, a)]);
        }
        return [.. people.DistinctBy(p => p.UserName)];
    }
}
