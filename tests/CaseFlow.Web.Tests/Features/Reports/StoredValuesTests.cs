using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CaseFlow.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Web.Tests.Features.Reports;

/// <summary>Rows whose stored channel, applicant column, outcome or proceeding kind no name maps to (written by hand
/// or by an older release): the report, its export and its drill-down answer without a 500; the report counts
/// nothing for such a value and a failed check names the cases.</summary>
public abstract class StoredValuesTests(CaseFlowApp app) : IAsyncLifetime
{
    public sealed class OnSqlite(SqliteApp app) : StoredValuesTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : StoredValuesTests(app), IClassFixture<PostgresApp>;

    private const string Ledger = """
        case_no,applicant_kind,applicant_name,channel,received_on,summary,outcome,concluded_on,extended,fee_notified_yuan,fee_paid_yuan
        G-1,自然人,甲,当面,2025-02-01,某文件,予以公开,2025-02-20,否,,
        G-2,自然人,乙,网络,2025-03-01,某文件,予以公开,2025-03-20,否,,
        G-3,商业企业,丙公司,传真,2025-04-01,某文件,予以公开,2025-04-20,否,,
        G-4,自然人,丁,当面,2025-05-01,某文件,予以公开,2025-05-20,否,,
        G-5,自然人,戊,当面,2025-06-01,某文件,予以公开,2025-06-20,否,,
        """;

    private const string Proceedings = """
        case_no,kind,filed_on,result,decided_on
        G-5,行政复议,2025-07-01,维持,2025-08-01
        """;

    private HttpClient _office = null!;
    private string _agency = null!;
    private readonly Dictionary<string, long> _ids = [];

