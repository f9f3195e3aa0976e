using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CaseFlow.Browser.Tests.Infrastructure;
using CaseFlow.Web.Tests.Infrastructure;
using CaseFlow.Workflows.Definitions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CaseFlow.Browser.Tests.Features.Reports;

/// <summary>
/// The office's annual report pages in Chromium against the real app. Each test has its own agency tree. The cases
/// are seeded through the ledger import of the API with dates written out by hand, and the figures of 2025 counted by
/// hand (domain.md §5):
/// dept-a: A-2024-01 自然人 received 2024-12-20 concluded 2025-01-06 予以公开 (二, 三(一));
///         A-2025-01 自然人 2025-01-15 → 2025-02-10 部分公开; A-2025-02 自然人 2025-03-03 → 2025-03-20 不掌握;
///         A-2025-03 商业企业 2025-03-10 → 2025-04-08 国家秘密; A-2025-04 自然人 received 2025-12-22, open (四);
/// dept-b: B-2025-01 自然人 2025-06-02 → 2025-06-20 予以公开; B-2025-02 法律服务机构 2025-07-01 → 2025-07-03 重复申请.
/// So for the city with its departments: 一 自然人 4 (A-2025-01, A-2025-02, A-2025-04, B-2025-01), 总计 6; 二 自然人 1;
/// 三(七) 6; 四 自然人 1; new applications by month: 1月 1, 3月 2, 6月 1, 7月 1, 12月 1.
/// One review of A-2025-01 filed 2025-03-01, upheld 2025-05-01: 表四 行政复议 结果维持 1.
/// </summary>
[Trait("TimeZone", "Sensitive")]
public sealed class AnnualReportPagesTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private CaseFlowApp App => browser.App;
    private readonly List<string> _csp = [];

    private const string Header = "case_no,applicant_kind,applicant_name,channel,received_on,summary,outcome,concluded_on,extended,fee_notified_yuan,fee_paid_yuan";

    private const string LedgerA = Header + "\n" +
        "A-2024-01,自然人,甲,当面,2024-12-20,某文件,予以公开,2025-01-06,否,,\n" +
        "A-2025-01,自然人,乙,网络,2025-01-15,某规划,部分公开,2025-02-10,否,,\n" +
        "A-2025-02,自然人,丙,当面,2025-03-03,某预算,本机关不掌握相关政府信息,2025-03-20,否,,\n" +
        "A-2025-03,商业企业,丁公司,邮寄,2025-03-10,某批复,属于国家秘密,2025-04-08,否,,\n" +
        "A-2025-04,自然人,戊,电子邮件,2025-12-22,某数据,,,否,,\n";

    private const string LedgerB = Header + "\n" +
        "B-2025-01,自然人,己,当面,2025-06-02,某合同,予以公开,2025-06-20,否,,\n" +
        "B-2025-02,法律服务机构,庚律师事务所,传真,2025-07-01,某案卷,重复申请,2025-07-03,否,,\n";

    /// <summary>The office of <paramref name="city"/> with departments <c>{city}-a</c> and <c>{city}-b</c>, the ledgers
    /// imported through the API, and a browser signed in as the office.</summary>
    private async Task<IPage> OfficeWithCasesAsync(string city, bool withCases = true)
    {
        App.Clock.SetChinaTime(new DateOnly(2026, 1, 12), new TimeOnly(9, 0));
        await App.EnsureAgencyAsync(city);
        await App.EnsureAgencyAsync(city + "-a", city);
        await App.EnsureAgencyAsync(city + "-b", city);
        var api = await App.SignedInAsync("office-" + city, Roles.Office, city);
        if (withCases)
        {
            await Import(api, $"/api/import/ledger?agency={city}-a", LedgerA);
            await Import(api, $"/api/import/ledger?agency={city}-b", LedgerB);
            await Import(api, $"/api/import/proceedings?agency={city}-a", "case_no,kind,filed_on,result,decided_on\nA-2025-01,行政复议,2025-03-01,维持,2025-05-01\n");
        }
        var page = await browser.NewPageAsync(_csp);
        await page.GoAsync("/");
        await page.LogInAsync("office-" + city);
        Assert.EndsWith("/supervision", page.Url);
        return page;
    }

    private static async Task Import(HttpClient api, string url, string csv) =>
        await (await api.PostAsync(url, new StringContent(csv, Encoding.UTF8, "text/csv"))).ReadJsonAsync();

    private static ILocator Cell(IPage page, string row, string column) => page.Locator($"td[data-row='{row}'][data-column='{column}']");

    [Fact]
    public async Task Office_opens_the_report_follows_a_figure_to_its_cases_and_downloads_the_xlsx()
    {
        var page = await OfficeWithCasesAsync("rpt");
        await page.GetByRole(AriaRole.Link, new() { Name = "年度报告", Exact = true }).ClickAsync();
        // The clock is in January 2026: the form proposes 2025 and the office's own agency.
        Assert.Equal("2025", await page.GetByLabel("年度", new() { Exact = true }).InputValueAsync());
        Assert.Equal("rpt", await page.GetByLabel("机关", new() { Exact = true }).InputValueAsync());
        await page.GetByLabel("包含下级机关（汇总）").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "查看报告" }).ClickAsync();
        await page.WaitForLoadStateAsync();
        Assert.EndsWith("/reports/annual?year=2025&agency=rpt&subordinates=true", page.Url);
        Assert.Contains("测试机关 rpt2025年度政府信息公开工作年度报告（统计表）（含下级机关汇总）", await page.InnerTextAsync(".report-title"));

        // Table 三 as counted by hand.
        Assert.Equal("4", (await Cell(page, "New", "NaturalPerson").InnerTextAsync()).Trim());
        Assert.Equal("1", (await Cell(page, "New", "Business").InnerTextAsync()).Trim());
        Assert.Equal("1", (await Cell(page, "New", "LegalService").InnerTextAsync()).Trim());
        Assert.Equal("6", (await Cell(page, "New", "Total").InnerTextAsync()).Trim());
        Assert.Equal("1", (await Cell(page, "CarriedIn", "NaturalPerson").InnerTextAsync()).Trim());
        Assert.Equal("2", (await Cell(page, "Disclosed", "NaturalPerson").InnerTextAsync()).Trim());
        Assert.Equal("1", (await Cell(page, "Withheld.StateSecret", "Business").InnerTextAsync()).Trim());
        Assert.Equal("6", (await Cell(page, "ConcludedTotal", "Total").InnerTextAsync()).Trim());
        Assert.Equal("1", (await Cell(page, "CarriedOut", "Total").InnerTextAsync()).Trim());
        Assert.Equal("1", (await Cell(page, "Review", "Upheld").InnerTextAsync()).Trim());
        Assert.Equal(25 * 7, await page.Locator("table.report-t3 td[data-row]").CountAsync());
        Assert.Equal(15, await page.Locator("table.report-t4 td[data-row]").CountAsync());
        // Laid out like the national form: the column groups and the row labels of the printed table.
        var head = await page.InnerTextAsync("table.report-t3 thead");
        foreach (var label in new[] { "申请人情况", "自然人", "法人或其他组织", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计" })
            Assert.Contains(label, head);
        Assert.Contains("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", head);
        var body = await page.InnerTextAsync("table.report-t3 tbody");
        foreach (var label in new[] { "一、本年新收政府信息公开申请数量", "（三）不予公开", "1.属于国家秘密", "（七）总计", "四、结转下年度继续办理" })
            Assert.Contains(label, body);

        // The checks, in Chinese, all passed.
        Assert.Contains("全部 ", await page.InnerTextAsync(".check-summary"));
        Assert.Equal(0, await page.Locator(".checks li.check-fail").CountAsync());
        Assert.Contains("二 = 2024 年四（上年结转）", await page.Locator(".checks").TextContentAsync());
        Assert.Equal(14, await page.Locator(".checks li.check-pass").CountAsync());

        // Charts drawn on the server, with their figures as text.
        var months = page.Locator("svg#chart-months");
        Assert.Equal("2025年各月新收和办结的申请", (await months.Locator("title").First.TextContentAsync())?.Trim());
        var desc = await months.Locator("desc").TextContentAsync();
        Assert.Contains("本年新收：1月 1件，2月 0件，3月 2件", desc);
        Assert.Contains("12月 1件", desc);
        Assert.Equal(3, await page.Locator("svg.chart[role=img]").CountAsync());
        Assert.Contains("测试机关 rpt-a 4件", await page.Locator("svg#chart-departments desc").TextContentAsync());
        await PageChecks.CheckAsync(page, "annual-report");

        // Every number links to its cases.
        await Cell(page, "New", "NaturalPerson").Locator("a").ClickAsync();
        await page.WaitForURLAsync(new Regex("/reports/annual/2025/cells/New/NaturalPerson\\?"));
        Assert.Contains("表三：一、本年新收政府信息公开申请数量", await page.InnerTextAsync("h1"));
        Assert.Equal("4", (await page.InnerTextAsync(".cell-count")).Trim());
        var numbers = (await page.Locator("table.cell-cases tbody th").AllInnerTextsAsync()).Select(t => t.Trim()).ToList();
        Assert.Equal(["A-2025-01", "A-2025-02", "B-2025-01", "A-2025-04"], numbers);
        await PageChecks.CheckAsync(page, "annual-report-cell");
        await page.GetByRole(AriaRole.Link, new() { Name = "B-2025-01" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/cases/\\d+$"));
        Assert.Contains("B-2025-01", await page.InnerTextAsync("h1"));
        await page.GoBackAsync();

        // A table-四 cell lists the case of its proceeding.
        await page.GoAsync("/reports/annual?year=2025&agency=rpt&subordinates=true");
        await Cell(page, "Review", "Upheld").Locator("a").ClickAsync();
        await page.WaitForURLAsync(new Regex("/cells/Review/Upheld"));
        Assert.Contains("表四：行政复议", await page.InnerTextAsync("h1"));
        Assert.Equal(["A-2025-01"], (await page.Locator("table.cell-cases tbody th").AllInnerTextsAsync()).Select(t => t.Trim()));

        // The .xlsx in one click: the national layout, 自然人 of row 一 in D6.
        await page.GoAsync("/reports/annual?year=2025&agency=rpt&subordinates=true");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "导出 Excel（.xlsx）" }).ClickAsync());
        // The Chinese name of Content-Disposition's filename*, e.g. "测试机关 rpt2025年度政府信息公开工作年度报告（统计表）.xlsx".
        Assert.Equal("测试机关 rpt2025年度政府信息公开工作年度报告（统计表）.xlsx", download.SuggestedFilename);
        var path = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(path!);
        Assert.True(bytes.Length > 1000, $"the .xlsx has only {bytes.Length} bytes");
        Assert.Equal("PK", Encoding.ASCII.GetString(bytes, 0, 2));
        using (var xlsx = SpreadsheetDocument.Open(new MemoryStream(bytes), false))
        {
            var book = xlsx.WorkbookPart!;
            var sheets = book.Workbook.Sheets!.Elements<Sheet>().ToList();
            Assert.Equal(["表二", "表三", "表四", "六、信息处理费", "其他统计指标"], sheets.Select(s => s.Name!.Value!));
            var table3 = (WorksheetPart)book.GetPartById(sheets[1].Id!);
            var d6 = table3.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().Single(c => c.CellReference == "D6");
            Assert.Equal("4", d6.CellValue!.Text);
            var j6 = table3.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().Single(c => c.CellReference == "J6");
            Assert.Equal("6", j6.CellValue!.Text);
        }
        var docx = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "导出 Word（.docx）" }).ClickAsync());
        Assert.EndsWith(".docx", docx.SuggestedFilename);
        Assert.True(new FileInfo((await docx.PathAsync())!).Length > 1000);
        Assert.Empty(_csp);
    }

    /// <summary>The older indicators on the rule book's worked example (domain.md §3, 2026): received Thu 2026-02-12, reply
    /// due 2026-03-18, with the full extension 2026-04-16. X-1 replied 03-18 (on time, and paid a fee of 20 yuan), X-2
    /// 03-19 (late), X-3 extended and replied 04-16 (extended), X-4 extended and replied 04-17 (late: late wins).</summary>
    [Fact]
    public async Task The_older_indicators_show_on_time_extended_and_late_and_list_the_late_cases()
    {
        App.Clock.SetChinaTime(new DateOnly(2026, 12, 1), new TimeOnly(9, 0));
        await App.EnsureAgencyAsync("rpx");
        var api = await App.SignedInAsync("office-rpx", Roles.Office, "rpx");
        await Import(api, "/api/import/ledger?agency=rpx", Header + "\n" +
            "X-1,自然人,甲,当面,2026-02-12,某文件,予以公开,2026-03-18,否,20,20\n" +
            "X-2,自然人,乙,网络,2026-02-12,某规划,予以公开,2026-03-19,否,,\n" +
            "X-3,商业企业,丙公司,网络,2026-02-12,某批复,予以公开,2026-04-16,是,,\n" +
            "X-4,商业企业,丁公司,邮寄,2026-02-12,某图纸,属于国家秘密,2026-04-17,是,,\n");
        var page = await browser.NewPageAsync(_csp);
        await page.GoAsync("/");
        await page.LogInAsync("office-rpx");
        await page.GoAsync("/reports/annual?year=2026&agency=rpx");

        Assert.Contains("本年发出收费通知 1 件，通知金额 20 元，实际收取 20 元。", await page.InnerTextAsync("#fees"));
        var extras = page.Locator("#extras");
        Assert.Contains("附：其他统计指标", await extras.Locator("h2").InnerTextAsync());
        Assert.Equal("1", (await Cell(page, "Extras", "ConcludedOnTime").InnerTextAsync()).Trim());
        Assert.Equal("1", (await Cell(page, "Extras", "ConcludedAfterExtension").InnerTextAsync()).Trim());
        Assert.Equal("2", (await Cell(page, "Extras", "ConcludedLate").InnerTextAsync()).Trim());
        Assert.Equal("2", (await Cell(page, "Extras", "Online").InnerTextAsync()).Trim());
        Assert.Equal("1", (await Cell(page, "Extras", "RegisteredPost").InnerTextAsync()).Trim());
        Assert.Contains("4", await extras.Locator("tr", new() { HasText = "合计（等于表三（七）总计）" }).InnerTextAsync());
        Assert.Equal("4", (await Cell(page, "ConcludedTotal", "Total").InnerTextAsync()).Trim());
        Assert.Contains("延期后仍逾期的计入逾期办结", await extras.InnerTextAsync());
        await PageChecks.CheckAsync(page, "annual-report-extras");

        await Cell(page, "Extras", "ConcludedLate").Locator("a").ClickAsync();
        await page.WaitForURLAsync(new Regex("/reports/annual/2026/cells/Extras/ConcludedLate\\?"));
        Assert.Contains("附：其他统计指标：逾期办结数", await page.InnerTextAsync("h1"));
        Assert.Equal("2", (await page.InnerTextAsync(".cell-count")).Trim());
        Assert.Equal(["X-2", "X-4"], (await page.Locator("table.cell-cases tbody th").AllInnerTextsAsync()).Select(t => t.Trim()));
        var rows = await page.Locator("table.cell-cases tbody tr").AllInnerTextsAsync();
        Assert.Contains("2026-03-18", rows[0]);
        Assert.Contains("未延期", rows[0]);
        Assert.Contains("2026-04-16", rows[1]);
        Assert.Contains("已延期", rows[1]);
        await PageChecks.CheckAsync(page, "annual-report-late-cases");
        await page.GetByRole(AriaRole.Link, new() { Name = "X-4" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/cases/\\d+$"));
        Assert.Contains("X-4", await page.InnerTextAsync("h1"));
        Assert.Empty(_csp);
    }

    [Fact]
    public async Task Table_2_keeps_what_was_typed_beside_a_bad_field_then_the_year_is_locked()
    {
        var page = await OfficeWithCasesAsync("lock");
        await page.GoAsync("/reports/annual?year=2025&agency=lock&subordinates=true");
        await page.GetByLabel("规章本年制发件数").FillAsync("2");
        await page.GetByLabel("规章本年废止件数").FillAsync("-1");
        await page.GetByLabel("规章现行有效件数").FillAsync("15");
        await page.GetByLabel("行政规范性文件本年制发件数").FillAsync("7");
        await page.GetByLabel("行政许可本年处理决定数量").FillAsync("1234");
        await page.GetByLabel("行政事业性收费本年收费金额（万元）").FillAsync("12.5");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存表二" }).ClickAsync();
        await page.WaitForLoadStateAsync();

        var field = page.Locator(".field", new() { Has = page.Locator("#t2-regulations-repealed") });
        Assert.Equal("规章本年废止件数不能为负数。", (await field.Locator(".field-error").InnerTextAsync()).Trim());
        Assert.Equal(1, await page.Locator(".table2-form .field-error").CountAsync());
        Assert.Equal("#t2-regulations-repealed", await page.Locator(".error-summary a").GetAttributeAsync("href"));
        Assert.Equal("true", await page.GetByLabel("规章本年废止件数").GetAttributeAsync("aria-invalid"));
        Assert.Equal("-1", await page.GetByLabel("规章本年废止件数").InputValueAsync());
        Assert.Equal("2", await page.GetByLabel("规章本年制发件数").InputValueAsync());
        Assert.Equal("15", await page.GetByLabel("规章现行有效件数").InputValueAsync());
        Assert.Equal("7", await page.GetByLabel("行政规范性文件本年制发件数").InputValueAsync());
        Assert.Equal("1234", await page.GetByLabel("行政许可本年处理决定数量").InputValueAsync());
        Assert.Equal("12.5", await page.GetByLabel("行政事业性收费本年收费金额（万元）").InputValueAsync());
        await PageChecks.CheckAsync(page, "annual-report-table2-errors");
        // Nothing was stored.
        Assert.Equal("0", (await page.Locator("table.report-t2 tbody tr").Nth(2).Locator("td").First.InnerTextAsync()).Trim());

        await page.GetByLabel("规章本年废止件数").FillAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存表二" }).ClickAsync();
        await page.WaitForLoadStateAsync();
        Assert.Contains("表二已保存。", await page.InnerTextAsync("main"));
        var regulations = await page.Locator("table.report-t2 tbody tr").Nth(2).Locator("th, td").AllInnerTextsAsync();
        Assert.Equal(["规章", "2", "1", "15"], regulations.Select(t => t.Trim()));
        Assert.Contains("12.5", await page.InnerTextAsync("table.report-t2"));

        // Locking asks for a confirmation first.
        await page.GetByRole(AriaRole.Button, new() { Name = "锁定年度报告" }).ClickAsync();
        await page.WaitForLoadStateAsync();
        var confirm = page.Locator(".field", new() { Has = page.Locator("#confirm") });
        Assert.Contains("请勾选确认后再锁定", await confirm.Locator(".field-error").InnerTextAsync());
        Assert.DoesNotContain("已锁定", await page.InnerTextAsync(".lock-state"));
        await page.GetByLabel("我已核对表二、表三、表四的数字，确认锁定 2025 年度报告").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "锁定年度报告" }).ClickAsync();
        await page.WaitForLoadStateAsync();
        Assert.Contains("年度报告已锁定。", await page.InnerTextAsync("main"));
        Assert.Contains("已锁定 由 office-lock 于 2026-01-12 09:00 锁定", await page.InnerTextAsync(".lock-state"));
        Assert.Equal(0, await page.Locator(".table2-form").CountAsync());
        Assert.Contains("表二不能修改", await page.InnerTextAsync("#table2"));
        await PageChecks.CheckAsync(page, "annual-report-locked");

        // The lock is the API's: a ledger line that would change 2025 is now refused.
        var api = await App.SignedInAsync("office-lock", Roles.Office, "lock");
        var refused = await api.PostAsync("/api/import/ledger?agency=lock-a",
            new StringContent(Header + "\nA-2025-09,自然人,辛,当面,2025-05-06,某文件,予以公开,2025-05-20,否,,\n", Encoding.UTF8, "text/csv"));
        await refused.ReadProblemAsync(HttpStatusCode.Conflict);

        // Unlocking needs a reason.
        await page.GetByRole(AriaRole.Button, new() { Name = "说明理由并解锁" }).ClickAsync();
        await page.WaitForLoadStateAsync();
        Assert.Contains("解锁须说明理由。", await page.Locator(".field", new() { Has = page.Locator("#unlockReason") }).InnerTextAsync());
        await page.GetByLabel("解锁理由").FillAsync("补录一件漏登的申请");
        await page.GetByRole(AriaRole.Button, new() { Name = "说明理由并解锁" }).ClickAsync();
        await page.WaitForLoadStateAsync();
        Assert.Contains("年度报告已解锁。", await page.InnerTextAsync("main"));
        Assert.Contains("尚未锁定", await page.InnerTextAsync(".lock-state"));
        Assert.Empty(_csp);
    }

    [Fact]
    public async Task The_ledger_import_lists_the_bad_rows_and_imports_nothing_until_the_file_is_right()
    {
        var page = await OfficeWithCasesAsync("imp", withCases: false);
        await page.GoAsync("/reports/annual?year=2025&agency=imp");
        await page.GetByRole(AriaRole.Link, new() { Name = "导入台账" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/reports/import$"));
        await page.GetByLabel("导入到机关").SelectOptionAsync("imp-a");
        var bad = Header + "\n" +
                  "I-2025-01,自然人,甲,当面,2025-02-03,某文件,予以公开,2025-02-20,否,,\n" +
                  "I-2025-02,自然人,乙,当面,2025-02-30,某文件,予以公开,2025-03-10,否,,\n" +
                  "I-2025-03,自然人,丙,当面,2025-03-03,某文件,全部公开,2025-03-10,否,,\n";
        await page.GetByLabel("台账文件（.csv 或 .xlsx，不超过 10 MB）").SetInputFilesAsync(new FilePayload { Name = "台账.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(bad) });
        await page.GetByRole(AriaRole.Button, new() { Name = "上传并导入" }).ClickAsync();
        await page.Locator(".import-errors").WaitForAsync();
        Assert.Contains("文件有 2 行出错，整个文件未导入", await page.InnerTextAsync(".import-errors h2"));
        var rows = page.Locator("table.row-errors tbody tr");
        Assert.Equal(2, await rows.CountAsync());
        var first = await rows.Nth(0).Locator("th, td").AllInnerTextsAsync();
        Assert.Equal("3", first[0].Trim());
        Assert.Equal("received_on（收到日期）", first[1].Trim());
        var second = await rows.Nth(1).Locator("th, td").AllInnerTextsAsync();
        Assert.Equal("4", second[0].Trim());
        Assert.Equal("outcome（办理结果）", second[1].Trim());
        Assert.Contains("全部公开", second[2]);
        await PageChecks.CheckAsync(page, "import-errors");
        // All or nothing: the good first line was not imported either.
        await page.GoAsync("/reports/annual?year=2025&agency=imp&subordinates=true");
        Assert.Equal("0", (await Cell(page, "New", "Total").InnerTextAsync()).Trim());

        // Without JavaScript the form posts and the page shows the result.
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = App.BaseAddress.ToString(), JavaScriptEnabled = false, Locale = "zh-CN", ViewportSize = new() { Width = 1366, Height = 768 } });
        var plain = await context.NewPageAsync();
        await plain.GoAsync("/reports/import");
        await plain.LogInAsync("office-imp");
        Assert.EndsWith("/reports/import", plain.Url);
        await plain.GetByLabel("导入到机关").SelectOptionAsync("imp-a");
        var good = bad.Replace("2025-02-30", "2025-02-27").Replace("全部公开", "予以公开");
        await plain.GetByLabel("台账文件（.csv 或 .xlsx，不超过 10 MB）").SetInputFilesAsync(new FilePayload { Name = "台账.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(good) });
        await plain.GetByRole(AriaRole.Button, new() { Name = "上传并导入" }).ClickAsync();
        await plain.WaitForLoadStateAsync();
        Assert.Contains("导入成功：台账.csv 共 3 件已导入测试机关 imp-a（在办 0 件，已办结 3 件）", await plain.InnerTextAsync(".import-done"));
        await context.DisposeAsync();

        await page.GoAsync("/reports/annual?year=2025&agency=imp&subordinates=true");
        Assert.Equal("3", (await Cell(page, "New", "NaturalPerson").InnerTextAsync()).Trim());
        Assert.Equal("3", (await Cell(page, "Disclosed", "Total").InnerTextAsync()).Trim());

        // With JavaScript: the page shows a progress indicator while the file is on its way, then the result in place.
        await page.GoAsync("/reports/import");
        await page.GetByLabel("导入到机关").SelectOptionAsync("imp-b");
        await page.GetByLabel("台账文件（.csv 或 .xlsx，不超过 10 MB）").SetInputFilesAsync(new FilePayload { Name = "乙.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(good) });
        var seen = new TaskCompletionSource();
        await page.RouteAsync("**/reports/import", async route =>
        {
            if (route.Request.Method == "POST") await seen.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await route.ContinueAsync();
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "上传并导入" }).ClickAsync();
        var status = page.Locator("#import-progress-text");
        // Held by the route the request has not reached the server: the page says it is uploading (then, once the
        // body is sent, that the server is checking and importing).
        await Microsoft.Playwright.Assertions.Expect(status).ToHaveTextAsync(new Regex("^(正在上传|上传完成，正在逐行校验并导入)"));
        Assert.True(await page.Locator("#import-progress-bar").IsVisibleAsync());
        Assert.True(await page.GetByRole(AriaRole.Button, new() { Name = "上传并导入" }).IsDisabledAsync());
        seen.SetResult();
        await page.Locator(".import-done").WaitForAsync();
        await page.UnrouteAllAsync();
        Assert.EndsWith("/reports/import", page.Url);
        Assert.Contains("共 3 件已导入测试机关 imp-b", await page.InnerTextAsync(".import-done"));
        await PageChecks.CheckAsync(page, "import-done");
        Assert.Empty(_csp);
    }

    [Fact]
    public async Task A_failed_check_is_listed_in_Chinese_with_its_case_and_the_report_can_be_neither_exported_nor_locked()
    {
        var page = await OfficeWithCasesAsync("bad");
        // An outcome no name maps to (a value written by hand into the database, as an older release might have).
        await App.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("""UPDATE "Cases" SET "Outcome" = 'Maybe' WHERE "AgencyCode" = 'bad-a' AND "CaseNumber" = 'A-2025-02'"""));
        await page.GoAsync("/reports/annual?year=2025&agency=bad&subordinates=true");
        Assert.Contains("项校验未通过", await page.InnerTextAsync(".check-summary"));
        var failed = page.Locator(".checks li.check-fail", new() { HasTextString = "办结案件的办理结果有效" });
        Assert.Equal("未通过", (await failed.Locator(".check-state").InnerTextAsync()).Trim());
        Assert.Contains("A-2025-02（办结于 2025-03-20，办理结果“Maybe”无法识别）", await failed.InnerTextAsync());
        Assert.True(await failed.IsVisibleAsync()); // a failure unfolds the list
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "导出 Excel（.xlsx）" }).CountAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "锁定年度报告" }).CountAsync());
        Assert.Contains("报告未通过校验，暂不能导出。", await page.InnerTextAsync("#lock"));
        // The check names the case and links to it.
        Assert.Equal(["A-2025-02"], (await failed.Locator(".check-cases a").AllInnerTextsAsync()).Select(t => t.Trim()));
        long id = 0;
        await App.WithDbAsync(async db => id = await db.Cases.Where(c => c.AgencyCode == "bad-a" && c.CaseNumber == "A-2025-02").Select(c => c.Id).SingleAsync());
        Assert.Equal($"/cases/{id}", await failed.Locator(".check-cases a").First.GetAttributeAsync("href"));
        await PageChecks.CheckAsync(page, "annual-report-failed-check");
        // Followed, the link opens the case, which says its outcome is not recognised.
        await failed.Locator(".check-cases a").First.ClickAsync();
        await page.WaitForURLAsync($"**/cases/{id}");
        Assert.Contains("（无法识别的办理结果）", await page.InnerTextAsync("main"));
        await PageChecks.CheckAsync(page, "case-with-unrecognised-outcome");
        Assert.Empty(_csp);
    }

    [Fact]
    public async Task An_officer_gets_the_refusal_page_never_the_report()
    {
        await OfficeWithCasesAsync("deny");
        await App.CreateUserAsync("officer-deny", Roles.Officer, "deny-a");
        var page = await browser.NewPageAsync(_csp);
        await page.GoAsync("/login");
        await page.LogInAsync("officer-deny");
        foreach (var url in new[]
                 {
                     "/reports/annual", "/reports/annual?year=2025&agency=deny-a", "/reports/annual/2025/cells/New/Total?agency=deny-a",
                     "/reports/import", "/supervision",
                 })
        {
            Assert.Equal(403, await page.GoAsync(url));
            Assert.Equal("无权访问", (await page.InnerTextAsync("h1")).Trim());
            Assert.Equal(0, await page.Locator("table").CountAsync());
            Assert.DoesNotContain("A-2025", await page.ContentAsync());
        }
        await PageChecks.CheckAsync(page, "refused-office-page");

        // The office of another tree sees neither the figures nor the cases of this one.
        await App.CreateUserAsync("office-other", Roles.Office, "other");
        var other = await browser.NewPageAsync(_csp);
        await other.GoAsync("/reports/annual?year=2025&agency=deny-a");
        await other.LogInAsync("office-other");
        var agencyField = other.Locator(".field", new() { Has = other.Locator("#q-agency") });
        Assert.Contains("无权查看机关“deny-a”的年度报告。", await agencyField.Locator(".field-error").InnerTextAsync());
        Assert.Equal(0, await other.Locator("table.report-grid").CountAsync());
        Assert.Equal(0, await other.Locator("#q-agency option[value='deny-a']").CountAsync());
        Assert.Equal(403, await other.GoAsync("/reports/annual/2025/cells/New/Total?agency=deny-a"));
        Assert.DoesNotContain("A-2025", await other.ContentAsync());
        await other.GoAsync("/supervision");
        Assert.Equal(0, await other.Locator("tr[data-agency='deny-a']").CountAsync());
        // No link to the office's pages in the officer's navigation.
        await page.GoAsync("/cases");
        Assert.Equal(0, await page.Locator("nav.sidenav a[href='/reports/annual']").CountAsync());
        Assert.Equal(0, await page.Locator("nav.sidenav a[href='/supervision']").CountAsync());
        Assert.Empty(_csp);
    }
}
