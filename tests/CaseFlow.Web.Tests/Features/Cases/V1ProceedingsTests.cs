using System.Net;
using CaseFlow.Data;
using CaseFlow.Tests.Shared;
using CaseFlow.Web.Tests.Infrastructure;
using static CaseFlow.Web.Tests.Features.Cases.CaseApi;

namespace CaseFlow.Web.Tests.Features.Cases;

/// <summary>A case pinned to v1 keeps v1's structural paths after v2 changed the proceedings: a proceeding only on a
/// concluded case, and a 纠正 reopening it (v2's rounds are in <see cref="ProceedingsV2Tests"/>). 2026 calendar.</summary>
[Trait("TimeZone", "Sensitive")]
public abstract class V1ProceedingsTests(DatabaseProvider provider) : IDisposable
{
    public sealed class OnSqlite() : V1ProceedingsTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : V1ProceedingsTests(DatabaseProvider.Postgres);

    private readonly string _folder = Directory.CreateTempSubdirectory("caseflow-v1-").FullName;

    [Fact]
    public async Task A_v1_case_keeps_v1_proceedings()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        File.Copy(Path.Combine(RepoRoot(), "workflows", "disclosure-request.v1.json"), Path.Combine(_folder, "disclosure-request.v1.json"));
        await using var app = new CaseFlowApp(database, new Dictionary<string, string> { ["Workflows:Folder"] = _folder });
        await app.InitializeAsync();
        app.Clock.SetChinaTime(new DateOnly(2026, 2, 12), new TimeOnly(10, 0));
        var officer = await app.SignedInAsync("officer", "Officer");

        var c = await officer.RegisterAsync();
        Assert.Equal(1, (int)c["workflowVersion"]!);
        Assert.DoesNotContain("recordProceeding", Actions(c));
        await (await officer.ActAsync(Id(c), "recordProceeding", Version(c), """{"kind":"Lawsuit","body":"区人民法院","filedOn":"2026-02-12"}"""))
            .ReadProblemAsync(HttpStatusCode.Conflict);

        c = await officer.DoAsync(c, "replyOnTheSpot", """{"outcome":"NotProcessed.Repeated","text":"重复申请，不予处理。"}""");
        app.Clock.SetChinaTime(new DateOnly(2026, 5, 6), new TimeOnly(10, 0));
        c = await officer.DoAsync(c, "recordProceeding", """{"kind":"Review","body":"市人民政府","filedOn":"2026-04-01","copyReceivedOn":"2026-04-02"}""");
        c = await officer.DoAsync(c, "recordProceedingResult", """{"proceedingId":1,"result":"Corrected","decidedOn":"2026-05-06"}""");
        Assert.Equal("handling", (string?)c["state"]);
        Assert.Null((string?)c["outcome"]);
        // day 0 = 05-06: 05-07,08=1,2, 05-09(make-up)=3, 05-11..15=4..8, 05-18..22=9..13, 05-25..29=14..18, 06-01=19, 06-02=20
        Assert.Equal("2026-06-02", Due(c));
    }

    private static string RepoRoot()
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
