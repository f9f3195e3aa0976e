using CaseFlow.Data;
using CaseFlow.Data.Agencies;
using CaseFlow.Data.Calendar;
using CaseFlow.Data.Identity;
using CaseFlow.Web.Hosting;
using CaseFlow.Workflows.Definitions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Web.Features.Admin;

/// <summary><c>add-user</c>: creates an account (the first administrator of a new installation, typically).</summary>
public static class AddUserVerb
{
    public static async Task<int> Run(IServiceProvider services, string[] args)
    {
        var (o, rest) = CommandLine.Parse(args);
        if (rest.Count > 0) throw new VerbUsageException($"unexpected argument '{rest[0]}'");
        string Need(string key) => o.TryGetValue(key, out var v) && v.Length > 0 ? v : throw new VerbUsageException($"--{key} is required");
        var roles = Need("role").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = roles.Where(r => r == Roles.System || !Roles.All.Contains(r)).ToList();
        if (unknown.Count > 0) throw new VerbUsageException($"unknown role {string.Join(",", unknown)}; roles: {string.Join(", ", Roles.All.Where(r => r != Roles.System))}");

        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var agency = Need("agency");
        if (!await sp.GetRequiredService<CaseFlowDbContext>().Agencies.AnyAsync(a => a.Code == agency))
        {
            await Console.Error.WriteLineAsync($"agency '{agency}' does not exist (create it with POST /api/agencies or seed-demo)");
            return 1;
        }
        var errors = await UserAccounts.CreateAsync(sp, Need("user"), o.GetValueOrDefault("name") ?? Need("user"), agency, Need("password"), roles, o.GetValueOrDefault("email"));
        foreach (var e in errors) await Console.Error.WriteLineAsync(e);
        if (errors.Count > 0) return 1;
        Console.WriteLine($"Created user {Need("user")} ({string.Join(",", roles)}) in {agency}.");
        return 0;
    }
}

public static class UserAccounts
{
    /// <summary>Creates the user with its roles; returns Identity's error messages (empty on success).</summary>
    public static async Task<IReadOnlyList<string>> CreateAsync(IServiceProvider sp, string userName, string displayName, string agency, string password, IEnumerable<string> roles, string? email = null)
    {
        var users = sp.GetRequiredService<UserManager<CaseFlowUser>>();
        var roleManager = sp.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in roles)
            if (!await roleManager.RoleExistsAsync(role))
                await roleManager.CreateAsync(new IdentityRole(role));

        var user = new CaseFlowUser { UserName = userName, DisplayName = displayName, AgencyCode = agency, LockoutEnabled = true, Email = email };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) return [.. created.Errors.Select(e => $"{e.Code}: {e.Description}")];
        var added = await users.AddToRolesAsync(user, roles);
        return [.. added.Errors.Select(e => $"{e.Code}: {e.Description}")];
    }
}
