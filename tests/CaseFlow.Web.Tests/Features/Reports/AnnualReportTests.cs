using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CaseFlow.Web.Features.Reports;
using Microsoft.EntityFrameworkCore;
using CaseFlow.Web.Hosting;
using CaseFlow.Web.Tests.Infrastructure;

namespace CaseFlow.Web.Tests.Features.Reports;

/// <summary>
/// Ledger import and the annual report through the API, on a dataset counted by hand (domain.md §5 attribution):
/// 2022-010 NP received 2022-12-20 concluded 2023-01-05 予以公开; 2023-001 NP 2023-02-01→02-20 部分公开, fee 100/100;
/// 2023-002 商业企业 2023-03-01→03-20 国家秘密, extended; 2023-003 科研机构 received 2023-12-28, open;
/// 2023-004 法律服务机构 2023-05-05→05-06 其他; 2021-005 其他 received 2021-11-01 concluded 2023-06-01 不掌握;
/// 2023-006 社会公益组织 2023-07-01→07-02 重复申请.
/// </summary>
[Trait("TimeZone", "Sensitive")]
public abstract class AnnualReportTests(CaseFlowApp app) : IAsyncLifetime
{
    public sealed class OnSqlite(SqliteApp app) : AnnualReportTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : AnnualReportTests(app), IClassFixture<PostgresApp>;

    private const string Header = "case_no,applicant_kind,applicant_name,channel,received_on,summary,outcome,concluded_on,extended,fee_notified_yuan,fee_paid_yuan";

    private const string Ledger = Header + """

        2022-010,自然人,甲,当面,2022-12-20,某文件,予以公开,2023-01-05,否,,
        2023-001,自然人,乙,网络,2023-02-01,"某项目, 含逗号",部分公开（区分处理的，只计这一情形，不计其他情形）,2023-02-20,否,100,100
        2023-002,商业企业,丙公司,邮寄,2023-03-01,某批复,属于国家秘密,2023-03-20,是,,
        2023-003,科研机构,丁研究所,电子邮件,2023-12-28,某数据,,,否,,
        2023-004,LegalService,戊律师事务所,Fax,2023-05-05,某案卷,Other.Other,2023-05-06,false,,
        2021-005,其他,己,平常信函,2021-11-01,某档案,本机关不掌握相关政府信息,2023-06-01,否,,
        2023-006,社会公益组织,庚协会,当面,2023-07-01,某信息,重复申请,2023-07-02,否,,
        """;

    private const string Proceedings = """
        case_no,kind,filed_on,result,decided_on
        2023-001,行政复议,2023-04-01,维持,2023-06-01
        2023-002,行政诉讼,2023-05-01,,
        2023-002,复议后起诉,2023-11-01,纠正,2024-02-01
        2022-010,行政复议,2023-02-01,其他,2023-03-01
        """;

    private HttpClient _office = null!;
    private string _agency = null!;

