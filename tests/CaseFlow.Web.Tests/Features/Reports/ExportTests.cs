using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CaseFlow.Domain.Reports;
using CaseFlow.Web.Hosting;
using CaseFlow.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using S = DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace CaseFlow.Web.Tests.Features.Reports;

/// <summary>
/// GET /api/reports/annual/{year}/export.xlsx|docx and the <c>report</c> verb: a small ledger imported through the API,
/// counted by hand below, read back from the files (labels, merged cells, figures) in the layout of the national
/// template (国办公开办函〔2021〕30号), and compared with the JSON report.
/// </summary>
[Trait("TimeZone", "Sensitive")]
public abstract class ExportTests(CaseFlowApp app) : IAsyncLifetime
{
    public sealed class OnSqlite(SqliteApp app) : ExportTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : ExportTests(app), IClassFixture<PostgresApp>;

    private const string Agency = "furong";
    private const string Child = "furong-jy";
    private const string AgencyName = "长沙市芙蓉区人民政府";
    private const string Title = "长沙市芙蓉区人民政府2023年度政府信息公开工作年度报告（统计表）";

    private HttpClient _office = null!;

    // 2022-102 is concluded in 2022 (counted nowhere in 2023), 2023-011 concludes in 2024 (new and carried out in
    // 2023), 2024-001 is next year's. 危及"三安全一稳定" is written with straight quotes on purpose.
    private const string Ledger = """"
        case_no,applicant_kind,applicant_name,channel,received_on,summary,outcome,concluded_on,extended,fee_notified_yuan,fee_paid_yuan
        2022-101,自然人,李四,当面,2022-12-20,去年的申请,予以公开,2023-01-10,否,,
        2022-102,商业企业,某公司,网络,2022-12-25,去年办结,予以公开,2022-12-28,否,,
        2023-001,自然人,张三,当面,2023-03-01,某文件,予以公开,2023-03-10,否,,
        2023-002,自然人,王五,网络,2023-04-01,某规划,部分公开,2023-04-20,是,,
        2023-003,自然人,赵六,网络,2023-05-01,某合同,本机关不掌握相关政府信息,2023-05-15,否,,
        2023-004,商业企业,甲公司,邮寄,2023-06-01,某图纸,属于国家秘密,2023-06-20,否,,
        2023-005,商业企业,乙公司,网络,2023-07-01,某预案,"危及""三安全一稳定""",2023-07-20,否,,
        2023-006,科研机构,某研究所,电子邮件,2023-08-01,某数据,重复申请,2023-08-10,否,,
        2023-007,社会公益组织,某基金会,网络,2023-09-01,大量档案,申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请,2023-10-30,否,200,
        2023-008,法律服务机构,某律所,传真,2023-10-01,某案卷,其他,2023-10-05,否,,
        2023-009,其他,某协会,网络,2023-12-20,某名单,,,否,,
        2023-010,自然人,孙七,网络,2023-12-28,某通知,,,否,,
        2023-011,自然人,周八,网络,2023-12-30,某批复,予以公开,2024-01-05,否,,
        2024-001,自然人,吴九,网络,2024-01-02,明年的申请,,,否,,
        """";

    // Filed in 2023 and counted: 004 review 维持, 005 review 纠正, 003 review pending, 006 lawsuit decided in 2024
    // (尚未审结 on 31 December), 004 lawsuit after review 维持, 2022-101 lawsuit 纠正. Not counted: filed 2024 or 2022.
    private const string Proceedings = """
        case_no,kind,filed_on,result,decided_on
        2023-004,行政复议,2023-07-01,维持,2023-08-30
        2023-005,行政复议,2023-08-01,纠正,2023-09-30
        2023-003,行政复议,2023-11-01,,
        2023-006,行政诉讼,2023-09-01,其他,2024-02-01
        2023-004,复议后起诉,2023-09-15,维持,2023-12-15
        2022-101,行政诉讼,2023-03-01,纠正,2023-06-01
        2023-002,行政复议,2024-01-10,,
        2022-102,行政复议,2022-12-29,维持,2023-02-01
        """;

    private const string Table2Json = """
        {"regulations":{"issued":1,"repealed":0,"inForce":5},"normativeDocuments":{"issued":3,"repealed":1,"inForce":12},
         "licensingDecisions":120,"penaltyDecisions":45,"enforcementDecisions":6,"feesTenThousandYuan":1.25}
        """;

    /// <summary>Table 三 for furong 2023, counted by hand: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计.</summary>
    private static readonly Dictionary<string, int[]> Table3 = HandCountedTable3();

    private static Dictionary<string, int[]> HandCountedTable3()
    {
        var rows = ReportKeys.Table3Rows.ToDictionary(r => r, _ => new int[7]);
        rows["New"] = [5, 2, 1, 1, 1, 1, 11]; // 2023-001…003, 010, 011 | 004, 005 | 006 | 007 | 008 | 009
        rows["CarriedIn"] = [1, 0, 0, 0, 0, 0, 1]; // 2022-101
        rows["Disclosed"] = [2, 0, 0, 0, 0, 0, 2]; // 2022-101, 2023-001
        rows["PartlyDisclosed"] = [1, 0, 0, 0, 0, 0, 1];
        rows["Withheld.StateSecret"] = [0, 1, 0, 0, 0, 0, 1];
        rows["Withheld.Security"] = [0, 1, 0, 0, 0, 0, 1];
        rows["Unavailable.NotHeld"] = [1, 0, 0, 0, 0, 0, 1];
        rows["NotProcessed.Repeated"] = [0, 0, 1, 0, 0, 0, 1];
        rows["Other.FeeUnpaid"] = [0, 0, 0, 1, 0, 0, 1];
        rows["Other.Other"] = [0, 0, 0, 0, 1, 0, 1];
        rows["ConcludedTotal"] = [4, 2, 1, 1, 1, 0, 9];
        rows["CarriedOut"] = [2, 0, 0, 0, 0, 1, 3]; // 2023-010, 011 | 009
        return rows;
    }

    /// <summary>Table 四 by hand: 行政复议, 直接起诉, 复议后起诉 × 结果维持, 结果纠正, 其他结果, 尚未审结, 总计.</summary>
    private static readonly int[][] Table4 = [[1, 1, 0, 1, 3], [0, 1, 0, 1, 2], [1, 0, 0, 0, 1]];

    /// <summary>The row labels of table 三 in reading order, exactly as printed on the template.</summary>
    private static readonly string[] Table3Labels =
    [
        "一、本年新收政府信息公开申请数量",
        "二、上年结转政府信息公开申请数量",
        "三、本年度办理结果",
        "（一）予以公开",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "（三）不予公开",
        "1.属于国家秘密",
        "2.其他法律行政法规禁止公开",
        "3.危及“三安全一稳定”",
        "4.保护第三方合法权益",
        "5.属于三类内部事务信息",
        "6.属于四类过程性信息",
        "7.属于行政执法案卷",
        "8.属于行政查询事项",
        "（四）无法提供",
        "1.本机关不掌握相关政府信息",
        "2.没有现成信息需要另行制作",
        "3.补正后申请内容仍不明确",
        "（五）不予处理",
        "1.信访举报投诉类申请",
        "2.重复申请",
        "3.要求提供公开出版物",
        "4.无正当理由大量反复申请",
        "5.要求行政机关确认或重新出具已获取信息",
        "（六）其他处理",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "3.其他",
        "（七）总计",
        "四、结转下年度继续办理",
    ];

    public async Task InitializeAsync()
    {
        await app.EnsureAgencyAsync(Agency);
        await app.EnsureAgencyAsync(Child, Agency);
        _office = await app.SignedInAsync("office-export", "Office", Agency);
        var seeded = false;
        await app.WithDbAsync(async db =>
        {
            seeded = await db.Cases.AnyAsync(c => c.AgencyCode == Agency);
            if (!seeded)
            {
                var agency = await db.Agencies.SingleAsync(a => a.Code == Agency);
                agency.Name = AgencyName;
                await db.SaveChangesAsync();
            }
        });
        if (seeded) return;
        await ImportAsync($"/api/import/ledger?agency={Agency}", Ledger);
        await ImportAsync($"/api/import/proceedings?agency={Agency}", Proceedings);
        await (await _office.PutJsonAsync($"/api/reports/annual/2023/table2?agency={Agency}", Table2Json)).ReadJsonAsync();
        // one case of a subordinate department: only in the report with subordinates
        await ImportAsync($"/api/import/ledger?agency={Child}", """
            case_no,applicant_kind,applicant_name,channel,received_on,summary,outcome,concluded_on,extended,fee_notified_yuan,fee_paid_yuan
            2023-001,自然人,郑十,网络,2023-05-05,某项目,予以公开,2023-05-20,否,,
            """);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task ImportAsync(string url, string csv)
    {
        var response = await _office.PostAsync(url, new StringContent(csv.Replace("\r\n", "\n", StringComparison.Ordinal), Encoding.UTF8, "text/csv"));
        await response.ReadJsonAsync();
    }

    private async Task<JsonObject> JsonReportAsync(string query = "") =>
        await (await _office.GetAsync($"/api/reports/annual/2023?agency={Agency}{query}")).ReadJsonAsync();

    // ---- the tests ----------------------------------------------------------------------------------------

    [Fact]
    public async Task The_JSON_report_matches_the_hand_counts()
    {
        var json = await JsonReportAsync();

        AssertJsonMatchesHandCounts(json);
        Assert.All(json["checks"]!.AsArray(), c => Assert.True((bool)c!["passed"]!, c!.ToJsonString()));
    }

    [Fact]
    public async Task Xlsx_export_is_valid_and_has_the_template_layout_and_the_figures()
    {
        var response = await _office.GetAsync($"/api/reports/annual/2023/export.xlsx?agency={Agency}");
        await AssertFileResponse(response, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "furong-2023-annual-report.xlsx", ".xlsx");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        var doc = ReadXlsx(bytes, out var sheetNames);

        Assert.Equal(["表二", "表三", "表四", "六、信息处理费", "其他统计指标"], sheetNames);
        AssertTemplate(doc, numeric: true);
        AssertJsonMatchesHandCounts(await JsonReportAsync());
        AssertXlsxFormatting(bytes);
    }

    [Fact]
    public async Task Docx_export_is_valid_and_has_the_template_layout_and_the_figures()
    {
        var response = await _office.GetAsync($"/api/reports/annual/2023/export.docx?agency={Agency}");
        await AssertFileResponse(response, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "furong-2023-annual-report.docx", ".docx");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        AssertTemplate(ReadDocx(bytes), numeric: false);
        AssertDocxFormatting(bytes);
    }

    /// <summary>2022 has no fee notice and no payment: section 六 says "未收取信息处理费。" in both files, as the page does.
    /// Its one case concluded in 2022 (2022-102, received 12-25, concluded 12-28) was on time.</summary>
    [Fact]
    public async Task A_year_without_fees_says_no_fee_was_charged_in_both_exports()
    {
        var json = await (await _office.GetAsync($"/api/reports/annual/2022?agency={Agency}")).ReadJsonAsync();
        Assert.Equal(0, (int)json["fees"]!["notices"]!);
        Assert.Equal((1, 0, 0), ((int)json["extras"]!["concludedOnTime"]!, (int)json["extras"]!["concludedAfterExtension"]!, (int)json["extras"]!["concludedLate"]!));
        var xlsx = ReadXlsx(await (await _office.GetAsync($"/api/reports/annual/2022/export.xlsx?agency={Agency}")).Content.ReadAsByteArrayAsync(), out _);
        var docx = ReadDocx(await (await _office.GetAsync($"/api/reports/annual/2022/export.docx?agency={Agency}")).Content.ReadAsByteArrayAsync());
        foreach (var doc in new[] { xlsx, docx })
        {
            var fees = doc.Tables.Single(t => t.Heading == "六、信息处理费");
            Assert.Equal(["未收取信息处理费。"], fees.Notes);
            Assert.Equal(["0", "0", "0"], Enumerable.Range(1, 3).Select(r => fees.At(r, 1).Text));
            Assert.Equal("1", doc.Tables.Single(t => t.Heading == "附：其他统计指标").At(9, 1).Text);
        }
    }

    [Fact]
    public async Task Export_with_subordinates_adds_the_departments()
    {
        var json = await JsonReportAsync("&subordinates=true");
        Assert.Equal([6, 2, 1, 1, 1, 1, 12], Ints(json["table3"]!["rows"]!["New"]));

        var response = await _office.GetAsync($"/api/reports/annual/2023/export.xlsx?agency={Agency}&subordinates=true");
        await AssertFileResponse(response, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "furong-2023-annual-report-with-subordinates.xlsx", ".xlsx");
        var doc = ReadXlsx(await response.Content.ReadAsByteArrayAsync(), out _);
        var table3 = doc.Tables[1];
        Assert.Equal(["6", "2", "1", "1", "1", "1", "12"], Enumerable.Range(3, 7).Select(c => table3.At(3, c).Text));
        Assert.Equal(["3", "0", "0", "0", "0", "0", "3"], Enumerable.Range(3, 7).Select(c => table3.At(5, c).Text)); // （一）予以公开
    }

    [Fact]
    public async Task Export_needs_a_report_role_and_a_visible_agency()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync($"/api/reports/annual/2023/export.xlsx?agency={Agency}")).StatusCode);
        var officer = await app.SignedInAsync("officer-export", "Officer", Agency);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync($"/api/reports/annual/2023/export.docx?agency={Agency}")).StatusCode);
        var childOffice = await app.SignedInAsync("office-export-child", "Office", Child);
        await (await childOffice.GetAsync($"/api/reports/annual/2023/export.xlsx?agency={Agency}")).ReadProblemAsync(HttpStatusCode.Forbidden);
        var missing = await (await _office.GetAsync("/api/reports/annual/2023/export.xlsx")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(missing.FieldErrors("agency"));
        await (await _office.GetAsync("/api/reports/annual/2023/export.docx?agency=nowhere")).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_report_that_fails_its_checks_is_not_exported()
    {
        const string broken = "broken";
        var office = await app.SignedInAsync("office-broken", "Office", broken);
        var imported = false;
        await app.WithDbAsync(async db => imported = await db.Cases.AnyAsync(c => c.AgencyCode == broken));
        if (!imported)
        {
            var response = await office.PostAsync($"/api/import/ledger?agency={broken}", new StringContent("""
                case_no,applicant_kind,applicant_name,channel,received_on,summary,outcome,concluded_on,extended,fee_notified_yuan,fee_paid_yuan
                2023-001,自然人,张三,当面,2023-03-01,某文件,予以公开,2023-03-10,否,,
                """, Encoding.UTF8, "text/csv"));
            await response.ReadJsonAsync();
            await app.WithDbAsync(db => db.Cases.Where(c => c.AgencyCode == broken).ExecuteUpdateAsync(s => s.SetProperty(c => c.Outcome, "NoSuchOutcome")));
        }

        var problem = await (await office.GetAsync($"/api/reports/annual/2023/export.xlsx?agency={broken}")).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("办结案件的办理结果有效", (string?)problem["detail"]);
    }

    [Fact]
    public async Task Report_verb_writes_json_xlsx_and_docx()
    {
        var verb = CommandLine.Verbs.Single(v => v.Name == "report");
        var dir = Directory.CreateTempSubdirectory("caseflow-report-");
        try
        {
            var json = Path.Combine(dir.FullName, "report.json");
            var xlsx = Path.Combine(dir.FullName, "report.xlsx");
            var docx = Path.Combine(dir.FullName, "报告.bin");
            Assert.Equal(0, await verb.RunAsync(app.Services, ["--year", "2023", "--agency", Agency, "--out", json]));
            Assert.Equal(0, await verb.RunAsync(app.Services, ["--year", "2023", "--agency", Agency, "--out", xlsx]));
            Assert.Equal(0, await verb.RunAsync(app.Services, ["--year", "2023", "--agency", Agency, "--format", "docx", "--out", docx]));
            Assert.Equal(2, await verb.RunAsync(app.Services, ["--year", "2023", "--agency", Agency, "--format", "pdf", "--out", Path.Combine(dir.FullName, "x.pdf")]));

            AssertJsonMatchesHandCounts(JsonNode.Parse(await File.ReadAllTextAsync(json))!.AsObject());
            AssertTemplate(ReadXlsx(await File.ReadAllBytesAsync(xlsx), out _), numeric: true);
            AssertTemplate(ReadDocx(await File.ReadAllBytesAsync(docx)), numeric: false);
            Assert.False(File.Exists(Path.Combine(dir.FullName, "x.pdf")));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    // ---- expectations -------------------------------------------------------------------------------------

    private static void AssertJsonMatchesHandCounts(JsonObject json)
    {
        var rows = json["table3"]!["rows"]!.AsObject();
        Assert.Equal(ReportKeys.Table3Rows, rows.Select(r => r.Key));
        foreach (var key in ReportKeys.Table3Rows) Assert.True(Table3[key].SequenceEqual(Ints(rows[key])), $"table 三 row {key}: {rows[key]!.ToJsonString()}");
        for (var g = 0; g < 3; g++)
        {
            var group = json["table4"]![ReportKeys.Table4Groups[g]]!.AsObject();
            Assert.Equal(Table4[g], ReportKeys.Table4Results.Select(r => (int)group[r]!));
        }
        var t2 = json["table2"]!;
        Assert.Equal(1, (int)t2["regulations"]!["issued"]!);
        Assert.Equal(12, (int)t2["normativeDocuments"]!["inForce"]!);
        Assert.Equal(1.25m, (decimal)t2["feesTenThousandYuan"]!);
    }

    private static int[] Ints(JsonNode? array) => [.. array!.AsArray().Select(n => (int)n!)];

    private static string N(decimal n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>The three tables cell by cell (corner cells of merged ranges with their spans), in both formats.</summary>
    private static void AssertTemplate(ReadDocument doc, bool numeric)
    {
        Assert.Equal(Title, doc.Title);
        Assert.Equal(["二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况", "六、信息处理费", "附：其他统计指标"],
            doc.Tables.Select(t => t.Heading));
        Assert.All(doc.Tables.Take(3), t => Assert.Empty(t.Notes));

        // 表二
        var t2 = new List<ReadCell>();
        void Section(int row, string text) => t2.Add(new(row, 0, 1, 4, text, false));
        void Head(int row, params string[] texts)
        {
            t2.Add(new(row, 0, 1, 1, "信息内容", false));
            if (texts.Length == 1) t2.Add(new(row, 1, 1, 3, texts[0], false));
            else for (var i = 0; i < texts.Length; i++) t2.Add(new(row, 1 + i, 1, 1, texts[i], false));
        }
        void Line(int row, string label, params decimal[] numbers)
        {
            t2.Add(new(row, 0, 1, 1, label, false));
            if (numbers.Length == 1) t2.Add(new(row, 1, 1, 3, N(numbers[0]), numeric));
            else for (var i = 0; i < numbers.Length; i++) t2.Add(new(row, 1 + i, 1, 1, N(numbers[i]), numeric));
        }
        Section(0, "第二十条第（一）项");
        Head(1, "本年制发件数", "本年废止件数", "现行有效件数");
        Line(2, "规章", 1, 0, 5);
        Line(3, "行政规范性文件", 3, 1, 12);
        Section(4, "第二十条第（五）项");
        Head(5, "本年处理决定数量");
        Line(6, "行政许可", 120);
        Section(7, "第二十条第（六）项");
        Head(8, "本年处理决定数量");
        Line(9, "行政处罚", 45);
        Line(10, "行政强制", 6);
        Section(11, "第二十条第（八）项");
        Head(12, "本年收费金额（单位：万元）");
        Line(13, "行政事业性收费", 1.25m);
        AssertCells(t2, doc.Tables[0], "表二");

        // 表三
        var t3 = new List<ReadCell>
        {
            new(0, 0, 3, 3, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", false),
            new(0, 3, 1, 7, "申请人情况", false),
            new(1, 3, 2, 1, "自然人", false),
            new(1, 4, 1, 5, "法人或其他组织", false),
            new(1, 9, 2, 1, "总计", false),
            new(2, 4, 1, 1, "商业企业", false),
            new(2, 5, 1, 1, "科研机构", false),
            new(2, 6, 1, 1, "社会公益组织", false),
            new(2, 7, 1, 1, "法律服务机构", false),
            new(2, 8, 1, 1, "其他", false),
            new(3, 0, 1, 3, Table3Labels[0], false),
            new(4, 0, 1, 3, Table3Labels[1], false),
            new(5, 0, 22, 1, Table3Labels[2], false),
            new(5, 1, 1, 2, Table3Labels[3], false),
            new(6, 1, 1, 2, Table3Labels[4], false),
            new(7, 1, 8, 1, Table3Labels[5], false),
            new(15, 1, 3, 1, Table3Labels[14], false),
            new(18, 1, 5, 1, Table3Labels[18], false),
            new(23, 1, 3, 1, Table3Labels[24], false),
            new(26, 1, 1, 2, Table3Labels[28], false),
            new(27, 0, 1, 3, Table3Labels[29], false),
        };
        foreach (var (row, label) in new[] { (7, 6), (15, 15), (18, 19), (23, 25) })
        {
            var count = row switch { 7 => 8, 15 => 3, 18 => 5, _ => 3 };
            for (var i = 0; i < count; i++) t3.Add(new(row + i, 2, 1, 1, Table3Labels[label + i], false));
        }
        for (var i = 0; i < ReportKeys.Table3Rows.Count; i++)
            for (var c = 0; c < 7; c++)
                t3.Add(new(3 + i, 3 + c, 1, 1, N(Table3[ReportKeys.Table3Rows[i]][c]), numeric));
        AssertCells(t3, doc.Tables[1], "表三");
        Assert.Equal(Table3Labels, doc.Tables[1].Cells.Where(c => c.Row >= 3 && c.Column < 3).OrderBy(c => c.Row).ThenBy(c => c.Column).Select(c => c.Text));

        // 表四
        var t4 = new List<ReadCell>
        {
            new(0, 0, 2, 5, "行政复议", false),
            new(0, 5, 1, 10, "行政诉讼", false),
            new(1, 5, 1, 5, "未经复议直接起诉", false),
            new(1, 10, 1, 5, "复议后起诉", false),
        };
        string[] results = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
        for (var g = 0; g < 3; g++)
            for (var r = 0; r < 5; r++)
            {
                t4.Add(new(2, g * 5 + r, 1, 1, results[r], false));
                t4.Add(new(3, g * 5 + r, 1, 1, N(Table4[g][r]), numeric));
            }
        AssertCells(t4, doc.Tables[2], "表四");

        // 六、信息处理费: 2023-007's fee of 200 yuan notified (on its conclusion date, 2023-10-30) and never paid
        AssertCells(
        [
            new(0, 0, 1, 1, "事项", false), new(0, 1, 1, 1, "本年数", false),
            new(1, 0, 1, 1, "本年发出收费通知（件）", false), new(1, 1, 1, 1, "1", numeric),
            new(2, 0, 1, 1, "通知收取金额（元）", false), new(2, 1, 1, 1, "200", numeric),
            new(3, 0, 1, 1, "实际收取金额（元）", false), new(3, 1, 1, 1, "0", numeric),
        ], doc.Tables[3], "六");
        Assert.Equal(["本年发出收费通知 1 件，通知金额 200 元，实际收取 0 元。"], doc.Tables[3].Notes);

        // 其他统计指标, counted by hand from the ledger (2023 calendar; imported cases have no pauses):
        // by channel: 2023-001 当面; 004 邮寄; 002, 003, 005, 007, 009, 010, 011 网络; 008 传真; 006 电子邮件.
        // 2022-101 received Tue 2022-12-20 is due 2023-01-10 (12-31…01-02 off) and concluded that day: on time; 2023-001,
        // 003, 004, 005, 006, 008 conclude within days: on time; 2023-002 was extended and concluded 04-20: after
        // extension; 2023-007 received Fri 09-01 was due Sat 10-07 (09-29…10-06 off, 10-07 a make-up working day) and
        // concluded 10-30 with no extension: late.
        AssertCells(
        [
            new(0, 0, 1, 1, "指标", false), new(0, 1, 1, 1, "本年数", false),
            new(1, 0, 1, 2, "本年新收申请，按收件渠道", false),
            new(2, 0, 1, 1, "当面", false), new(2, 1, 1, 1, "1", numeric),
            new(3, 0, 1, 1, "邮寄", false), new(3, 1, 1, 1, "1", numeric),
            new(4, 0, 1, 1, "平常信函", false), new(4, 1, 1, 1, "0", numeric),
            new(5, 0, 1, 1, "网络", false), new(5, 1, 1, 1, "7", numeric),
            new(6, 0, 1, 1, "传真", false), new(6, 1, 1, 1, "1", numeric),
            new(7, 0, 1, 1, "电子邮件", false), new(7, 1, 1, 1, "1", numeric),
            new(8, 0, 1, 2, "本年办结申请，按办理时限（按首次办结计算）", false),
            new(9, 0, 1, 1, "按时办结数", false), new(9, 1, 1, 1, "7", numeric),
            new(10, 0, 1, 1, "延期办结数", false), new(10, 1, 1, 1, "1", numeric),
            new(11, 0, 1, 1, "逾期办结数", false), new(11, 1, 1, 1, "1", numeric),
            new(12, 0, 1, 1, "合计（等于表三（七）总计）", false), new(12, 1, 1, 1, "9", numeric),
        ], doc.Tables[4], "其他统计指标");
        Assert.Contains("延期后仍逾期的计入逾期办结", Assert.Single(doc.Tables[4].Notes), StringComparison.Ordinal);
    }

    private static void AssertCells(List<ReadCell> expected, ReadTable actual, string name)
    {
        var want = expected.OrderBy(c => c.Row).ThenBy(c => c.Column).ToList();
        var got = actual.Cells.OrderBy(c => c.Row).ThenBy(c => c.Column).ToList();
        var missing = want.Except(got).ToList();
        var extra = got.Except(want).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"{name}: missing {string.Join("; ", missing)}\nunexpected {string.Join("; ", extra)}");
        Assert.Equal(want, got);
    }

    private static async Task AssertFileResponse(HttpResponseMessage response, string contentType, string fileName, string extension)
    {
        if (response.StatusCode != HttpStatusCode.OK) await response.ReadBodyAsync(HttpStatusCode.OK);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal(fileName, disposition.FileName?.Trim('"'));
        Assert.Equal(Title + extension, disposition.FileNameStar); // RFC 5987 filename*=UTF-8''…
    }

    // ---- formatting ---------------------------------------------------------------------------------------

    private static void AssertXlsxFormatting(byte[] bytes)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var stylesheet = doc.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var formats = stylesheet.CellFormats!.Elements<S.CellFormat>().ToList();
        var borders = stylesheet.Borders!.Elements<S.Border>().ToList();
        var fonts = stylesheet.Fonts!.Elements<S.Font>().ToList();
        Assert.Equal("宋体", fonts[0].GetFirstChild<S.FontName>()!.Val!.Value);
        foreach (var sheet in doc.WorkbookPart.Workbook.Sheets!.Elements<S.Sheet>())
        {
            var worksheet = ((WorksheetPart)doc.WorkbookPart.GetPartById(sheet.Id!)).Worksheet;
            var notes = worksheet.Descendants<S.Cell>().Where(c => RowOf(c.CellReference!) >= 3 && IsNote(doc.WorkbookPart, c)).ToList();
            Assert.All(notes, c => Assert.Equal("宋体", fonts[(int)formats[(int)c.StyleIndex!.Value].FontId!.Value].GetFirstChild<S.FontName>()!.Val!.Value));
            var noteRows = notes.Select(c => RowOf(c.CellReference!)).ToHashSet();
            var cells = worksheet.Descendants<S.Cell>().Where(c => RowOf(c.CellReference!) >= 3 && !noteRows.Contains(RowOf(c.CellReference!))).ToList();
            var width = worksheet.Descendants<S.Column>().Count();
            var height = cells.Max(c => RowOf(c.CellReference!)) - 2;
            Assert.Equal(width * height, cells.Count); // every cell of the table is written, merged ones included
            foreach (var cell in cells)
            {
                var format = formats[(int)cell.StyleIndex!.Value];
                var border = borders[(int)format.BorderId!.Value];
                Assert.True(new S.BorderPropertiesType?[] { border.LeftBorder, border.RightBorder, border.TopBorder, border.BottomBorder }
                    .All(b => b?.Style?.Value == S.BorderStyleValues.Thin), $"{sheet.Name} {cell.CellReference} has no border");
                Assert.Equal("宋体", fonts[(int)format.FontId!.Value].GetFirstChild<S.FontName>()!.Val!.Value);
            }
        }
    }

    private static void AssertDocxFormatting(byte[] bytes)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var body = doc.MainDocumentPart!.Document.Body!;
        foreach (var table in body.Elements<W.Table>())
        {
            var tableBorders = table.GetFirstChild<W.TableProperties>()!.GetFirstChild<W.TableBorders>()!;
            Assert.Equal(6, tableBorders.ChildElements.Count);
            Assert.All(tableBorders.ChildElements.Cast<W.BorderType>(), b => Assert.Equal(W.BorderValues.Single, b.Val!.Value));
            Assert.All(table.Descendants<W.Run>(), r => Assert.Equal("宋体", r.RunProperties!.RunFonts!.EastAsia!.Value));
        }
        Assert.Equal("宋体", doc.MainDocumentPart.StyleDefinitionsPart!.Styles!.DocDefaults!.Descendants<W.RunFonts>().Single().EastAsia!.Value);
    }

    // ---- reading the files back ---------------------------------------------------------------------------

    /// <summary>A cell read back: the top-left corner of a merged range with its spans; <see cref="Numeric"/> for an
    /// xlsx number cell. Rows and columns count from the first row of the table (0).</summary>
    private sealed record ReadCell(int Row, int Column, int RowSpan, int ColumnSpan, string Text, bool Numeric);

    /// <param name="Notes">the sentences printed below the table (xlsx: borderless merged rows; docx: paragraphs).</param>
    private sealed record ReadTable(string Heading, IReadOnlyList<ReadCell> Cells, IReadOnlyList<string> Notes)
    {
        public ReadCell At(int row, int column) => Cells.Single(c => c.Row == row && c.Column == column);
    }

    private sealed record ReadDocument(string Title, IReadOnlyList<ReadTable> Tables);

    private static void AssertValid(OpenXmlPackage package)
    {
        var errors = new OpenXmlValidator().Validate(package).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")));
    }

    /// <summary>Every worksheet: A1 is the title, A2 the heading, the table starts in row 3.</summary>
    private static ReadDocument ReadXlsx(byte[] bytes, out List<string> sheetNames)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        AssertValid(doc);
        var workbook = doc.WorkbookPart!;
        var strings = workbook.SharedStringTablePart!.SharedStringTable.Elements<S.SharedStringItem>().Select(i => i.InnerText).ToList();
        var titles = new HashSet<string>();
        var tables = new List<ReadTable>();
        sheetNames = [];
        foreach (var sheet in workbook.Workbook.Sheets!.Elements<S.Sheet>())
        {
            sheetNames.Add(sheet.Name!);
            var worksheet = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet;
            var merges = worksheet.Descendants<S.MergeCell>().Select(m => m.Reference!.Value!.Split(':'))
                .ToDictionary(m => m[0], m => (Rows: RowOf(m[1]) - RowOf(m[0]) + 1, Columns: ColumnOf(m[1]) - ColumnOf(m[0]) + 1));
            string? heading = null;
            var cells = new List<ReadCell>();
            var notes = new List<string>();
            foreach (var cell in worksheet.Descendants<S.Cell>())
            {
                if (cell.CellValue is null) continue;
                var reference = cell.CellReference!.Value!;
                var isString = cell.DataType?.Value == S.CellValues.SharedString;
                var text = isString ? strings[int.Parse(cell.CellValue.Text, CultureInfo.InvariantCulture)] : cell.CellValue.Text;
                var (row, column) = (RowOf(reference), ColumnOf(reference));
                if (row == 1)
                {
                    Assert.Equal(worksheet.Descendants<S.Column>().Count(), merges[reference].Columns); // the title spans the table
                    titles.Add(text);
                    continue;
                }
                if (row == 2) { heading = text; continue; }
                if (IsNote(workbook, cell))
                {
                    Assert.Equal(worksheet.Descendants<S.Column>().Count(), merges[reference].Columns); // a note spans the table
                    Assert.True(cells.Count > 0 && row - 3 >= cells.Max(c => c.Row + c.RowSpan), $"{reference}: a note is below the table");
                    notes.Add(text);
                    continue;
                }
                var span = merges.TryGetValue(reference, out var m) ? m : (Rows: 1, Columns: 1);
                cells.Add(new ReadCell(row - 3, column, span.Rows, span.Columns, text, !isString && cell.DataType is null));
            }
            // a merged range always starts at a written cell
            var firstNoteRow = 3 + (cells.Count == 0 ? 0 : cells.Max(c => c.Row + c.RowSpan));
            Assert.All(merges.Keys.Where(k => RowOf(k) >= 3 && RowOf(k) < firstNoteRow), k => Assert.Contains(cells, c => c.Row == RowOf(k) - 3 && c.Column == ColumnOf(k)));
            tables.Add(new ReadTable(heading!, cells, notes));
        }
        return new ReadDocument(Assert.Single(titles), tables);
    }

    /// <summary>A cell below a table: written with a style that has no border (every table cell has one).</summary>
    private static bool IsNote(WorkbookPart workbook, S.Cell cell)
    {
        var format = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<S.CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0));
        return (format.BorderId?.Value ?? 0) == 0;
    }

    /// <summary>The first paragraph is the title; each table follows its heading paragraph. gridSpan and vMerge are
    /// turned back into spans.</summary>
    private static ReadDocument ReadDocx(byte[] bytes)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        AssertValid(doc);
        var body = doc.MainDocumentPart!.Document.Body!;
        var title = body.Elements<W.Paragraph>().First().InnerText;
        var tables = new List<ReadTable>();
        foreach (var table in body.Elements<W.Table>())
        {
            var heading = table.PreviousSibling<W.Paragraph>()!.InnerText;
            var gridColumns = table.GetFirstChild<W.TableGrid>()!.Elements<W.GridColumn>().Count();
            var cells = new List<ReadCell>();
            var r = 0;
            foreach (var row in table.Elements<W.TableRow>())
            {
                var column = 0;
                foreach (var tc in row.Elements<W.TableCell>())
                {
                    var span = tc.TableCellProperties?.GridSpan?.Val?.Value ?? 1;
                    var merge = tc.TableCellProperties?.VerticalMerge;
                    if (merge is not null && merge.Val?.Value != W.MergedCellValues.Restart)
                    {
                        var above = cells.Single(c => c.Column == column && c.Row + c.RowSpan == r);
                        Assert.Equal(above.ColumnSpan, span);
                        Assert.Equal("", tc.InnerText);
                        cells[cells.IndexOf(above)] = above with { RowSpan = above.RowSpan + 1 };
                    }
                    else
                    {
                        cells.Add(new ReadCell(r, column, 1, span, tc.InnerText, false));
                    }
                    column += span;
                }
                Assert.Equal(gridColumns, column);
                r++;
            }
            // the paragraphs after the table up to the next table's heading (or the empty paragraph that ends the body)
            var notes = table.ElementsAfter().TakeWhile(e => e is W.Paragraph && e.NextSibling() is not W.Table)
                .Select(e => e.InnerText).Where(t => t.Length > 0).ToList();
            tables.Add(new ReadTable(heading, cells, notes));
        }
        return new ReadDocument(title, tables);
    }

    private static int RowOf(string reference) => int.Parse(string.Concat(reference.SkipWhile(char.IsAsciiLetterUpper)), CultureInfo.InvariantCulture);

    private static int ColumnOf(string reference) =>
        reference.TakeWhile(char.IsAsciiLetterUpper).Aggregate(0, (n, ch) => n * 26 + ch - 'A' + 1) - 1;
}
