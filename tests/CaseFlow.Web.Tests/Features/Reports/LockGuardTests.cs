using System.Net;
using System.Text;
using CaseFlow.Web.Tests.Features.Reminders;
using CaseFlow.Web.Tests.Infrastructure;
using CaseFlow.Data;
using CaseFlow.Domain.Cases;
using CaseFlow.Web.Features.Calendar;
using CaseFlow.Web.Features.Cases;
using CaseFlow.Web.Features.Workflows;
using CaseFlow.Workflows.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CaseFlow.Web.Tests.Features.Cases.CaseApi;

namespace CaseFlow.Web.Tests.Features.Reports;

/// <summary>
/// A locked annual report may not change. An open case counts in every year from its receipt on (as 二 and 四 of
/// the later years), so registering or importing one received before a locked year must be refused too.
/// </summary>
[Trait("TimeZone", "Sensitive")]
public abstract class LockGuardTests(CaseFlowApp app) : IAsyncLifetime
{
    public sealed class OnSqlite(SqliteApp app) : LockGuardTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : LockGuardTests(app), IClassFixture<PostgresApp>;

    private const string Agency = "locked";
    private const string Header = "case_no,applicant_kind,applicant_name,channel,received_on,summary,outcome,concluded_on,extended,fee_notified_yuan,fee_paid_yuan";

    private HttpClient _office = null!;

    public async Task InitializeAsync() => _office = await app.SignedInAsync("office-lock", "Office", Agency);

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<HttpResponseMessage> ImportAsync(string line) =>
        _office.PostAsync($"/api/import/ledger?agency={Agency}", new StringContent(Header + "\n" + line + "\n", Encoding.UTF8, "text/csv"));

    [Fact]
    public async Task An_open_case_received_before_a_locked_year_is_refused()
    {
        await (await ImportAsync("2025-001,自然人,张三,当面,2025-03-01,某文件,予以公开,2025-03-10,否,,")).ReadJsonAsync();
        await (await _office.PostAsync($"/api/reports/annual/2025/lock?agency={Agency}", null)).ReadJsonAsync();
        var locked = await (await _office.GetAsync($"/api/reports/annual/2025?agency={Agency}")).ReadJsonAsync();

        // open since 2024-12-20: carried into (and out of) the locked 2025 report
        await (await ImportAsync("2024-900,自然人,李四,当面,2024-12-20,某文件,,,否,,")).ReadProblemAsync(HttpStatusCode.Conflict);
        var registration = """
            {"channel":"InPerson","submittedOn":"2024-12-30","applicantKind":"NaturalPerson","applicantName":"王五",
             "idDocumentNumber":"11010519491231002X","contact":"13800000000","requestedInformation":"某项目批复",
             "requestedForm":"纸质","deliveryChannel":"邮寄"}
            """;
        await (await _office.PostJsonAsync("/api/cases", registration)).ReadProblemAsync(HttpStatusCode.Conflict);

        // received and concluded in 2024: the locked 2025 report does not change
        await (await ImportAsync("2024-901,自然人,赵六,当面,2024-06-01,某文件,予以公开,2024-07-01,否,,")).ReadJsonAsync();

        var after = await (await _office.GetAsync($"/api/reports/annual/2025?agency={Agency}")).ReadJsonAsync();
        Assert.Equal(locked["table3"]!.ToJsonString(), after["table3"]!.ToJsonString());
        var y2024 = await (await _office.GetAsync($"/api/reports/annual/2024?agency={Agency}")).ReadJsonAsync();
        Assert.Equal([1, 0, 0, 0, 0, 0, 1], y2024["table3"]!["rows"]!["New"]!.AsArray().Select(n => (int)n!));

        // The refused registration's number was rolled back with it: the first one that commits gets 0001.
        await (await _office.PostJsonAsync($"/api/reports/annual/2025/unlock?agency={Agency}", """{"reason":"补录漏登的申请"}""")).ReadJsonAsync();
        var registered = await (await _office.PostJsonAsync("/api/cases", registration)).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal($"{Agency}-2024-0001", (string?)registered["caseNumber"]);
    }

