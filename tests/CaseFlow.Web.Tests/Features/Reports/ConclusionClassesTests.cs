using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CaseFlow.Web.Features.Reports;
using CaseFlow.Web.Hosting;
using CaseFlow.Web.Tests.Features.Reminders;
using CaseFlow.Web.Tests.Infrastructure;
using static CaseFlow.Web.Tests.Features.Cases.CaseApi;

namespace CaseFlow.Web.Tests.Features.Reports;

/// <summary>
/// The older indicators 按时办结数 / 延期办结数 / 逾期办结数 (issue 12 item 11) through HTTP: they add up to table 三 (七),
/// an extended case concluded after its extended deadline is late (not extended), the late cases are listed by the
/// drill-down (API and page), the GROUP BY path gives the same figures as the case-by-case path, and a re-reply round
/// changes none of them. Dates from domain.md §3's worked examples (2026 calendar): received Thu 2026-02-12 → reply due
/// 2026-03-18, with the full extension 2026-04-16; received Wed 2026-09-30 → reply due 2026-11-03.
/// </summary>
[Trait("TimeZone", "Sensitive")]
public abstract class ConclusionClassesTests(CaseFlowApp app)
{
    public sealed class OnSqlite(SqliteApp app) : ConclusionClassesTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : ConclusionClassesTests(app), IClassFixture<PostgresApp>;

    private const string Header = "case_no,applicant_kind,applicant_name,channel,received_on,summary,outcome,concluded_on,extended,fee_notified_yuan,fee_paid_yuan";

    private void Today(int year, int month, int day) => app.Clock.SetChinaTime(new DateOnly(year, month, day), new TimeOnly(10, 0));

    private static (int OnTime, int Extended, int Late) Classes(JsonObject report) =>
        ((int)report["extras"]!["concludedOnTime"]!, (int)report["extras"]!["concludedAfterExtension"]!, (int)report["extras"]!["concludedLate"]!);

    private static int Concluded(JsonObject report) => (int)report["table3"]!["rows"]!["ConcludedTotal"]![6]!;

    private static async Task<JsonObject> ReportAsync(HttpClient client, int year, string agency) =>
        await (await client.GetAsync($"/api/reports/annual/{year}?agency={agency}")).ReadJsonAsync();

    private static async Task<JsonArray> CellCasesAsync(HttpClient client, int year, string agency, string key) =>
        (await (await client.GetAsync($"/api/reports/annual/{year}/cells/Extras/{key}?agency={agency}")).ReadJsonAsync())["cases"]!.AsArray();

