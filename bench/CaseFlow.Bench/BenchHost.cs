using System.Net.Http.Json;
using CaseFlow.Data;
using CaseFlow.Data.Notifications;
using CaseFlow.Web.Features.Admin;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.Bench;

/// <summary>The real CaseFlow host on a benchmark database (SQLite or PostgreSQL), plus the floor: a minimal endpoint
/// that inserts one row into the same database through the same DbContext.</summary>
public sealed class BenchHost : WebApplicationFactory<Program>
{
    private readonly BenchDatabase database;

    public BenchHost(BenchDatabase database)
    {
        this.database = database;
        // Outside a test project WebApplicationFactory cannot guess the content root; the binaries' folder will do.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_CASEFLOW_WEB", AppContext.BaseDirectory);
    }

    public const string Password = "Bench-Password-1";
    public const string FloorPath = "/bench/floor";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Benchmark");
        builder.UseSetting(DatabaseOptions.DataDirectoryKey, database.Directory);
        builder.UseSetting(DatabaseOptions.ProviderKey, database.Provider.ToString());
        builder.UseSetting(DatabaseOptions.ConnectionStringKey, database.ConnectionString);
        builder.UseSetting("Jobs:Enabled", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "None");
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new FloorEndpoint()));
    }

    public async Task<HttpClient> SignedInAsync(string user, string role, string agency)
    {
        using (var scope = Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
            if (!db.Agencies.Any(a => a.Code == agency))
            {
                db.Agencies.Add(new Data.Agencies.Agency { Code = agency, Name = agency, ParentCode = agency == "bench" ? null : "bench" });
                await db.SaveChangesAsync();
            }
            var errors = await UserAccounts.CreateAsync(scope.ServiceProvider, user, user, agency, Password, [role]);
            if (errors.Count > 0) throw new InvalidOperationException(string.Join("; ", errors));
        }
        var client = CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        var login = await client.PostAsJsonAsync("/api/auth/login", new { userName = user, password = Password });
        login.EnsureSuccessStatusCode();
        return client;
    }

    /// <summary>The floor: a minimal API endpoint (routing, JSON body) that inserts one row with the same DbContext.</summary>
    private sealed class FloorEndpoint : IStartupFilter
    {
        public sealed record Body(string? Title);

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseRouting();
            app.UseEndpoints(e => e.MapPost(FloorPath, async (Body? body, CaseFlowDbContext db) =>
            {
                db.Notifications.Add(new Notification { UserName = "bench", Kind = "Floor", Title = body?.Title ?? "floor", Body = "", CreatedAtUtc = DateTime.UtcNow });
                await db.SaveChangesAsync();
                return Results.Created();
            }));
            next(app);
        };
    }
}
