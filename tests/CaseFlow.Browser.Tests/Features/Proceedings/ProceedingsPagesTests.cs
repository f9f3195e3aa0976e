using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CaseFlow.Browser.Tests.Infrastructure;
using CaseFlow.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CaseFlow.Browser.Tests.Features.Proceedings;

/// <summary>
/// Lifecycle v2 pages in Chromium: /proceedings (reviews and lawsuits without a case) and the case page's re-reply
/// round and archived view. Dates by hand on the 2026 calendar (days off 04-04..06, 05-01..05; make-up 05-09).
/// </summary>
[Trait("TimeZone", "Sensitive")]
public sealed class ProceedingsPagesTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private CaseFlowApp App => browser.App;

    /// <summary>The 保密审查 a releasing reply needs before sign-off in v2 (domain.md §2.6).</summary>
    private async Task<JsonObject> ReviewConfidentialityAsync(string agency, JsonObject c) =>
        await Do(await App.SignedInAsync($"{agency}-reviewer", "ConfidentialityReviewer", agency), c, "recordConfidentialityReview",
            """{"documents":"拟公开的文件","conclusion":"MayDisclose","reasons":"不涉及国家秘密、工作秘密和第三方合法权益"}""");
    private readonly List<string> _csp = [];

    private sealed record Desk(string Agency, string OfficerName, HttpClient Officer, string OfficeName, HttpClient Office, HttpClient Head, HttpClient Legal);

    private async Task<Desk> DeskAsync()
    {
        var agency = "p" + Guid.NewGuid().ToString("N")[..10];
        await App.EnsureAgencyAsync(agency);
        return new Desk(agency, $"{agency}-officer", await App.SignedInAsync($"{agency}-officer", "Officer", agency),
            $"{agency}-office", await App.SignedInAsync($"{agency}-office", "Office", agency),
            await App.SignedInAsync($"{agency}-head", "Head", agency), await App.SignedInAsync($"{agency}-legal", "LegalAdviser", agency));
    }

    private static long Id(JsonObject c) => (long)c["id"]!;

    private static async Task<JsonObject> Do(HttpClient client, JsonObject c, string action, string payload = "{}")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{Id(c)}/actions/{action}")
        {
            Content = new StringContent(payload, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{(int)c["version"]!}\"");
        return await (await client.SendAsync(request)).ReadJsonAsync();
    }

    private const string Registration = """
        {"channel":"InPerson","submittedOn":"2026-02-12","applicantKind":"NaturalPerson","applicantName":"张三",
         "idDocumentNumber":"11010519491231002X","contact":"13800000000","requestedInformation":"2025年某项目环评批复",
         "requestedForm":"纸质","deliveryChannel":"邮寄"}
        """;

    [Fact]
    public async Task The_office_records_a_review_without_a_case_and_its_result()
    {
        App.Clock.SetChinaTime(new DateOnly(2026, 4, 2), new TimeOnly(10, 0));
        var desk = await DeskAsync();
        var page = await browser.NewPageAsync(_csp);
        await page.GoAsync("/");
        await page.LogInAsync(desk.OfficeName);
        await page.GetByRole(AriaRole.Link, new() { Name = "复议诉讼" }).ClickAsync();
        Assert.EndsWith("/proceedings", page.Url);

        // nothing chosen: messages beside the fields, the typed text kept
        await page.GetByLabel("复议机关或法院").FillAsync("市人民政府");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();
        Assert.Contains("必填", await page.InnerTextAsync("#kind-error"));
        Assert.Contains("必填", await page.InnerTextAsync("#filedOn-error"));
        Assert.Equal("市人民政府", await page.GetByLabel("复议机关或法院").InputValueAsync());

        await page.GetByLabel("类别").SelectOptionAsync("Review");
        await page.GetByLabel("事由").FillAsync("主动公开目录不全");
        await page.GetByLabel("申请或起诉日期").FillAsync("2026-04-01");
        await page.GetByLabel("收到副本日期").FillAsync("2026-04-02");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();
        var row = page.Locator("table.proceedings-table tbody tr").First;
        // 10 working days after 04-02: 04-03=1, 04-07..10=2..5, 04-13..17=6..10
        Assert.Contains("2026-04-17", await row.InnerTextAsync());
        Assert.Contains("主动公开目录不全", await row.InnerTextAsync());

        // a result without its kind is refused beside the field
        await row.GetByRole(AriaRole.Button, new() { Name = "登记结果" }).ClickAsync();
        Assert.Contains("必填", await page.Locator("table.proceedings-table .field-error").First.InnerTextAsync());
        await PageChecks.CheckAsync(page, "proceedings-error");

        row = page.Locator("table.proceedings-table tbody tr").First;
        await row.GetByLabel("结果").SelectOptionAsync("Upheld");
        await row.GetByLabel("决定或判决日期").FillAsync("2026-04-02");
        await row.GetByRole(AriaRole.Button, new() { Name = "登记结果" }).ClickAsync();
        Assert.Contains("已登记结果", await page.InnerTextAsync("main"));
        Assert.Contains("维持（2026-04-02）", await page.Locator("table.proceedings-table tbody tr").First.InnerTextAsync());
        await PageChecks.CheckAsync(page, "proceedings");
        Assert.Empty(_csp);
    }

    [Fact]
    public async Task The_case_page_shows_a_re_reply_round_and_an_archived_case()
    {
        App.Clock.SetChinaTime(new DateOnly(2026, 2, 12), new TimeOnly(10, 0));
        var desk = await DeskAsync();
        var legal = desk.Legal;
        var c = await (await desk.Officer.PostJsonAsync("/api/cases", Registration)).ReadJsonAsync(HttpStatusCode.Created);
        c = await Do(desk.Officer, c, "assign", $$"""{"officer":"{{desk.OfficerName}}"}""");
        c = await Do(desk.Officer, c, "submitDraft", """{"outcome":"Disclosed","text":"现将所申请信息提供如下。"}""");
        c = await Do(legal, c, "approveDraft");
        c = await ReviewConfidentialityAsync(desk.Agency, c);
        c = await Do(desk.Head, c, "signOff");
        App.Clock.SetChinaTime(new DateOnly(2026, 3, 10), new TimeOnly(10, 0));
        c = await Do(desk.Officer, c, "deliver", """{"method":"Post","deliveredOn":"2026-03-10"}""");
        App.Clock.SetChinaTime(new DateOnly(2026, 5, 6), new TimeOnly(10, 0));
        c = await Do(desk.Officer, c, "recordProceeding", """{"kind":"Review","body":"市人民政府","filedOn":"2026-04-01","copyReceivedOn":"2026-04-02"}""");
        c = await Do(desk.Officer, c, "recordProceedingResult", """{"proceedingId":1,"result":"Corrected","decidedOn":"2026-05-06","orderedReply":true}""");

        var page = await browser.NewPageAsync(_csp);
        await page.GoAsync("/");
        await page.LogInAsync(desk.OfficerName);
        await page.GoAsync($"/cases/{Id(c)}");
        var round = await page.InnerTextAsync("section.reply-round");
        Assert.Contains("第 2 轮答复（重新答复）：办理中", round);
        // day 0 = 05-06: 05-07,08=1,2, 05-09(make-up)=3, 05-11..15=4..8, 05-18..22=9..13, 05-25..29=14..18, 06-01=19, 06-02=20
        Assert.Contains("2026-06-02", round);
        Assert.Contains("纠正（2026-05-06），责令重新答复", await page.InnerTextAsync("main"));
        await PageChecks.CheckAsync(page, "case-round");

        c = await (await desk.Officer.GetAsync($"/api/cases/{Id(c)}")).ReadJsonAsync();
        c = await Do(desk.Officer, c, "submitDraft", """{"outcome":"Disclosed","text":"重新答复：现将所申请信息提供如下。"}""");
        c = await Do(legal, c, "approveDraft");
        c = await ReviewConfidentialityAsync(desk.Agency, c);
        c = await Do(desk.Head, c, "signOff");
        c = await Do(desk.Officer, c, "deliver", """{"method":"Post","deliveredOn":"2026-05-06"}""");
        c = await Do(desk.Office, c, "archive", """{"fileNumber":"2026-WS-017"}""");
        await page.GoAsync($"/cases/{Id(c)}");
        Assert.Contains("案卷号 2026-WS-017", await page.InnerTextAsync("main"));
        Assert.Matches(new Regex("状态：已归档"), await page.InnerTextAsync(".case-head"));
        await PageChecks.CheckAsync(page, "case-archived");
        Assert.Empty(_csp);
    }
}
