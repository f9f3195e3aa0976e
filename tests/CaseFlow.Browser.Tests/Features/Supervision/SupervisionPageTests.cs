using System.Text;
using System.Text.RegularExpressions;
using CaseFlow.Browser.Tests.Infrastructure;
using CaseFlow.Web.Tests.Infrastructure;
using CaseFlow.Workflows.Definitions;
using Microsoft.Playwright;

namespace CaseFlow.Browser.Tests.Features.Supervision;

/// <summary>
/// 督办 in Chromium. Today is Mon 2026-03-16 (China time). Open cases imported through the ledger API, their reply
/// dates counted by hand on the 2026 calendar (days off 02-15–02-23, make-up days Sat 02-14 and Sat 02-28):
/// sup-a: S-A-1 received Thu 02-12 → due Wed 03-18, 2 working days left (3个工作日内到期);
///        S-A-2 received Mon 02-09 → due Fri 03-13, overdue by 1 working day;
///        S-A-3 received Mon 03-02 → due Mon 03-30 (正常);
/// sup-b: S-B-1 received Tue 02-24 → due Mon 03-23, 5 working days left (5个工作日内到期);
///        S-B-2 received 01-05, concluded 01-20: not open.
/// </summary>
[Trait("TimeZone", "Sensitive")]
public sealed class SupervisionPageTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private CaseFlowApp App => browser.App;
    private readonly List<string> _csp = [];

    private const string Header = "case_no,applicant_kind,applicant_name,channel,received_on,summary,outcome,concluded_on,extended,fee_notified_yuan,fee_paid_yuan";

    [Fact]
    public async Task The_office_sees_open_due_soon_and_overdue_cases_per_department_and_opens_one()
    {
        App.Clock.SetChinaTime(new DateOnly(2026, 3, 16), new TimeOnly(9, 0));
        await App.EnsureAgencyAsync("sup");
        await App.EnsureAgencyAsync("sup-a", "sup");
        await App.EnsureAgencyAsync("sup-b", "sup");
        var api = await App.SignedInAsync("office-sup", Roles.Office, "sup");
        await Import(api, "sup-a",
            "S-A-1,自然人,甲,当面,2026-02-12,某文件,,,否,,",
            "S-A-2,自然人,乙,当面,2026-02-09,某规划,,,否,,",
            "S-A-3,商业企业,丙公司,当面,2026-03-02,某批复,,,否,,");
        await Import(api, "sup-b",
            "S-B-1,自然人,丁,当面,2026-02-24,某预算,,,否,,",
            "S-B-2,自然人,戊,当面,2026-01-05,某合同,予以公开,2026-01-20,否,,");

        var page = await browser.NewPageAsync(_csp);
        await page.GoAsync("/");
        await page.LogInAsync("office-sup");
        Assert.EndsWith("/supervision", page.Url);
        Assert.Contains("截至 2026-03-16（星期一）", await page.InnerTextAsync("main"));

        async Task<string[]> Counts(string agency) =>
            [.. (await page.Locator($"table.supervision tbody tr[data-agency='{agency}'] td").AllInnerTextsAsync()).Select(t => t.Trim())];
        //                      在办  5日内 3日内 已超期
        Assert.Equal(["0", "0", "0", "0"], await Counts("sup"));
        Assert.Equal(["3", "0", "1", "1"], await Counts("sup-a"));
        Assert.Equal(["1", "1", "0", "0"], await Counts("sup-b"));
        Assert.Equal(["4", "1", "1", "1"], [.. (await page.Locator("table.supervision tfoot td").AllInnerTextsAsync()).Select(t => t.Trim())]);

        // The overdue and due-soon cases, most urgent first, each with its department, due date and words.
        var rows = page.Locator("#cases table tbody tr");
        Assert.Equal(3, await rows.CountAsync());
        var overdue = await rows.Nth(0).Locator("th, td").AllInnerTextsAsync();
        Assert.Equal("S-A-2", overdue[0].Trim());
        Assert.Equal("测试机关 sup-a", overdue[1].Trim());
        Assert.Equal("2026-03-13（星期五）", overdue[4].Trim());
        Assert.Contains("已超期1个工作日", overdue[6]);
        var within3 = await rows.Nth(1).Locator("th, td").AllInnerTextsAsync();
        Assert.Equal("S-A-1", within3[0].Trim());
        Assert.Equal("2026-03-18（星期三）", within3[4].Trim());
        Assert.Equal("2", within3[5].Trim());
        Assert.Contains("3个工作日内到期", within3[6]);
        var within5 = await rows.Nth(2).Locator("th, td").AllInnerTextsAsync();
        Assert.Equal("S-B-1", within5[0].Trim());
        Assert.Equal("测试机关 sup-b", within5[1].Trim());
        Assert.Equal("2026-03-23（星期一）", within5[4].Trim());
        Assert.Equal("5", within5[5].Trim());
        Assert.Contains("5个工作日内到期", within5[6]);
        await PageChecks.CheckAsync(page, "supervision");

        // A department's count lists its cases; 在办 lists every open case of the department.
        await page.Locator("table.supervision tbody tr[data-agency='sup-a'] td[data-count='overdue'] a").ClickAsync();
        await page.WaitForLoadStateAsync();
        Assert.Contains("测试机关 sup-a已超期的案件", await page.InnerTextAsync("#h-cases"));
        Assert.Equal(["S-A-2"], (await page.Locator("#cases table tbody th").AllInnerTextsAsync()).Select(t => t.Trim()));
        await page.Locator("table.supervision tbody tr[data-agency='sup-a'] td[data-count='open'] a").ClickAsync();
        await page.WaitForLoadStateAsync();
        Assert.Equal(["S-A-2", "S-A-1", "S-A-3"], (await page.Locator("#cases table tbody th").AllInnerTextsAsync()).Select(t => t.Trim()));
        Assert.Contains("正常", await page.Locator("#cases table tbody tr").Nth(2).InnerTextAsync());

        // Each case links to its page.
        await page.GetByRole(AriaRole.Link, new() { Name = "S-A-1", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/cases/\\d+$"));
        Assert.Contains("S-A-1", await page.InnerTextAsync("h1"));
        Assert.Empty(_csp);
    }

    private static async Task Import(HttpClient api, string agency, params string[] lines) =>
        await (await api.PostAsync($"/api/import/ledger?agency={agency}",
            new StringContent(Header + "\n" + string.Join("\n", lines) + "\n", Encoding.UTF8, "text/csv"))).ReadJsonAsync();
}
