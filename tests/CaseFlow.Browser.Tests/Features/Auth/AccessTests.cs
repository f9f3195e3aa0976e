using System.Net;
using CaseFlow.Browser.Tests.Infrastructure;
using CaseFlow.Web.Tests.Infrastructure;
using CaseFlow.Workflows.Definitions;

namespace CaseFlow.Browser.Tests.Features.Auth;

/// <summary>Pages send anonymous users to the login page and refuse users without the role (403, 无权访问, no data);
/// the API keeps answering 401/403 problems.</summary>
public sealed class AccessTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private CaseFlowApp App => browser.App;
    private readonly List<string> _csp = [];

    [Fact]
    public async Task Anonymous_users_go_to_login_and_a_legal_adviser_gets_the_refusal_page()
    {
        await App.CreateUserAsync("legal-access", Roles.LegalAdviser, "access");
        var page = await browser.NewPageAsync(_csp);
        await page.GoAsync("/cases/new");
        Assert.EndsWith("/login?ReturnUrl=%2Fcases%2Fnew", page.Url);
        await PageChecks.CheckAsync(page, "login");

        await page.LogInAsync("legal-access", "wrong-password-1");
        Assert.Contains("用户名或密码错误。", await page.InnerTextAsync("main"));
        await page.LogInAsync("legal-access");

        Assert.Equal(403, await page.GoAsync("/cases/new"));
        Assert.Equal("无权访问", (await page.InnerTextAsync("h1")).Trim());
        Assert.Equal(0, await page.Locator("#applicantName").CountAsync());
        Assert.Equal(0, await page.Locator("form.form").CountAsync());
        await PageChecks.CheckAsync(page, "refused");

        Assert.Equal(403, await page.GoAsync("/cases"));
        Assert.Equal(0, await page.Locator("table").CountAsync());

        // The legal adviser's start page, with the name, role and agency in the top bar.
        await page.GoAsync("/");
        Assert.EndsWith("/review", page.Url);
        var top = await page.InnerTextAsync(".topbar");
        Assert.Contains("政府信息公开申请办理系统", top);
        Assert.Contains("legal-access（法律顾问）", top);
        Assert.Contains("测试机关 access", top);
        Assert.Contains("退出", top);
        await PageChecks.CheckAsync(page, "review-placeholder");

        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        await page.WaitForLoadStateAsync();
        Assert.EndsWith("/login", page.Url);
        await page.GoAsync("/cases");
        Assert.Contains("/login?ReturnUrl=", page.Url);
        Assert.Empty(_csp);
    }

    [Fact]
    public async Task The_api_still_answers_problems_instead_of_redirects()
    {
        var anonymous = App.Anonymous();
        var response = await anonymous.GetAsync("/api/cases");
        await response.ReadProblemAsync(HttpStatusCode.Unauthorized);

        var legal = await App.SignedInAsync("legal-api", Roles.LegalAdviser, "access");
        var refused = await legal.PostJsonAsync("/api/cases", "{}");
        await refused.ReadProblemAsync(HttpStatusCode.Forbidden);

        // A page path answers HTML: anonymous → redirect to the login page.
        // (The factory's client on a real Kestrel port follows redirects itself, so look at where it ended up.)
        var page = await anonymous.GetAsync("/cases");
        var landed = page.StatusCode == HttpStatusCode.Redirect ? new Uri(App.BaseAddress, page.Headers.Location!) : page.RequestMessage!.RequestUri!;
        Assert.Equal("/login?ReturnUrl=%2Fcases", landed.PathAndQuery);
    }
}