    public async Task InitializeAsync()
    {
        _agency = $"garb-{Guid.NewGuid():N}"[..12];
        _office = await app.SignedInAsync($"office-{_agency}", "Office", _agency);
        await (await Post($"/api/import/ledger?agency={_agency}", Ledger)).ReadJsonAsync();
        await (await Post($"/api/import/proceedings?agency={_agency}", Proceedings)).ReadJsonAsync();
        await app.WithDbAsync(async db =>
        {
            foreach (var c in await db.Cases.Where(c => c.AgencyCode == _agency).Select(c => new { c.Id, c.CaseNumber }).ToListAsync())
                _ids[c.CaseNumber] = c.Id;
            // What an older release stored for "channel": 123, and values edited by hand.
            await db.Database.ExecuteSqlRawAsync("""UPDATE "Cases" SET "Channel" = '123' WHERE "Id" = {0}""", _ids["G-1"]);
            await db.Database.ExecuteSqlRawAsync("""UPDATE "Cases" SET "Channel" = 'Pigeon' WHERE "Id" = {0}""", _ids["G-2"]);
            await db.Database.ExecuteSqlRawAsync("""UPDATE "Cases" SET "ApplicantColumn" = '7' WHERE "Id" = {0}""", _ids["G-3"]);
            await db.Database.ExecuteSqlRawAsync("""UPDATE "Cases" SET "Outcome" = 'Maybe' WHERE "Id" = {0}""", _ids["G-4"]);
            await db.Database.ExecuteSqlRawAsync("""UPDATE "CaseProceedings" SET "Kind" = 'Appeal' WHERE "CaseId" = {0}""", _ids["G-5"]);
        });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_report_counts_nothing_for_an_unmappable_value_and_a_failed_check_names_the_cases()
    {
        var report = await (await _office.GetAsync($"/api/reports/annual/2025?agency={_agency}")).ReadJsonAsync();

        var rows = report["table3"]!["rows"]!;
        // G-3 (column unknown) counts nowhere; G-1, G-2, G-5 are natural persons, G-4's outcome is unknown.
        Assert.Equal([4, 0, 0, 0, 0, 0, 4], Numbers(rows["New"]));
        Assert.Equal([3, 0, 0, 0, 0, 0, 3], Numbers(rows["Disclosed"]));
        var byChannel = report["extras"]!["byChannel"]!.AsObject();
        Assert.Equal(2, (int)byChannel["InPerson"]!); // G-4, G-5; G-1's "123" counts in no channel
        Assert.Equal(0, (int)byChannel["Online"]!);   // G-2's "Pigeon"
        Assert.Equal(0, (int)byChannel["Fax"]!);      // G-3 counts nowhere
        Assert.Equal(0, (int)report["table4"]!["Review"]!["Total"]!);

        var stored = Check(report, "存储的值可识别");
        Assert.False((bool)stored["passed"]!);
        Assert.Equal(new[] { _ids["G-1"], _ids["G-2"], _ids["G-3"], _ids["G-5"] }.Order(), stored["caseIds"]!.AsArray().Select(x => (long)x!));
        foreach (var number in new[] { "G-1", "G-2", "G-3", "G-5" })
            Assert.Contains(number, (string?)stored["detail"]);
        var outcome = Check(report, "办结案件的办理结果有效");
        Assert.False((bool)outcome["passed"]!);
        Assert.Contains("G-4", (string?)outcome["detail"]);
    }

    [Fact]
    public async Task Locking_is_refused_with_a_problem_naming_the_cases_and_nothing_is_locked()
    {
        var problem = await (await _office.PostAsync($"/api/reports/annual/2025/lock?agency={_agency}", null)).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.StartsWith("报告未通过校验，不能锁定：", (string?)problem["detail"]);
        Assert.Contains("G-3", (string?)problem["detail"]);
        Assert.Contains("G-4", (string?)problem["detail"]);
        Assert.Empty(JsonNode.Parse(await (await _office.GetAsync($"/api/reports/annual/2025/locks?agency={_agency}")).ReadBodyAsync(HttpStatusCode.OK))!.AsArray());
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData("docx")]
    public async Task The_export_refuses_with_a_problem_naming_the_cases_instead_of_a_500(string format)
    {
        var problem = await (await _office.GetAsync($"/api/reports/annual/2025/export.{format}?agency={_agency}")).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("存储的值可识别", (string?)problem["detail"]);
        Assert.Contains("G-3", (string?)problem["detail"]);
    }

    [Theory]
    [InlineData("New", "NaturalPerson", new[] { "G-1", "G-2", "G-4", "G-5" })]
    [InlineData("New", "Business", new string[0])]
    [InlineData("Disclosed", "Total", new[] { "G-1", "G-2", "G-5" })]
    [InlineData("Review", "Total", new string[0])]
    public async Task The_drill_down_answers(string row, string column, string[] numbers)
    {
        var cell = await (await _office.GetAsync($"/api/reports/annual/2025/cells/{row}/{column}?agency={_agency}")).ReadJsonAsync();
        Assert.Equal(numbers, cell["cases"]!.AsArray().Select(c => (string)c!["caseNumber"]!));
    }

    [Fact]
    public async Task The_drill_down_names_a_channel_it_cannot_map_as_not_recognised()
    {
        // G-1 and G-2 are natural persons whose stored channel maps to no name.
        var cell = await (await _office.GetAsync($"/api/reports/annual/2025/cells/New/NaturalPerson?agency={_agency}")).ReadJsonAsync();
        var byNumber = cell["cases"]!.AsArray().ToDictionary(c => (string)c!["caseNumber"]!, c => (string?)c!["channel"]);
        Assert.Equal("Unrecognised", byNumber["G-1"]);
        Assert.Equal("Unrecognised", byNumber["G-2"]);
        Assert.Equal("InPerson", byNumber["G-5"]);
        var page = await (await _office.GetAsync($"/reports/annual/2025/cells/New/NaturalPerson?agency={_agency}")).ReadBodyAsync(System.Net.HttpStatusCode.OK);
        Assert.Contains("<td>（无法识别的收到渠道）</td>", page);
        Assert.Contains("<td>当面</td>", page);
        Assert.DoesNotContain("<td>123</td>", page);
        Assert.DoesNotContain("<td>Pigeon</td>", page);
    }

    [Fact]
    public async Task The_case_itself_still_opens()
    {
        var c = await (await _office.GetAsync($"/api/cases/{_ids["G-3"]}")).ReadJsonAsync();
        Assert.Equal("G-3", (string?)c["caseNumber"]);
        // A value no name maps to is answered as the one extra value the API document lists for it.
        Assert.Equal("Unrecognised", (string?)c["applicantColumn"]);
        Assert.Equal("Unrecognised", (string?)(await (await _office.GetAsync($"/api/cases/{_ids["G-1"]}")).ReadJsonAsync())["channel"]);
        var document = await (await _office.GetAsync("/openapi/v1.json")).ReadJsonAsync();
        Assert.Contains("Unrecognised", document["components"]!["schemas"]!["ApplicantColumn"]!["enum"]!.AsArray().Select(v => (string?)v));

        // The case whose outcome reads as nothing known: the API and the page answer, the page says so.
        var odd = await (await _office.GetAsync($"/api/cases/{_ids["G-4"]}")).ReadJsonAsync();
        Assert.Equal("Maybe", (string?)odd["outcome"]);
        Assert.Equal("（无法识别的办理结果）", (string?)odd["outcomeLabel"]);
        var page = await (await _office.GetAsync($"/cases/{_ids["G-4"]}")).ReadBodyAsync(System.Net.HttpStatusCode.OK);
        Assert.Contains("（无法识别的办理结果）", page);

        // So do the pages of the cases whose channel or applicant type is none of the names.
        foreach (var number in new[] { "G-1", "G-2" })
            Assert.Contains("<dt>收到渠道</dt><dd>（无法识别的收到渠道）</dd>", await (await _office.GetAsync($"/cases/{_ids[number]}")).ReadBodyAsync(System.Net.HttpStatusCode.OK));
        Assert.Contains("<dt>类型</dt><dd>（无法识别的申请人类型）</dd>", await (await _office.GetAsync($"/cases/{_ids["G-3"]}")).ReadBodyAsync(System.Net.HttpStatusCode.OK));
    }

    private static JsonObject Check(JsonObject report, string name) =>
        report["checks"]!.AsArray().Select(c => c!.AsObject()).Single(c => (string?)c["name"] == name);

    private static int[] Numbers(JsonNode? row) => [.. row!.AsArray().Select(x => (int)x!)];

    private Task<HttpResponseMessage> Post(string url, string csv) =>
        _office.PostAsync(url, new StringContent(csv, Encoding.UTF8, "text/csv"));
}
