using CaseFlow.Data;
using CaseFlow.Tests.Shared;
using CaseFlow.Web.Tests.Infrastructure;
using static CaseFlow.Web.Tests.Features.Cases.CaseApi;

namespace CaseFlow.Web.Tests.Features.Cases;

/// <summary>Definitions are data: a new version applies to new cases only, running cases stay pinned, and a
/// broken definition stops the host from starting.</summary>
[Trait("TimeZone", "Sensitive")]
public abstract class WorkflowVersionTests(DatabaseProvider provider) : IDisposable
{
    public sealed class OnSqlite() : WorkflowVersionTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : WorkflowVersionTests(DatabaseProvider.Postgres);

    private static readonly string Repo = FindRepo();
    private readonly string _folder = Directory.CreateTempSubdirectory("caseflow-workflows-").FullName;

    [Fact]
    public async Task New_cases_follow_v2_while_running_cases_stay_on_v1()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        File.Copy(Path.Combine(Repo, "workflows", "disclosure-request.v1.json"), Path.Combine(_folder, "disclosure-request.v1.json"));

        long onV1;
        await using (var v1Only = new CaseFlowApp(database, new Dictionary<string, string> { ["Workflows:Folder"] = _folder }))
        {
            await v1Only.InitializeAsync();
            v1Only.Clock.SetChinaTime(new DateOnly(2026, 2, 12), new TimeOnly(10, 0));
            var officer = await v1Only.SignedInAsync("officer", "Officer");
            var c = await officer.RegisterAsync();
            Assert.Equal(1, (int)c["workflowVersion"]!);
            await officer.DoAsync(c, "assign", """{"officer":"officer"}""");
            onV1 = Id(c);
        }

        // v2 (a test fixture) skips legal review for Disclosed replies; no code changes.
        File.Copy(Path.Combine(Repo, "tests", "CaseFlow.Workflows.Tests", "Fixtures", "disclosure-request.v2.json"), Path.Combine(_folder, "disclosure-request.v2.json"));
        await using var both = new CaseFlowApp(database, new Dictionary<string, string> { ["Workflows:Folder"] = _folder });
        await both.InitializeAsync();
        both.Clock.SetChinaTime(new DateOnly(2026, 2, 12), new TimeOnly(10, 0));
        var officer2 = await both.SignedInAsync("officer", "Officer");

        var onV2 = await officer2.RegisterAsync();
        Assert.Equal(2, (int)onV2["workflowVersion"]!);
        onV2 = await officer2.DoAsync(onV2, "assign", """{"officer":"officer"}""");
        onV2 = await officer2.DoAsync(onV2, "submitDraft", """{"outcome":"Disclosed","text":"现将所申请信息提供如下。"}""");
        Assert.Equal("signOff", (string?)onV2["state"]);

        var old = await (await officer2.GetAsync($"/api/cases/{onV1}")).ReadJsonAsync();
        Assert.Equal(1, (int)old["workflowVersion"]!);
        old = await officer2.DoAsync(old, "submitDraft", """{"outcome":"Disclosed","text":"现将所申请信息提供如下。"}""");
        Assert.Equal("legalReview", (string?)old["state"]);

        var listed = System.Text.Json.Nodes.JsonNode.Parse(await (await officer2.GetAsync("/api/workflows")).ReadBodyAsync(System.Net.HttpStatusCode.OK))!.AsArray();
        Assert.Equal([1, 2], listed.Select(d => (int)d!["version"]!));
        var svg = await (await officer2.GetAsync("/api/workflows/disclosure-request/2/diagram.svg")).ReadBodyAsync(System.Net.HttpStatusCode.OK);
        Assert.Contains("法律审核中", svg);
    }

    [Fact]
    public async Task A_broken_definition_stops_start_up_naming_the_file_and_the_problem()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var v1 = await File.ReadAllTextAsync(Path.Combine(Repo, "workflows", "disclosure-request.v1.json"));
        await File.WriteAllTextAsync(Path.Combine(_folder, "disclosure-request.v1.json"), v1.Replace("\"step\": \"SignOff\"", "\"step\": \"Stamp\""));
        Assert.Contains("\"step\": \"Stamp\"", await File.ReadAllTextAsync(Path.Combine(_folder, "disclosure-request.v1.json")));

        await using var app = new CaseFlowApp(database, new Dictionary<string, string> { ["Workflows:Folder"] = _folder });
        var e = await Assert.ThrowsAnyAsync<Exception>(app.InitializeAsync);
        var message = string.Join("\n", Chain(e).Select(x => x.Message));
        Assert.Contains("disclosure-request.v1.json", message);
        Assert.Contains("Stamp", message);
    }

    private static IEnumerable<Exception> Chain(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException) yield return x;
    }

    private static string FindRepo()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CaseFlow.sln"))) return dir.FullName;
        throw new InvalidOperationException("CaseFlow.sln not found above " + AppContext.BaseDirectory);
    }

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}
