using System.Net;
using System.Text;
using CaseFlow.Web.Tests.Infrastructure;

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
}
