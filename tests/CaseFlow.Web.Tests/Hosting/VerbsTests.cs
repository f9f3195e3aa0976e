using System.Diagnostics;
using CaseFlow.Data;
using CaseFlow.Tests.Shared;
using CaseFlow.Web.Tests.Infrastructure;

namespace CaseFlow.Web.Tests.Hosting;

/// <summary>The command-line verbs, run as a separate process (<c>dotnet CaseFlow.Web.dll VERB</c>, the build copied
/// beside this test assembly) on a fresh SQLite file, configured through environment variables as in production.</summary>
public sealed class VerbsTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Migrate_applies_every_script_once_then_reports_the_schema_up_to_date()
    {
        var first = await RunAsync("migrate");

        Assert.True(first.ExitCode == 0, first.ToString());
        var scripts = Directory.GetFiles(Path.Combine(RepositoryRoot(), "db", "sqlite"), "*.sql").Select(Path.GetFileName).ToList();
        Assert.NotEmpty(scripts);
        Assert.All(scripts, script => Assert.Contains(script!, first.Output));

        var second = await RunAsync("migrate");

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("Schema is up to date.", second.Output);
        Assert.All(scripts, script => Assert.DoesNotContain(script!, second.Output));
    }

    [Fact]
    public async Task Seed_demo_creates_users_who_can_sign_in_through_the_API()
    {
        var seeded = await RunAsync("seed-demo");
        Assert.True(seeded.ExitCode == 0, seeded.ToString());

        await using var app = new CaseFlowApp(_database);
        await app.InitializeAsync();
        // The demo password documented in README.md and set in SeedDemoVerb.cs.
        foreach (var (user, role) in new[] { ("officer", "Officer"), ("legal", "LegalAdviser"), ("head", "Head"), ("office", "Office"), ("admin", "Admin") })
        {
            var login = await app.Anonymous().PostJsonAsync("/api/auth/login", $$"""{"userName":"{{user}}","password":"CaseFlow-Demo-2026"}""");
            var me = await login.ReadJsonAsync();
            Assert.Equal("demo", (string?)me["agency"]);
            Assert.Equal([role], me["roles"].Strings());
        }

        var again = await RunAsync("seed-demo");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("officer: exists", again.Output);
    }

    [Fact]
    public async Task Add_user_creates_an_account_in_an_existing_agency()
    {
        Assert.Equal(0, (await RunAsync("seed-demo")).ExitCode);

        var added = await RunAsync("add-user", "--user", "clerk", "--password", "Clerk-Password-1", "--agency", "demo", "--role", "Officer,Office", "--name", "测试文员");
        Assert.True(added.ExitCode == 0, added.ToString());

        await using var app = new CaseFlowApp(_database);
        await app.InitializeAsync();
        var me = await (await app.Anonymous().PostJsonAsync("/api/auth/login", """{"userName":"clerk","password":"Clerk-Password-1"}""")).ReadJsonAsync();
        Assert.Equal("测试文员", (string?)me["displayName"]);
        Assert.Equal(["Office", "Officer"], me["roles"].Strings().Order());

        var noAgency = await RunAsync("add-user", "--user", "x", "--password", "Clerk-Password-1", "--agency", "nowhere", "--role", "Officer");
        Assert.Equal(1, noAgency.ExitCode);
        var missing = await RunAsync("add-user", "--user", "x");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("usage:", missing.Error);
    }

    [Fact]
    public async Task An_unknown_verb_exits_2_with_usage()
    {
        var result = await RunAsync("frobnicate");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("unknown verb 'frobnicate'", result.Error);
        Assert.Contains("usage:", result.Error);
        Assert.Contains("migrate", result.Error);
        Assert.Contains("seed-demo", result.Error);
    }

    private sealed record Result(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
    }

    private async Task<Result> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CaseFlow.Web.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (key, value) in _database.Settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        start.Environment["Database__MigrateOnStartup"] = "true";

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet CaseFlow.Web.dll {string.Join(' ', args)} did not exit within 2 minutes.");
        }
        return new Result(process.ExitCode, await output, await error);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CaseFlow.sln"))) return dir.FullName;
        throw new InvalidOperationException("CaseFlow.sln not found above " + AppContext.BaseDirectory);
    }
}
