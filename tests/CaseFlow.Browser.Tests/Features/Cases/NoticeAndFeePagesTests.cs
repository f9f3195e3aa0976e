using System.Net;
using System.Text.RegularExpressions;
using CaseFlow.Browser.Tests.Infrastructure;
using System.Text.Json.Nodes;
using CaseFlow.Web.Tests.Infrastructure;
using CaseFlow.Workflows.Definitions;
using Microsoft.Playwright;

namespace CaseFlow.Browser.Tests.Features.Cases;

/// <summary>
/// Lifecycle v2 on the case page: a correction notice after the 7th working day is refused beside the
/// acknowledgement checkbox with the warning, then sent; a 按件 fee notice counted by CaseFlow shows its schedule line,
/// and the applicant's other applications are listed. Received Thu 2026-02-12: correction notice due 02-28 (02-13=1,
/// 02-14=2, 02-24..27=3..6, 02-28=7); on 03-02 a notice is late.
/// </summary>
[Trait("TimeZone", "Sensitive")]
public sealed class NoticeAndFeePagesTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private CaseFlowApp App => browser.App;
    private readonly List<string> _csp = [];

    private const string Id = "43010219800101011X";

    private static string Registration(string id) => $$"""
        {"channel":"InPerson","submittedOn":"2026-02-12","applicantKind":"NaturalPerson","applicantName":"周九",
         "idDocumentNumber":"{{id}}","requestedInformation":"2025年某道路工程的招标文件","deliveryChannel":"邮寄"}
        """;

    private static async Task<JsonObject> RegisterAssignedAsync(HttpClient api, string id)
    {
        var c = await (await api.PostJsonAsync("/api/cases", Registration(id))).ReadJsonAsync(HttpStatusCode.Created);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{(long)c["id"]!}/actions/assign")
        {
            Content = new StringContent("""{"officer":"officer-nf"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{(int)c["version"]!}\"");
        return await (await api.SendAsync(request)).ReadJsonAsync();
    }

    private static async Task RunAsync(IPage page, string label, Func<ILocator, Task> fill)
    {
        var scope = page.Locator("section[aria-labelledby=h-actions]");
        var details = scope.Locator("details.action", new() { Has = page.Locator("summary", new() { HasTextRegex = new Regex($"^{Regex.Escape(label)}$") }) });
        if (await details.GetAttributeAsync("open") is null) await details.Locator(":scope > summary").ClickAsync();
        await fill(details);
        await details.GetByRole(AriaRole.Button, new() { Name = label, Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    [Fact]
    public async Task Late_notice_warning_fee_schedule_and_the_applicants_other_applications_show_on_the_case_page()
    {
        App.Clock.SetChinaTime(new DateOnly(2026, 2, 12), new TimeOnly(10, 0));
        var api = await App.SignedInAsync("officer-nf", Roles.Officer);
        for (var i = 0; i < 10; i++) await (await api.PostJsonAsync("/api/cases", Registration(Id))).ReadJsonAsync(HttpStatusCode.Created);
        var eleventh = (long)(await RegisterAssignedAsync(api, Id))["id"]!;
        var late = (long)(await RegisterAssignedAsync(api, "430102198001010128"))["id"]!;

        App.Clock.SetChinaTime(new DateOnly(2026, 3, 2), new TimeOnly(10, 0));
        var page = await browser.NewPageAsync(_csp);
        await page.GoAsync("/");
        await page.LogInAsync("officer-nf");

        // The late notice: the form warns before sending; without the acknowledgement it is refused beside the
        // checkbox with the warning, the typed items kept.
        Assert.Equal((int)HttpStatusCode.OK, await page.GoAsync($"/cases/{late}"));
        await page.Locator("details.action summary", new() { HasTextString = "发出补正告知书" }).ClickAsync();
        Assert.Contains("2026-02-28 届满", await page.InnerTextAsync("section[aria-labelledby=h-actions] details.action[open]"));
        await RunAsync(page, "发出补正告知书", async f =>
        {
            await f.GetByLabel("需要补正的事项").FillAsync("请写明所需文件的名称或文号");
            await f.GetByLabel("方式", new() { Exact = true }).SelectOptionAsync("Post");
        });
        var field = page.Locator(".field", new() { Has = page.GetByLabel("知悉逾期告知") });
        var error = (await field.Locator(".field-error").InnerTextAsync()).Trim();
        Assert.Contains("2026-02-28", error);
        Assert.Contains("答复期限不因补正重新计算", error);
        Assert.Equal("请写明所需文件的名称或文号", await page.GetByLabel("需要补正的事项").InputValueAsync());
        await PageChecks.CheckAsync(page, "v2-correction-late-warning");
        // The refused form stands alone on the action page: acknowledge and send again.
        await page.GetByLabel("知悉逾期告知").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "发出补正告知书", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex($"/cases/{late}(\\?.*)?$"));
        var main = await page.InnerTextAsync("main");
        Assert.Contains("答复期限不因补正重新计算", main);
        Assert.Contains("尚未登记签收日期", main);
        Assert.Contains("登记补正告知书送达", main);

        // 按件: CaseFlow counts the applicant's 11th application of February; the page shows the line and the others.
        await page.GoAsync($"/cases/{eleventh}");
        await RunAsync(page, "发出收费通知", f => f.GetByLabel("方式", new() { Exact = true }).SelectOptionAsync("PerApplication"));
        var fee = await page.InnerTextAsync("section[aria-labelledby=h-fee]");
        Assert.Contains("本月第 11 件申请", fee);
        Assert.Contains("本月第11件申请，第11至30件，每件100元，计100元", fee);
        Assert.Contains("100 元", fee);
        var similar = page.Locator("section[aria-labelledby=h-similar] tbody tr");
        Assert.Equal(10, await similar.CountAsync());
        Assert.Contains("（同月）", await similar.First.InnerTextAsync());
        await PageChecks.CheckAsync(page, "v2-fee-per-application");
        Assert.Empty(_csp);
    }
}
