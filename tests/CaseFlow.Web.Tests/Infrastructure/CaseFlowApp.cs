using CaseFlow.Data;
using CaseFlow.Data.Agencies;
using CaseFlow.Data.Identity;
using CaseFlow.Tests.Shared;
using CaseFlow.Web.Features.Admin;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CaseFlow.Web.Tests.Infrastructure;

/// <summary>The real CaseFlow host (Program.cs, including its start-up database preparation) behind Kestrel on a
/// free local port (so request limits are the real server's) on one real test database, with a
/// <see cref="TestClock"/> in place of the system clock. Use it as a class fixture through
/// <see cref="SqliteApp"/> and <see cref="PostgresApp"/>: one app per provider per test class.</summary>
public class CaseFlowApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>The password of every user made by <see cref="SignedInAsync"/>.</summary>
    public const string Password = "Test-Password-1";

    /// <summary>PBKDF2 rounds of the test hosts' password hashes (see <see cref="ConfigureWebHost"/>).</summary>
    private const int TestPasswordIterations = 1_000;

    private readonly DatabaseProvider _provider;
    private readonly bool _ownsDatabase;
    private TestDatabase? _database;
    private readonly IReadOnlyDictionary<string, string> _settings = new Dictionary<string, string>();

    /// <summary>An app on a new, empty database of <paramref name="provider"/>, dropped with the app.</summary>
    protected CaseFlowApp(DatabaseProvider provider)
    {
        _provider = provider;
        _ownsDatabase = true;
        UseKestrel(0);
    }

    /// <summary>An app on an existing database, which the caller keeps and disposes; <paramref name="settings"/>
    /// override configuration (e.g. <c>Workflows:Folder</c>).</summary>
    public CaseFlowApp(TestDatabase database, IReadOnlyDictionary<string, string>? settings = null)
    {
        _database = database;
        _settings = settings ?? new Dictionary<string, string>();
        _provider = database.Provider;
        UseKestrel(0);
    }

    public TestDatabase Database => _database ?? throw new InvalidOperationException("InitializeAsync has not run.");

    public TestClock Clock { get; } = new();

    /// <summary>Where Kestrel listens, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress => ClientOptions.BaseAddress;

    /// <summary>Creates the database if needed and starts the host. WebApplicationFactory runs Program.cs itself, so
    /// its <c>PrepareDatabaseAsync</c> (migrations, shipped calendar) runs before the host starts listening.</summary>
    public async Task InitializeAsync()
    {
        _database ??= await TestDatabase.CreateAsync(_provider);
        StartServer();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in Database.Settings) builder.UseSetting(key, value);
        builder.UseSetting(DatabaseOptions.MigrateOnStartupKey, "true");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // No Hangfire in tests: the sweeper and the dispatcher are driven by hand (TimerSweeper, OutboxDispatcher).
        builder.UseSetting("Jobs:Enabled", "false");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            // Identity's default (PBKDF2, 100,000 rounds) costs ~0.1 CPU-s per hash; the suite creates and signs in
            // thousands of users, which made hashing its largest single cost on a 2-core machine. The hash format
            // and its verification are the same at any count; the product keeps the default.
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = TestPasswordIterations);
        });
    }

    public HttpClient Anonymous() => Client(handleCookies: false);

    /// <summary>A client signed in (cookie) as <paramref name="userName"/>, creating the agency and the user with
    /// <paramref name="role"/> and <see cref="Password"/> when missing. Use a distinct user name per role.</summary>
    public async Task<HttpClient> SignedInAsync(string userName, string role, string agency = "demo")
    {
        await CreateUserAsync(userName, role, agency);
        var client = Client(handleCookies: true);
        var login = await client.PostJsonAsync("/api/auth/login", $$"""{"userName":"{{userName}}","password":"{{Password}}"}""");
        await login.ReadJsonAsync();
        return client;
    }

    /// <summary>Creates the agency when missing and the user (display name = user name, password
    /// <see cref="Password"/>) unless a user of that name exists.</summary>
    public async Task CreateUserAsync(string userName, string role, string agency = "demo")
    {
        await EnsureAgencyAsync(agency);
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CaseFlowUser>>();
        if (await users.FindByNameAsync(userName) is null)
            Assert.Empty(await UserAccounts.CreateAsync(scope.ServiceProvider, userName, userName, agency, Password, [role]));
    }

    /// <summary>Gives the user an e-mail address (reminders then also go out by e-mail).</summary>
    public async Task SetEmailAsync(string userName, string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CaseFlowUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"no user {userName}");
        var result = await users.SetEmailAsync(user, email);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    /// <summary>Inserts the agency unless it exists.</summary>
    public Task EnsureAgencyAsync(string code, string? parentCode = null) => WithDbAsync(async db =>
    {
        if (await db.Agencies.AnyAsync(a => a.Code == code)) return;
        db.Agencies.Add(new Agency { Code = code, Name = $"测试机关 {code}", ParentCode = parentCode });
        await db.SaveChangesAsync();
    });

    /// <summary>Runs <paramref name="work"/> with the app's own <see cref="CaseFlowDbContext"/>.</summary>
    public async Task WithDbAsync(Func<CaseFlowDbContext, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>());
    }

    private HttpClient Client(bool handleCookies) =>
        CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = BaseAddress, HandleCookies = handleCookies, AllowAutoRedirect = false });

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase && _database is not null) await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}

/// <summary>Class fixture: the app on a new SQLite file.</summary>
public sealed class SqliteApp() : CaseFlowApp(DatabaseProvider.Sqlite);

/// <summary>Class fixture: the app on a new PostgreSQL database (server from <c>CASEFLOW_TEST_POSTGRES</c>).</summary>
public sealed class PostgresApp() : CaseFlowApp(DatabaseProvider.Postgres);