    /// <summary>The lock refuses exactly the changes to a locked year's figures, decided from the case itself: with 2025
    /// locked, a case received 2025-12-29 and still open is carried out of 2025; withdrawing it on 2025-12-31 would
    /// conclude it in 2025 (refused), on 2026-01-05 it leaves 2025 as it was (allowed), and a 2026 case is free.</summary>
    [Fact]
    public async Task Only_a_change_to_a_locked_years_figures_is_refused()
    {
        var desk = await app.DeskAsync();
        app.Clock.SetChinaTime(new DateOnly(2025, 12, 29), new TimeOnly(10, 0));
        var late2025 = await desk.Officer.RegisterAsync(Registration.Replace("2026-02-12", "2025-12-29"));
        late2025 = await desk.Officer.DoAsync(late2025, "assign", $$"""{"officer":"{{desk.OfficerName}}"}""");

        app.Clock.SetChinaTime(new DateOnly(2026, 1, 6), new TimeOnly(10, 0));
        await (await desk.Office.PostAsync($"/api/reports/annual/2025/lock?agency={desk.Agency}", null)).ReadJsonAsync();
        var locked = await (await desk.Office.GetAsync($"/api/reports/annual/2025?agency={desk.Agency}")).ReadJsonAsync();
        Assert.Equal(1, (int)locked["table3"]!["rows"]!["CarriedOut"]![6]!);

        // a 2026 case: registered and assigned while 2025 is locked
        var new2026 = await desk.Officer.RegisterAsync(Registration.Replace("2026-02-12", "2026-01-06"));
        new2026 = await desk.Officer.DoAsync(new2026, "assign", $$"""{"officer":"{{desk.OfficerName}}"}""");
        Assert.Equal(desk.OfficerName, (string?)new2026["assignedOfficer"]);

        var refused = await (await desk.Officer.ActAsync(Id(late2025), "withdraw", Version(late2025), """{"withdrawnOn":"2025-12-31"}"""))
            .ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(desk.Agency, (string?)refused["lockedReport"]!["agency"]);
        Assert.Equal(2025, (int)refused["lockedReport"]!["year"]!);
        Assert.Contains("已锁定", (string?)refused["detail"]);
        Assert.Equal("handling", (string?)(await desk.Officer.GetCaseAsync(Id(late2025)))["state"]);

        var withdrawn = await desk.Officer.DoAsync(late2025, "withdraw", """{"withdrawnOn":"2026-01-05"}""");
        Assert.Equal("2026-01-05", (string?)withdrawn["concludedOn"]);
        var after = await (await desk.Office.GetAsync($"/api/reports/annual/2025?agency={desk.Agency}")).ReadJsonAsync();
        Assert.Equal(locked["table3"]!.ToJsonString(), after["table3"]!.ToJsonString());
    }

    /// <summary>Locking and a change never overlap: a report locked while a registration is between its check and its
    /// commit waits for the commit and then counts it, so the locked figures are the figures from then on.</summary>
    [Fact]
    public async Task A_report_locked_while_a_change_is_in_flight_waits_for_it_and_counts_it()
    {
        const string agency = "lock-race";
        var office = await app.SignedInAsync("office-lock-race", "Office", agency);

        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<CaseFlowDbContext>();
        var def = sp.GetRequiredService<WorkflowEngine>().Catalog.Latest(WorkflowsSetup.DisclosureRequest);
        var calendar = await sp.GetRequiredService<CalendarProvider>().GetAsync(agency);
        var c = DisclosureRequest.Register(
            new DisclosureRequest.Registration(Channel.InPerson, new DateOnly(2025, 3, 3), null, null, ApplicantColumn.NaturalPerson, "张三",
                "11010519491231002X", "13800000000", null, null, "某项目批复", "纸质", "邮寄"),
            agency, 1, def.DefinitionId, def.Version, def.InitialState, "office-lock-race", new DateTime(2025, 3, 3, 2, 0, 0, DateTimeKind.Utc), calendar);
        var steps = sp.GetRequiredService<CaseSteps>();
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            db.Cases.Add(c);
            steps.Record(steps.Begin(c), "office-lock-race", "register", null, new DateTime(2025, 3, 3, 2, 0, 0, DateTimeKind.Utc));
            await steps.CommitAsync(CancellationToken.None); // rows written, lock check passed: no report of 2025 is locked

            var locking = office.PostAsync($"/api/reports/annual/2025/lock?agency={agency}", null);
            await Task.Delay(300);
            Assert.False(locking.IsCompleted, "the report was locked while a change of its figures was not yet committed");
            await tx.CommitAsync();
            await (await locking).ReadJsonAsync();
        }

        var report = await (await office.GetAsync($"/api/reports/annual/2025?agency={agency}")).ReadJsonAsync();
        Assert.Equal([1, 0, 0, 0, 0, 0, 1], report["table3"]!["rows"]!["New"]!.AsArray().Select(n => (int)n!));
        var lockRow = await db.ReportLocks.AsNoTracking().SingleAsync(l => l.AgencyCode == agency && l.Year == 2025);
        var figures = System.Text.Json.Nodes.JsonNode.Parse(lockRow.FiguresJson)!;
        Assert.Equal(report["table3"]!["rows"]!["New"]!.ToJsonString(), figures["table3"]!["New"]!.ToJsonString());
    }

    [Fact]
    public async Task Two_locks_of_one_report_sent_at_the_same_moment_give_one_lock_and_one_conflict()
    {
        const string agency = "lock-twice";
        var office = await app.SignedInAsync("office-lock-twice", "Office", agency);
        await (await office.PostAsync($"/api/import/ledger?agency={agency}",
            new StringContent(Header + "\n2025-001,自然人,张三,当面,2025-03-01,某文件,予以公开,2025-03-10,否,,\n", Encoding.UTF8, "text/csv"))).ReadJsonAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => office.PostAsync($"/api/reports/annual/2025/lock?agency={agency}", null)));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        Assert.Single(await office.GetArrayAsync($"/api/reports/annual/2025/locks?agency={agency}"));
    }
}
