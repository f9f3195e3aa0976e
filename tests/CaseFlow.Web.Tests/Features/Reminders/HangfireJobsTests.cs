using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CaseFlow.Data;
using CaseFlow.Tests.Shared;
using CaseFlow.Web.Features.Reminders;
using CaseFlow.Web.Tests.Infrastructure;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static CaseFlow.Web.Tests.Features.Cases.CaseApi;

namespace CaseFlow.Web.Tests.Features.Reminders;

/// <summary>
/// The real host with Jobs enabled: Hangfire's recurring <c>timer-sweep</c> job (every second here) fires due timer
/// rows on its own, once each, also with two instances on one database; the dashboard at /jobs for each role.
/// Received Thu 2026-02-12: the correction-notice reminder is due 2026-02-28 08:00 China time; reply reminders
/// 03-11, 03-13, 03-17, 03-18 at 08:00.
/// </summary>
[Collection(HangfireHosts.Name)]
public abstract partial class HangfireJobsTests(DatabaseProvider provider)
{
    public sealed class OnSqlite() : HangfireJobsTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : HangfireJobsTests(DatabaseProvider.Postgres);

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_due_timer_fires_through_the_recurring_job_once_and_the_job_server_reports_healthy()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = await StartAsync(database);
        var storage = app.Services.GetRequiredService<JobStorage>();
        AssertStorageLivesWhereDocumented(database);
        using (var connection = storage.GetConnection())
        {
            var recurring = connection.GetRecurringJobs().ToDictionary(j => j.Id, j => j.Cron);
            Assert.Equal("*/1 * * * * *", recurring["timer-sweep"]);
            Assert.Equal("*/30 * * * * *", recurring["outbox-dispatch"]);
        }

        var desk = await app.DeskAsync();
        var id = Id(await app.RegisterAssignedAsync(desk));
        app.At(2, 28, 7, 59);
        await WaitForSweepsAsync(storage, 2); // runs before the due time fire nothing
        Assert.Empty(await app.NotificationsAsync(id));

        app.At(2, 28, 8, 0);
        await WaitUntilAsync(async () => (await app.NotificationsAsync(id)).Count > 0, "the correction-notice reminder to fire");
        // The run that fired it reports one timer (it commits the notification before Hangfire records its success).
        await WaitUntilAsync(() => Task.FromResult(SucceededSweeps(storage).Contains("1")), "a timer-sweep run with result 1");

        await WaitForSweepsAsync(storage, 3); // later runs find nothing more to do
        Assert.Equal(["CorrectionNoticeDue"], (await app.NotificationsAsync(id)).Select(n => n.Kind));
        Assert.Equal(["reply-reminder:5 2026-03-11", "reply-reminder:3 2026-03-13", "reply-reminder:1 2026-03-17", "reply-reminder:0 2026-03-18", "overdue:2026-03-19 2026-03-19"],
            await app.PendingAsync(id));

