using CaseFlow.Data;
using CaseFlow.Tests.Shared;
using CaseFlow.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace CaseFlow.Web.Tests.Features.Reminders;

/// <summary>The recurring jobs and Hangfire's server start beside the web server, but the host's start still waits for
/// them: a job storage that cannot be opened stops the start with its reason, as it did when it was opened first.</summary>
[Collection(HangfireHosts.Name)]
public sealed class JobsStartTests
{
    [Fact]
    public async Task A_job_storage_that_cannot_be_opened_stops_the_start_with_its_reason()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        // A folder where Hangfire's own SQLite file should be (caseflow.db → caseflow-hangfire.db beside it).
        var file = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
        Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(file)!, "caseflow-hangfire.db"));
        var app = new CaseFlowApp(database, new Dictionary<string, string> { ["Jobs:Enabled"] = "true" });

        var error = await Assert.ThrowsAnyAsync<Exception>(app.InitializeAsync);

        Assert.Contains("caseflow-hangfire.db", error.ToString());
        try
        {
            await app.DisposeAsync();
        }
        catch (Exception)
        {
            // A host whose start failed may fail to stop as well; the start is what this test is about.
        }
    }
}
