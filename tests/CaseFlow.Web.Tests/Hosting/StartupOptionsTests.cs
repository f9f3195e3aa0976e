using CaseFlow.Data;
using CaseFlow.Tests.Shared;
using CaseFlow.Web.Tests.Infrastructure;

namespace CaseFlow.Web.Tests.Hosting;

/// <summary>The Database and Workflows settings are bound and validated when the host starts: a bad value stops it
/// with a message naming the key.</summary>
public class StartupOptionsTests
{
    public static TheoryData<string, string, string> BadSettings => new()
    {
        { "Database:Provider", "SqlServer", "Database:Provider" },
        { "Database:Provider", "Postgres", "Database:ConnectionString" },
        { "Workflows:Folder", "/nonexistent/caseflow-workflows", "Workflows:Folder" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task A_bad_setting_stops_the_host_naming_the_key(string key, string value, string named)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var settings = new Dictionary<string, string> { [key] = value };
        if (value == "Postgres") settings[DatabaseOptions.ConnectionStringKey] = "";
        await using var app = new CaseFlowApp(database, settings);

        var e = await Assert.ThrowsAnyAsync<Exception>(app.InitializeAsync);

        var message = string.Join("\n", Chain(e).Select(x => x.Message));
        Assert.Contains(named, message);
    }

    private static IEnumerable<Exception> Chain(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException) yield return x;
    }
}
