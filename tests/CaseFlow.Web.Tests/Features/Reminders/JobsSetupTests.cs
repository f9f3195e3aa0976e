using System.Net;
using System.Text.Json.Nodes;
using CaseFlow.Data;
using CaseFlow.Tests.Shared;
using CaseFlow.Web.Features.Reminders;
using CaseFlow.Web.Tests.Infrastructure;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.Web.Tests.Features.Reminders;

/// <summary>The <c>Jobs</c> options: validated at start-up; intervals as Hangfire cron expressions; with
/// <c>Jobs:Enabled</c> false no Hangfire at all.</summary>
public sealed class JobsSetupTests
{
    [Theory]
    [InlineData("0", "must be a positive number of seconds")]
    [InlineData("-5", "must be a positive number of seconds")]
    [InlineData("45", "cannot be scheduled at equal steps")]
    public async Task A_sweep_interval_that_cannot_be_scheduled_stops_the_host_with_a_message_naming_the_key(string seconds, string reason)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var app = new CaseFlowApp(database, new Dictionary<string, string> { ["Jobs:SweepSeconds"] = seconds });
        var error = await Record.ExceptionAsync(app.InitializeAsync);
        await app.DisposeAsync();

        Assert.NotNull(error);
        var messages = string.Join(" | ", Chain(error));
        Assert.Contains($"Jobs:SweepSeconds = {seconds} {reason}", messages);
    }

    [Theory]
    [InlineData(1, "*/1 * * * * *")]
    [InlineData(10, "*/10 * * * * *")]
    [InlineData(30, "*/30 * * * * *")]
    [InlineData(60, "0 */1 * * * *")]
    [InlineData(300, "0 */5 * * * *")]
    [InlineData(1800, "0 */30 * * * *")]
    [InlineData(3600, "0 0 */1 * * *")]
    [InlineData(21600, "0 0 */6 * * *")]
    [InlineData(86400, "0 0 */24 * * *")]
    public void Intervals_that_divide_a_minute_an_hour_or_a_day_become_six_field_cron_expressions(int seconds, string cron)
    {
        Assert.Equal(cron, Schedule.Cron(seconds));
        Assert.Null(Schedule.Error("Jobs:SweepSeconds", seconds));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(90)]
    [InlineData(3000)]
    [InlineData(25200)]
    [InlineData(172800)]
    public void Other_intervals_are_refused(int seconds)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Schedule.Cron(seconds));
        Assert.StartsWith($"Configuration value Jobs:SweepSeconds = {seconds} ", Schedule.Error("Jobs:SweepSeconds", seconds));
    }

    [Fact]
    public async Task With_jobs_disabled_the_host_has_no_Hangfire_storage_server_or_dashboard()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new CaseFlowApp(database);
        await app.InitializeAsync();

        Assert.Null(app.Services.GetService<JobStorage>());
        Assert.DoesNotContain(app.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>(), s => s.GetType().Namespace?.StartsWith("Hangfire", StringComparison.Ordinal) == true);
        var folder = Path.GetDirectoryName(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString).DataSource)!;
        Assert.Empty(Directory.GetFiles(folder, "*hangfire*"));

        var admin = await app.SignedInAsync("no-jobs-admin", "Admin");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/jobs")).StatusCode);
        var ready = await (await app.Anonymous().GetAsync("/health/ready")).ReadJsonAsync();
        Assert.False(ready["checks"]!.AsObject().ContainsKey("jobs"));
        await (await admin.GetAsync("/api/admin/jobs")).ReadJsonAsync(); // the status API does not need Hangfire
    }

    private static IEnumerable<string> Chain(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            yield return e.Message;
            if (e is AggregateException all)
                foreach (var inner in all.InnerExceptions.SelectMany(Chain)) yield return inner;
        }
    }
}