    [Fact]
    public async Task Ledger_cases_on_the_rule_books_dates_are_on_time_extended_or_late_and_add_up_to_the_concluded_total()
    {
        Today(2026, 12, 1);
        var agency = $"ccl-{Guid.NewGuid():N}"[..12];
        await app.EnsureAgencyAsync(agency);
        var office = await app.SignedInAsync($"{agency}-office", "Office", agency);
        var csv = Header + """

            W-1,自然人,甲,当面,2026-02-12,x,予以公开,2026-03-18,否,,
            W-2,自然人,乙,网络,2026-02-12,x,予以公开,2026-03-19,否,,
            W-3,商业企业,丙公司,网络,2026-02-12,x,予以公开,2026-04-16,是,,
            W-4,商业企业,丁公司,网络,2026-02-12,x,属于国家秘密,2026-04-17,是,,
            W-5,自然人,戊,当面,2026-09-30,x,予以公开,2026-11-03,否,,
            W-6,自然人,己,当面,2026-09-30,x,予以公开,2026-11-04,否,,
            W-7,自然人,庚,当面,2026-10-09,x,,,否,,
            """;
        await (await office.PostAsync($"/api/import/ledger?agency={agency}", new StringContent(csv.Replace("\r\n", "\n"), Encoding.UTF8, "text/csv"))).ReadJsonAsync();

        // W-1 and W-5 on their due dates: on time; W-3 on its extended due date: extended; W-2 and W-6 a day late, and
        // W-4 a day after its extended due date: late (late wins over extended). W-7 is open: in no class.
        var r = await ReportAsync(office, 2026, agency);
        Assert.Equal((2, 1, 3), Classes(r));
        Assert.Equal(6, Concluded(r));
        var check = Assert.Single(r["checks"]!.AsArray(), c => (string)c!["name"]! == "按时办结 + 延期办结 + 逾期办结 = 三(七)")!;
        Assert.True((bool)check["passed"]!);
        Assert.Equal("按时办结 2 + 延期办结 1 + 逾期办结 3 = 6，三(七)总计 6。", (string?)check["detail"]);
        Assert.Contains("延期后仍逾期的计入逾期办结", (string?)r["extras"]!["convention"], StringComparison.Ordinal);
        Assert.All(r["checks"]!.AsArray(), c => Assert.True((bool)c!["passed"]!, c.ToJsonString()));

        // the drill-down: the late cases with the deadline that applied
        var late = await CellCasesAsync(office, 2026, agency, "ConcludedLate");
        Assert.Equal(["W-2", "W-4", "W-6"], late.Select(c => (string)c!["caseNumber"]!));
        Assert.Equal(["2026-03-18", "2026-04-16", "2026-11-03"], late.Select(c => (string)c!["replyDueOn"]!));
        Assert.Equal([false, true, false], late.Select(c => (bool)c!["extended"]!));
        Assert.Equal(["W-3"], (await CellCasesAsync(office, 2026, agency, "ConcludedAfterExtension")).Select(c => (string)c!["caseNumber"]!));
        Assert.Equal(["W-1", "W-5"], (await CellCasesAsync(office, 2026, agency, "ConcludedOnTime")).Select(c => (string)c!["caseNumber"]!));
        Assert.Equal(["W-2", "W-3", "W-4"], (await CellCasesAsync(office, 2026, agency, "Online")).Select(c => (string)c!["caseNumber"]!));
        await (await office.GetAsync($"/api/reports/annual/2026/cells/Extras/Nope?agency={agency}")).ReadProblemAsync(HttpStatusCode.NotFound);

        // the fast path (GROUP BY tallies) gives exactly the case-by-case report
        await app.WithDbAsync(async db =>
        {
            var codes = await AnnualReportQuery.ScopeAsync(agency, false, null, db, default);
            var tallied = await AnnualReportQuery.ComputeFromTalliesAsync(db, 2026, agency, false, codes, default);
            var counted = await AnnualReportQuery.ComputeWithCasesAsync(db, 2026, agency, false, codes, default);
            Assert.Equal((2, 1, 3), (tallied.Extras.ConcludedOnTime, tallied.Extras.ConcludedAfterExtension, tallied.Extras.ConcludedLate));
            Assert.Equal(JsonSerializer.Serialize(counted, JsonDefaults.Options), JsonSerializer.Serialize(tallied, JsonDefaults.Options));
        });

        // the page shows the figures, each a link to its cases, and the convention; the late list names the cases
        var page = await (await office.GetAsync($"/reports/annual?year=2026&agency={agency}")).ReadBodyAsync(HttpStatusCode.OK);
        Assert.Contains("附：其他统计指标", page, StringComparison.Ordinal);
        Assert.Contains("逾期办结数", page, StringComparison.Ordinal);
        Assert.Contains($"data-row=\"Extras\" data-column=\"ConcludedLate\"><a href=\"/reports/annual/2026/cells/Extras/ConcludedLate?year=2026&amp;agency={agency}&amp;subordinates=false\">3</a>", page, StringComparison.Ordinal);
        Assert.Contains($"data-row=\"Extras\" data-column=\"ConcludedAfterExtension\"><a href=\"/reports/annual/2026/cells/Extras/ConcludedAfterExtension?year=2026&amp;agency={agency}&amp;subordinates=false\">1</a>", page, StringComparison.Ordinal);
        Assert.Contains("延期后仍逾期的计入逾期办结", page, StringComparison.Ordinal);
        Assert.Contains("未收取信息处理费。", page, StringComparison.Ordinal);
        var cell = await (await office.GetAsync($"/reports/annual/2026/cells/Extras/ConcludedLate?agency={agency}")).ReadBodyAsync(HttpStatusCode.OK);
        Assert.Contains("附：其他统计指标：逾期办结数", cell, StringComparison.Ordinal);
        foreach (var number in new[] { "W-2", "W-4", "W-6" }) Assert.Contains($">{number}</a>", cell, StringComparison.Ordinal);
        Assert.DoesNotContain(">W-3</a>", cell, StringComparison.Ordinal);
        Assert.Contains("<td class=\"nowrap\">2026-04-16</td>", cell, StringComparison.Ordinal);
        Assert.Contains("已延期", cell, StringComparison.Ordinal);
    }

