using CaseFlow.Data;
using CaseFlow.Data.Agencies;
using CaseFlow.Data.Calendar;
using CaseFlow.Data.Identity;
using CaseFlow.Web.Hosting;
using CaseFlow.Workflows.Definitions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Web.Features.Admin;

/// <summary><c>seed-demo</c>: a demo agency with one user per role, all with <see cref="Password"/>. Re-running it
/// leaves existing users alone.</summary>
public static class SeedDemoVerb
{
    public const string Password = "CaseFlow-Demo-2026";
    public const string AgencyCode = "demo";

    public static readonly IReadOnlyList<(string User, string Name, string Role)> Users =
    [
        ("officer", "演示承办人", Roles.Officer),
        ("legal", "演示法律顾问", Roles.LegalAdviser),
        ("head", "演示负责人", Roles.Head),
        ("office", "演示政务公开办", Roles.Office),
        ("admin", "演示系统管理员", Roles.Admin),
    ];

    public static async Task<int> Run(IServiceProvider services, string[] args)
    {
        if (args.Length > 0) throw new VerbUsageException("seed-demo takes no arguments");
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<CaseFlowDbContext>();
        if (!await db.Agencies.AnyAsync(a => a.Code == AgencyCode))
        {
            db.Agencies.Add(new Agency { Code = AgencyCode, Name = "演示市人民政府办公室", CorrectionPeriodWorkingDays = 15 });
            await db.SaveChangesAsync();
        }
        var users = sp.GetRequiredService<UserManager<CaseFlowUser>>();
        foreach (var (user, name, role) in Users)
        {
            if (await users.FindByNameAsync(user) is not null) { Console.WriteLine($"{user}: exists"); continue; }
            var errors = await UserAccounts.CreateAsync(sp, user, name, AgencyCode, Password, [role]);
            if (errors.Count > 0)
            {
                foreach (var e in errors) await Console.Error.WriteLineAsync($"{user}: {e}");
                return 1;
            }
            Console.WriteLine($"{user}: created ({role})");
        }
        Console.WriteLine($"Demo agency '{AgencyCode}'; password for every demo user: {Password}");
        return 0;
    }
}