    public async Task InitializeAsync()
    {
        _agency = $"rpt-{Guid.NewGuid():N}"[..12];
        await app.EnsureAgencyAsync("rpt-city");
        await app.EnsureAgencyAsync(_agency, "rpt-city");
        _office = await app.SignedInAsync("rpt-office", "Office", "rpt-city");
        await (await Csv(_office, $"/api/import/ledger?agency={_agency}", Ledger)).ReadJsonAsync();
        await (await Csv(_office, $"/api/import/proceedings?agency={_agency}", Proceedings)).ReadJsonAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static Task<HttpResponseMessage> Csv(HttpClient client, string url, string csv) =>
        client.PostAsync(url, new StringContent(csv.Replace("\n        ", "\n"), Encoding.UTF8, "text/csv"));

    private async Task<JsonObject> Report(int year, string? agency = null, bool subordinates = false) =>
        await (await _office.GetAsync($"/api/reports/annual/{year}?agency={agency ?? _agency}&subordinates={(subordinates ? "true" : "false")}")).ReadJsonAsync();

    private static int[] Row(JsonObject report, string row) => [.. report["table3"]!["rows"]![row]!.AsArray().Select(n => (int)n!)];

    [Fact]
    public async Task Table_3_counts_every_row_and_column_as_counted_by_hand()
    {
        var r = await Report(2023);
        Assert.Equal(2023, (int)r["year"]!);
        Assert.Equal(["NaturalPerson", "Business", "Research", "PublicInterest", "LegalService", "OtherOrganisation", "Total"],
            r["table3"]!["columns"]!.AsArray().Select(c => (string)c!));
        var keys = r["table3"]!["rows"]!.AsObject().Select(kv => kv.Key).ToList();
        Assert.Equal(25, keys.Count);
        Assert.Equal(["New", "CarriedIn", "Disclosed", "PartlyDisclosed", "Withheld.StateSecret"], keys.Take(5));
        Assert.Equal(["Other.Other", "ConcludedTotal", "CarriedOut"], keys.TakeLast(3));

        //                                  NP Bus Res PI LS Oth Total
        Assert.Equal([1, 1, 1, 1, 1, 0, 5], Row(r, "New"));
        Assert.Equal([1, 0, 0, 0, 0, 1, 2], Row(r, "CarriedIn"));
        Assert.Equal([1, 0, 0, 0, 0, 0, 1], Row(r, "Disclosed"));
        Assert.Equal([1, 0, 0, 0, 0, 0, 1], Row(r, "PartlyDisclosed"));
        Assert.Equal([0, 1, 0, 0, 0, 0, 1], Row(r, "Withheld.StateSecret"));
        Assert.Equal([0, 0, 0, 0, 0, 1, 1], Row(r, "Unavailable.NotHeld"));
        Assert.Equal([0, 0, 0, 1, 0, 0, 1], Row(r, "NotProcessed.Repeated"));
        Assert.Equal([0, 0, 0, 0, 1, 0, 1], Row(r, "Other.Other"));
        Assert.Equal([0, 0, 0, 0, 0, 0, 0], Row(r, "Withheld.ThirdParty"));
        Assert.Equal([2, 1, 0, 1, 1, 1, 6], Row(r, "ConcludedTotal"));
        Assert.Equal([0, 0, 1, 0, 0, 0, 1], Row(r, "CarriedOut"));
        Assert.All(r["checks"]!.AsArray(), c => Assert.True((bool)c!["passed"]!, c.ToJsonString()));
    }

    [Fact]
    public async Task Table_4_fees_and_extras()
    {
        var r = await Report(2023);
        var t4 = r["table4"]!;
        Assert.Equal([1, 0, 1, 0, 2], new[] { "Upheld", "Corrected", "Other", "Pending", "Total" }.Select(k => (int)t4["Review"]![k]!));
        Assert.Equal([0, 0, 0, 1, 1], new[] { "Upheld", "Corrected", "Other", "Pending", "Total" }.Select(k => (int)t4["LawsuitDirect"]![k]!));
        Assert.Equal([0, 0, 0, 1, 1], new[] { "Upheld", "Corrected", "Other", "Pending", "Total" }.Select(k => (int)t4["LawsuitAfterReview"]![k]!));
        Assert.Equal(1, (int)r["fees"]!["notices"]!);
        Assert.Equal(100m, (decimal)r["fees"]!["notifiedYuan"]!);
        Assert.Equal(100m, (decimal)r["fees"]!["collectedYuan"]!);
        var channels = r["extras"]!["byChannel"]!;
        Assert.Equal([1, 1, 0, 1, 1, 1], new[] { "InPerson", "RegisteredPost", "OrdinaryLetter", "Online", "Fax", "Email" }.Select(k => (int)channels[k]!));
        Assert.Equal(1, (int)r["extras"]!["concludedAfterExtension"]!);
        // 2022-010 due 2023-01-18, 2023-001 due 2023-03-01, 2023-004 and 2023-006 within days; 2021-005 was late
        Assert.Equal(4, (int)r["extras"]!["concludedOnTime"]!);
        // 2021-005 received 2021-11-01 and concluded 2023-06-01: late. On time + extended + late = 三(七) 6.
        Assert.Equal(1, (int)r["extras"]!["concludedLate"]!);
        Assert.Equal(6, Row(r, "ConcludedTotal")[6]);

        // filed in 2023 and decided in 2024: counted (pending) in 2023 only
        var next = await Report(2024);
        Assert.Equal(0, (int)next["table4"]!["LawsuitAfterReview"]!["Total"]!);
    }

    [Fact]
    public async Task Carry_over_across_years_and_the_December_to_January_case()
    {
        var r2022 = await Report(2022);
        Assert.Equal([1, 0, 0, 0, 0, 0, 1], Row(r2022, "New"));
        Assert.Equal([0, 0, 0, 0, 0, 1, 1], Row(r2022, "CarriedIn"));
        Assert.Equal([0, 0, 0, 0, 0, 0, 0], Row(r2022, "ConcludedTotal"));
        Assert.Equal([1, 0, 0, 0, 0, 1, 2], Row(r2022, "CarriedOut"));
        Assert.Equal(Row(r2022, "CarriedOut"), Row(await Report(2023), "CarriedIn"));
        var r2024 = await Report(2024);
        Assert.Equal([0, 0, 1, 0, 0, 0, 1], Row(r2024, "CarriedIn"));
        Assert.All(r2024["checks"]!.AsArray(), c => Assert.True((bool)c!["passed"]!, c.ToJsonString()));
    }

    [Fact]
    public async Task Every_cell_drills_down_to_its_cases()
    {
        async Task<List<string>> Cell(string row, string column) =>
            [.. (await (await _office.GetAsync($"/api/reports/annual/2023/cells/{row}/{column}?agency={_agency}")).ReadJsonAsync())["cases"]!
                .AsArray().Select(c => (string)c!["caseNumber"]!)];
        Assert.Equal(["2023-001"], await Cell("New", "NaturalPerson"));
        Assert.Equal(["2021-005", "2022-010"], await Cell("CarriedIn", "Total"));
        Assert.Equal(["2022-010", "2023-001"], await Cell("ConcludedTotal", "NaturalPerson"));
        Assert.Equal(["2023-001"], await Cell("Review", "Upheld"));
        await (await _office.GetAsync($"/api/reports/annual/2023/cells/Nope/Total?agency={_agency}")).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_subtree_report_is_the_sum_of_its_agencies()
    {
        var sibling = $"rpt-{Guid.NewGuid():N}"[..12];
        await app.EnsureAgencyAsync(sibling, "rpt-city");
        await (await Csv(_office, $"/api/import/ledger?agency={sibling}", Header + "\n2023-101,自然人,辛,当面,2023-01-10,某信息,予以公开,2023-01-20,否,,")).ReadJsonAsync();
        var city = await Report(2023, "rpt-city", subordinates: true);
        var cityAlone = await Report(2023, "rpt-city");
        var parts = new[] { await Report(2023, _agency), await Report(2023, sibling), cityAlone };
        foreach (var row in city["table3"]!["rows"]!.AsObject().Select(kv => kv.Key))
        {
            var sum = Enumerable.Range(0, 7).Select(i => parts.Sum(p => Row(p, row)[i])).ToArray();
            // other test classes' agencies may sit under rpt-city too, so the city total is at least the sum
            Assert.All(Enumerable.Range(0, 7), i => Assert.True(Row(city, row)[i] >= sum[i], $"{row}[{i}]"));
        }
        Assert.Equal(new[] { 1, 0, 0, 0, 0, 0, 1 }, Row(await Report(2023, sibling), "New"));
    }

    [Fact]
    public async Task Bad_rows_are_all_reported_and_nothing_is_imported()
    {
        var before = Row(await Report(2023), "New");
        const string bad = Header + """

            2023-201,外星人,甲,当面,2023-02-30,x,,,否,,
            2023-202,自然人,,飞鸽,2023-03-01,x,予以公开,,maybe,-5,
            2023-201,自然人,乙,当面,2023-03-01,x,,,否,,
            """;
        var problem = await (await Csv(_office, $"/api/import/ledger?agency={_agency}", bad)).ReadProblemAsync(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "rows[2].applicant_kind", "rows[2].received_on", "rows[3].applicant_name", "rows[3].channel", "rows[3].extended", "rows[3].fee_notified_yuan", "rows[4].case_no" })
            Assert.NotEmpty(problem.FieldErrors(field));
        Assert.Equal(before, Row(await Report(2023), "New"));

        var again = await (await Csv(_office, $"/api/import/ledger?agency={_agency}", Header + "\n2023-001,自然人,乙,网络,2023-02-01,x,,,否,,")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(again.FieldErrors("rows[2].case_no"));
        var unknownCase = await (await Csv(_office, $"/api/import/proceedings?agency={_agency}", "case_no,kind,filed_on,result,decided_on\nNOPE,行政复议,2023-04-01,,")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(unknownCase.FieldErrors("rows[2].case_no"));
        var officer = await app.SignedInAsync("rpt-officer", "Officer", _agency);
        await (await officer.GetAsync($"/api/reports/annual/2023?agency={_agency}")).ReadProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Imported_cases_are_history_journaled_as_imported_without_timers()
    {
        var cell = await (await _office.GetAsync($"/api/reports/annual/2023/cells/CarriedOut/Research?agency={_agency}")).ReadJsonAsync();
        var id = (long)cell["cases"]![0]!["id"]!;
        var journal = JsonNode.Parse(await (await _office.GetAsync($"/api/cases/{id}/journal")).ReadBodyAsync(HttpStatusCode.OK))!.AsArray();
        Assert.Equal("importLedger", (string?)journal.Single()!["action"]);
        Assert.True((bool)journal.Single()!["facts"]!["imported"]!);
        await app.WithDbAsync(async db => Assert.False(db.CaseTimers.Any(t => t.CaseId == id)));
        var detail = await (await _office.GetAsync($"/api/cases/{id}")).ReadJsonAsync();
        Assert.True((bool)detail["isImported"]!);
    }

    [Fact]
    public async Task The_case_page_names_the_imports_in_its_timeline_in_Chinese()
    {
        long id = 0;
        await app.WithDbAsync(async db => id = await db.Cases.Where(c => c.AgencyCode == _agency && c.CaseNumber == "2023-001").Select(c => c.Id).SingleAsync());
        var journal = JsonNode.Parse(await (await _office.GetAsync($"/api/cases/{id}/journal")).ReadBodyAsync(HttpStatusCode.OK))!.AsArray();
        Assert.Equal(["importLedger", "importProceeding"], journal.Select(j => (string?)j!["action"]));

        var page = await (await _office.GetAsync($"/cases/{id}")).ReadBodyAsync(HttpStatusCode.OK);
        var timeline = page[page.IndexOf("<h2 id=\"h-timeline\">", StringComparison.Ordinal)..];
        timeline = timeline[..timeline.IndexOf("</table>", StringComparison.Ordinal)];
        Assert.Contains("<th scope=\"row\">从台账导入</th>", timeline);
        Assert.Contains("<th scope=\"row\">导入复议诉讼记录</th>", timeline);
        Assert.DoesNotContain("importLedger", timeline);
        Assert.DoesNotContain("importProceeding", timeline);
    }

    [Fact]
    public async Task Table_2_is_typed_in_per_agency_and_year()
    {
        const string body = """{"regulations":{"issued":2,"repealed":1,"inForce":10},"normativeDocuments":{"issued":5,"repealed":0,"inForce":40},"licensingDecisions":120,"penaltyDecisions":30,"enforcementDecisions":3,"feesTenThousandYuan":12.5}""";
        await (await _office.PutJsonAsync($"/api/reports/annual/2023/table2?agency={_agency}", body)).ReadJsonAsync();
        var r = await Report(2023);
        Assert.Equal(2, (int)r["table2"]!["regulations"]!["issued"]!);
        Assert.Equal(12.5m, (decimal)r["table2"]!["feesTenThousandYuan"]!);
        var bad = await (await _office.PutJsonAsync($"/api/reports/annual/2023/table2?agency={_agency}", body.Replace("\"issued\":2", "\"issued\":-2"))).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(bad.FieldErrors("regulations.issued"));
    }

    [Fact]
    public async Task A_locked_report_refuses_changes_until_unlocked_with_a_reason()
    {
        var agency = $"rpt-{Guid.NewGuid():N}"[..12];
        await app.EnsureAgencyAsync(agency, "rpt-city");
        await (await Csv(_office, $"/api/import/ledger?agency={agency}", Header + "\nL-1,自然人,甲,当面,2023-03-01,x,予以公开,2023-03-05,否,,")).ReadJsonAsync();
        var locked = await (await _office.PostAsync($"/api/reports/annual/2023/lock?agency={agency}", null)).ReadJsonAsync();
        Assert.Equal(64, ((string)locked["hash"]!).Length);
        await (await _office.PostAsync($"/api/reports/annual/2023/lock?agency={agency}", null)).ReadProblemAsync(HttpStatusCode.Conflict);

        await (await Csv(_office, $"/api/import/ledger?agency={agency}", Header + "\nL-2,自然人,乙,当面,2023-04-01,x,,,否,,")).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(new[] { 1, 0, 0, 0, 0, 0, 1 }, Row(await Report(2023, agency), "New"));

        // voiding the case would change the locked figures
        var admin = await app.SignedInAsync("rpt-admin", "Admin", "rpt-city");
        var id = (long)(await (await _office.GetAsync($"/api/reports/annual/2023/cells/New/Total?agency={agency}")).ReadJsonAsync())["cases"]![0]!["id"]!;
        var c = await (await admin.GetAsync($"/api/cases/{id}")).ReadJsonAsync();
        var voidIt = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{id}/actions/void") { Content = new StringContent("""{"reason":"登记错误"}""", Encoding.UTF8, "application/json") };
        voidIt.Headers.TryAddWithoutValidation("If-Match", $"\"{(int)c["version"]!}\"");
        await (await admin.SendAsync(voidIt)).ReadProblemAsync(HttpStatusCode.Conflict);

        await (await _office.PostAsync($"/api/reports/annual/2023/unlock?agency={agency}", new StringContent("{}", Encoding.UTF8, "application/json"))).ReadProblemAsync(HttpStatusCode.BadRequest);
        await (await _office.PostAsync($"/api/reports/annual/2023/unlock?agency={agency}", new StringContent("""{"reason":"发现登记错误，需更正"}""", Encoding.UTF8, "application/json"))).ReadJsonAsync();
        await (await Csv(_office, $"/api/import/ledger?agency={agency}", Header + "\nL-2,自然人,乙,当面,2023-04-01,x,,,否,,")).ReadJsonAsync();
        Assert.Equal(new[] { 2, 0, 0, 0, 0, 0, 2 }, Row(await Report(2023, agency), "New"));
        var history = JsonNode.Parse(await (await _office.GetAsync($"/api/reports/annual/2023/locks?agency={agency}")).ReadBodyAsync(HttpStatusCode.OK))!.AsArray();
        Assert.Equal("发现登记错误，需更正", (string?)history.Single()!["unlockReason"]);
    }

    [Fact]
    public async Task Import_and_report_verbs_use_the_same_rules()
    {
        var agency = $"rpt-{Guid.NewGuid():N}"[..12];
        await app.EnsureAgencyAsync(agency, "rpt-city");
        var dir = Directory.CreateTempSubdirectory("caseflow-verbs-");
        try
        {
            var csv = Path.Combine(dir.FullName, "ledger.csv");
            await File.WriteAllTextAsync(csv, "\uFEFF" + Header + "\nV-1,商业企业,某公司,传真,2023-06-01,x,属于行政查询事项,2023-06-10,否,,\n", new UTF8Encoding(false));
            Assert.Equal(0, await Verb("import-ledger", "--agency", agency, csv));
            Assert.Equal(1, await Verb("import-ledger", "--agency", agency, csv)); // already imported: refused
            var proceedings = Path.Combine(dir.FullName, "proceedings.csv");
            await File.WriteAllTextAsync(proceedings, "case_no,kind,filed_on,result,decided_on\nV-1,行政诉讼,2023-07-01,维持,2023-09-01\n");
            Assert.Equal(0, await Verb("import-proceedings", "--agency", agency, proceedings));

            var output = Path.Combine(dir.FullName, "report.json");
            Assert.Equal(0, await Verb("report", "--year", "2023", "--agency", agency, "--format", "json", "--out", output));
            var r = JsonNode.Parse(await File.ReadAllTextAsync(output))!.AsObject();
            Assert.Equal([0, 1, 0, 0, 0, 0, 1], Row(r, "Withheld.QueryMatter"));
            Assert.Equal(1, (int)r["table4"]!["LawsuitDirect"]!["Upheld"]!);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_GROUP_BY_tallies_give_the_same_report_as_counting_case_by_case()
    {
        // a void case and one failing check (a concluded case without an outcome) exercise the edges
        await app.WithDbAsync(async db =>
        {
            var cases = db.Cases.Where(c => c.AgencyCode == _agency);
            await cases.Where(c => c.CaseNumber == "2023-006").ExecuteUpdateAsync(u => u.SetProperty(c => c.IsVoid, true));
            await cases.Where(c => c.CaseNumber == "2023-004").ExecuteUpdateAsync(u => u.SetProperty(c => c.Outcome, (string?)null));
        });
        foreach (var (agency, subordinates) in new[] { (_agency, false), ("rpt-city", true) })
            foreach (var year in new[] { 2021, 2022, 2023, 2024 })
                await app.WithDbAsync(async db =>
                {
                    var codes = await AnnualReportQuery.ScopeAsync(agency, subordinates, null, db, default);
                    var tallied = await AnnualReportQuery.ComputeAsync(db, year, agency, subordinates, codes, default);
                    var counted = await AnnualReportQuery.ComputeWithCasesAsync(db, year, agency, subordinates, codes, default);
                    Assert.Equal(JsonSerializer.Serialize(counted, JsonDefaults.Options), JsonSerializer.Serialize(tallied, JsonDefaults.Options));
                    // the GROUP BY path alone, even where a check fails (ComputeAsync then falls back to the cases):
                    // every figure, older indicators included, and every check's outcome are the same
                    var fast = await AnnualReportQuery.ComputeFromTalliesAsync(db, year, agency, subordinates, codes, default);
                    foreach (var part in new Func<Domain.Reports.AnnualReport, object>[] { x => x.Table3, x => x.Table4, x => x.Fees, x => x.Extras })
                        Assert.Equal(JsonSerializer.Serialize(part(counted), JsonDefaults.Options), JsonSerializer.Serialize(part(fast), JsonDefaults.Options));
                    Assert.Equal(counted.Checks.Select(c => (c.Name, c.Passed)), fast.Checks.Select(c => (c.Name, c.Passed)));
                });
        var r = await Report(2023);
        Assert.Equal([1, 1, 1, 0, 1, 0, 4], Row(r, "New"));
        // 2023-004 (no outcome) is in neither 三(七) nor a conclusion class and 2023-006 is void: 2022-010 and 2023-001 on
        // time, 2023-002 extended, 2021-005 late
        Assert.Equal(4, Row(r, "ConcludedTotal")[6]);
        Assert.Equal((2, 1, 1), ((int)r["extras"]!["concludedOnTime"]!, (int)r["extras"]!["concludedAfterExtension"]!, (int)r["extras"]!["concludedLate"]!));
        var failed = Assert.Single(r["checks"]!.AsArray(), c => !(bool)c!["passed"]! && (string)c["name"]! == "办结案件的办理结果有效");
        Assert.Contains("2023-004", (string)failed!["detail"]!, StringComparison.Ordinal); // named: computed from the cases
    }

    private Task<int> Verb(params string[] args) => CommandLine.Verbs.Single(v => v.Name == args[0]).RunAsync(app.Services, args[1..]);
}