    /// <summary>Cases handled live on v2: late (replied 2026-03-19, due 03-18), extended (replied on the extended due date
    /// 04-16), extended and late (replied 04-17). Then the late case's review ends in 纠正 ordering a new reply, and the
    /// round's reply changes none of the figures: only the first conclusion counts.</summary>
    [Fact]
    public async Task Live_cases_and_a_re_reply_round_that_changes_none_of_the_counts()
    {
        var desk = await app.DeskAsync();
        var legal = await app.SignedInAsync($"{desk.Agency}-legal", "LegalAdviser", desk.Agency);
        async Task<JsonObject> Reply(JsonObject c, string deliveredOn)
        {
            c = await desk.Officer.DoAsync(c, "submitDraft", """{"outcome":"Disclosed","text":"现将所申请信息提供如下。"}""");
            c = await legal.DoAsync(c, "approveDraft");
            c = await app.ReviewConfidentialityAsync(desk.Agency, c);
            c = await desk.Head.DoAsync(c, "signOff");
            return await desk.Officer.DoAsync(c, "deliver", $$"""{"method":"Post","deliveredOn":"{{deliveredOn}}"}""");
        }

        Today(2026, 2, 12);
        var cases = new List<JsonObject>();
        for (var i = 0; i < 3; i++)
        {
            var c = await desk.Officer.RegisterAsync();
            cases.Add(await desk.Officer.DoAsync(c, "assign", $$"""{"officer":"{{desk.OfficerName}}"}"""));
        }
        Assert.All(cases, c => Assert.Equal("2026-03-18", Due(c)));

        Today(2026, 3, 10);
        for (var i = 1; i < 3; i++)
        {
            var c = await desk.Officer.DoAsync(cases[i], "requestExtension", """{"days":20,"reason":"涉及多个单位，需协调"}""");
            cases[i] = await desk.Head.DoAsync(c, "approveExtension");
            Assert.Equal("2026-04-16", Due(cases[i]));
        }

        Today(2026, 3, 19);
        var late = cases[0] = await Reply(cases[0], "2026-03-19");
        Today(2026, 4, 16);
        cases[1] = await Reply(cases[1], "2026-04-16");
        Today(2026, 4, 17);
        cases[2] = await Reply(cases[2], "2026-04-17");
        Assert.Equal(["2026-03-19", "2026-04-16", "2026-04-17"], cases.Select(c => (string)c["concludedOn"]!));

        var before = await ReportAsync(desk.Office, 2026, desk.Agency);
        Assert.Equal((0, 1, 2), Classes(before));
        Assert.Equal(3, Concluded(before));
        Assert.Equal([(string)cases[0]["caseNumber"]!, (string)cases[2]["caseNumber"]!],
            (await CellCasesAsync(desk.Office, 2026, desk.Agency, "ConcludedLate")).Select(c => (string)c!["caseNumber"]!));

        // the late case's review ends in 纠正 ordering a new reply; the round is answered within its own deadline
        Today(2026, 4, 20);
        late = await desk.Officer.DoAsync(late, "recordProceeding", """{"kind":"Review","body":"市人民政府","filedOn":"2026-04-20","copyReceivedOn":"2026-04-20"}""");
        Today(2026, 5, 6);
        late = await desk.Office.DoAsync(late, "recordProceedingResult", """{"proceedingId":1,"result":"Corrected","decidedOn":"2026-05-06","orderedReply":true}""");
        Assert.Equal(2, (int)late["round"]!);
        Today(2026, 5, 8);
        late = await Reply(late, "2026-05-08");
        Assert.Equal("2026-03-19", (string?)late["concludedOn"]);
        Assert.Equal("2026-05-08", (string?)late["details"]!["rounds"]![0]!["concludedOn"]);
        // the deadline stored on the case is still the first reply's: the round has its own
        var lateAfter = await CellCasesAsync(desk.Office, 2026, desk.Agency, "ConcludedLate");
        Assert.Equal(["2026-03-18", "2026-04-16"], lateAfter.Select(c => (string)c!["replyDueOn"]!));

        var after = await ReportAsync(desk.Office, 2026, desk.Agency);
        Assert.Equal((0, 1, 2), Classes(after));
        Assert.Equal(before["extras"]!.ToJsonString(), after["extras"]!.ToJsonString());
        Assert.Equal(before["table3"]!.ToJsonString(), after["table3"]!.ToJsonString());
        Assert.All(after["checks"]!.AsArray(), c => Assert.True((bool)c!["passed"]!, c.ToJsonString()));
    }

