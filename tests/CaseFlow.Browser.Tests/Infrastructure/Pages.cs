using CaseFlow.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CaseFlow.Browser.Tests.Infrastructure;

public static class PageActions
{
    /// <summary>Signs in through the login form (the page the app sent the browser to).</summary>
    public static async Task LogInAsync(this IPage page, string userName, string password = CaseFlowApp.Password)
    {
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    /// <summary>The status code of a navigation.</summary>
    public static async Task<int> GoAsync(this IPage page, string url)
    {
        var response = await page.GotoAsync(url);
        return response?.Status ?? 0;
    }
}