        var anonymous = app.Anonymous();
        await WaitUntilAsync(async () => (string?)(await ReadyAsync(anonymous))["checks"]!["jobs"]?["status"] == "Healthy", "the job server's heartbeat");
        Assert.Equal("Healthy", (string?)(await ReadyAsync(anonymous))["status"]);
    }

    [Fact]
    public async Task Two_instances_running_the_recurring_job_on_one_database_fire_each_timer_once()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var a = await StartAsync(database);
        var b = await StartAsync(database);
        try
        {
            b.At(2, 12);
            var desk = await a.DeskAsync();
            var ids = new List<long>();
            for (var i = 0; i < 10; i++) ids.Add(Id(await a.RegisterAssignedAsync(desk)));
            // Both instances share one Hangfire storage: it sees both servers.
            var storage = a.Services.GetRequiredService<JobStorage>();
            await WaitUntilAsync(() => Task.FromResult(storage.GetMonitoringApi().Servers().Count == 2), "both job servers to announce themselves");

            // 03-18 09:00: per case the correction-notice reminder and four reply reminders are due.
            b.At(3, 18, 9, 0);
            a.At(3, 18, 9, 0);
            await WaitUntilAsync(async () => await FiredAsync(a, ids) == 50, "50 timers to fire");
            await WaitForSweepsAsync(storage, 4);
            Assert.Equal(50, await FiredAsync(a, ids));
            await a.WithDbAsync(async db =>
            {
                var notes = await db.Notifications.AsNoTracking().Where(n => n.CaseId != null && ids.Contains(n.CaseId.Value)).ToListAsync();
                Assert.Equal(50, notes.Count);
                Assert.DoesNotContain(notes.GroupBy(n => (n.CaseId, n.Kind, n.Title)), g => g.Count() > 1);
            });
        }
        finally
        {
            await a.DisposeAsync(); // the host configured first stops first (see HangfireHosts)
            await b.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_dashboard_lets_Admin_act_shows_Office_a_read_only_view_and_refuses_everyone_else()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = await StartAsync(database);
        var admin = await app.SignedInAsync("jobs-admin", "Admin");
        var office = await app.SignedInAsync("jobs-office", "Office");
        var officer = await app.SignedInAsync("jobs-officer", "Officer");
        var head = await app.SignedInAsync("jobs-head", "Head");

        await (await app.Anonymous().GetAsync("/jobs")).ReadProblemAsync(HttpStatusCode.Unauthorized);
        await (await app.Anonymous().GetAsync("/jobs/recurring")).ReadProblemAsync(HttpStatusCode.Unauthorized);
        await (await officer.GetAsync("/jobs")).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await head.GetAsync("/jobs/recurring")).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await officer.PostAsync("/jobs/recurring/trigger", Form("jobs[]", "timer-sweep"))).ReadProblemAsync(HttpStatusCode.Forbidden);

        // The page, its style sheets and scripts all come from the app itself (Hangfire's assembly), none from elsewhere.
        var page = await (await admin.GetAsync("/jobs")).ReadBodyAsync(HttpStatusCode.OK);
        var assets = Assets().Matches(page).Select(m => m.Groups["url"].Value).Where(u => !u.StartsWith("data:", StringComparison.Ordinal)).ToList();
        Assert.Contains(assets, u => u.Contains("/css", StringComparison.Ordinal));
        Assert.Contains(assets, u => u.Contains("/js", StringComparison.Ordinal));
        foreach (var url in assets)
        {
            Assert.StartsWith("/jobs/", url);
            var asset = await admin.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
            Assert.True((await asset.Content.ReadAsByteArrayAsync()).Length > 1000, $"{url} is nearly empty");
        }

        var adminView = await (await admin.GetAsync("/jobs/recurring")).ReadBodyAsync(HttpStatusCode.OK);
        var officeView = await (await office.GetAsync("/jobs/recurring")).ReadBodyAsync(HttpStatusCode.OK);
        foreach (var view in new[] { adminView, officeView })
        {
            Assert.Contains("timer-sweep", view);
            Assert.Contains("outbox-dispatch", view);
            Assert.Contains("计时器扫描", view);
        }
        Assert.Contains("data-url=\"/jobs/recurring/trigger\"", adminView);
        Assert.DoesNotContain("/jobs/recurring/trigger", officeView);
        Assert.DoesNotContain("/jobs/recurring/remove", officeView);

        var refused = await office.PostAsync("/jobs/recurring/trigger", Form("jobs[]", "timer-sweep"));
        Assert.Contains(refused.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });
        var storage = app.Services.GetRequiredService<JobStorage>();
        var before = LastRun(storage, OutboxDispatchJob.Id);
        var triggered = await admin.PostAsync("/jobs/recurring/trigger", Form("jobs[]", OutboxDispatchJob.Id));
        Assert.Equal(HttpStatusCode.NoContent, triggered.StatusCode);
        var run = LastRun(storage, OutboxDispatchJob.Id);
        Assert.NotNull(run);
        Assert.NotEqual(before, run);
        await WaitUntilAsync(() => Task.FromResult(storage.GetMonitoringApi().JobDetails(run).History.FirstOrDefault()?.StateName == "Succeeded"),
            "the triggered dispatch to run");

        // /api/admin/jobs answers as before.
        var status = await (await admin.GetAsync("/api/admin/jobs")).ReadJsonAsync();
        Assert.NotNull(status["timers"]);
    }

    private void AssertStorageLivesWhereDocumented(TestDatabase database)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
            Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(file)!, "caseflow-hangfire.db")));
            return;
        }
        using var connection = new NpgsqlConnection(database.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'hangfire' AND table_name IN ('job', 'server', 'lock')", connection);
        Assert.Equal(3L, (long)command.ExecuteScalar()!);
    }

    private static async Task<CaseFlowApp> StartAsync(TestDatabase database)
    {
        var app = new CaseFlowApp(database, new Dictionary<string, string>
        {
            ["Jobs:Enabled"] = "true",
            ["Jobs:SweepSeconds"] = "1",
            ["Mail:Enabled"] = "false",
        });
        await app.InitializeAsync();
        return app;
    }

    private static async Task<JsonObject> ReadyAsync(HttpClient client) =>
        JsonNode.Parse(await (await client.GetAsync("/health/ready")).Content.ReadAsStringAsync())!.AsObject();

    private static async Task<int> FiredAsync(CaseFlowApp app, List<long> ids)
    {
        var fired = 0;
        await app.WithDbAsync(async db => fired = await db.CaseTimers.CountAsync(t => ids.Contains(t.CaseId) && t.FiredAtUtc != null));
        return fired;
    }

    /// <summary>The results of the succeeded timer-sweep runs Hangfire keeps (the number of timers each fired).</summary>
    private static List<string> SucceededSweeps(JobStorage storage) =>
        [.. storage.GetMonitoringApi().SucceededJobs(0, 10_000).Where(j => j.Value.Job?.Type == typeof(TimerSweepJob)).Select(j => j.Value.Result?.ToString() ?? "")];

    /// <summary>The id of the background job a recurring job last created (on schedule or triggered).</summary>
    private static string? LastRun(JobStorage storage, string recurringJobId)
    {
        using var connection = storage.GetConnection();
        return connection.GetRecurringJobs().Single(j => j.Id == recurringJobId).LastJobId;
    }

    /// <summary>Waits until Hangfire has completed <paramref name="runs"/> more timer-sweep runs.</summary>
    private static async Task WaitForSweepsAsync(JobStorage storage, int runs)
    {
        var target = SucceededSweeps(storage).Count + runs;
        await WaitUntilAsync(() => Task.FromResult(SucceededSweeps(storage).Count >= target), $"{runs} more timer-sweep runs");
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed > Patience) throw new Xunit.Sdk.XunitException($"Waited {Patience.TotalSeconds} s for {what}.");
            await Task.Delay(200);
        }
    }

    private static FormUrlEncodedContent Form(string key, string value) => new([new KeyValuePair<string, string>(key, value)]);

    [GeneratedRegex("""<(?:link|script)[^>]*?(?:href|src)="(?<url>[^"]+)"[^>]*>""")]
    private static partial Regex Assets();
}