    /// <summary>The lock hashes what it hashed before the older indicators grew (table 三, table 四, fees — not extras):
    /// the hash is the SHA-256 of exactly that JSON, written here by hand, so a report locked before 逾期办结数 existed
    /// still verifies. A lock made through the API verifies against the recomputed report.</summary>
    [Fact]
    public async Task A_lock_hashes_the_same_figures_as_before_so_older_locks_still_verify()
    {
        Today(2026, 12, 1);
        var agency = $"ccl-{Guid.NewGuid():N}"[..12];
        await app.EnsureAgencyAsync(agency);
        var office = await app.SignedInAsync($"{agency}-office", "Office", agency);
        await (await office.PostAsync($"/api/import/ledger?agency={agency}", new StringContent(
            Header + "\nL-1,自然人,甲,当面,2026-02-12,x,予以公开,2026-03-19,否,,", Encoding.UTF8, "text/csv"))).ReadJsonAsync();
        var lockView = await (await office.PostAsync($"/api/reports/annual/2026/lock?agency={agency}", null)).ReadJsonAsync();

        string Row(string key) => key switch
        {
            "New" or "Disclosed" or "ConcludedTotal" => "[1,0,0,0,0,0,1]",
            _ => "[0,0,0,0,0,0,0]",
        };
        var rows = string.Join(",", Domain.Reports.ReportKeys.Table3Rows.Select(k => $"\"{k}\":{Row(k)}"));
        const string group = """{"Upheld":0,"Corrected":0,"Other":0,"Pending":0,"Total":0}""";
        var figuresJson = "{\"table3\":{" + rows + "},\"table4\":{\"Review\":" + group + ",\"LawsuitDirect\":" + group + ",\"LawsuitAfterReview\":" + group
            + "},\"fees\":{\"notices\":0,\"notifiedYuan\":0,\"collectedYuan\":0}}";
        var handHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(figuresJson))).ToLowerInvariant();
        Assert.Equal(handHash, (string?)lockView["hash"]);

        await app.WithDbAsync(async db =>
        {
            var stored = db.ReportLocks.Single(l => l.AgencyCode == agency && l.Year == 2026 && l.UnlockedAtUtc == null);
            Assert.Equal(figuresJson, stored.FiguresJson);
            var codes = await AnnualReportQuery.ScopeAsync(agency, false, null, db, default);
            var report = await AnnualReportQuery.ComputeAsync(db, 2026, agency, false, codes, default);
            Assert.Equal(1, report.Extras.ConcludedLate); // the new figure exists, outside the hash
            Assert.Equal(stored.Hash, AnnualReportQuery.Hash(AnnualReportQuery.Figures(report)));
        });
    }
}
