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
        // WaitForLoadState right after the click at times waited past the start page's load event until its timeout (seen
        // three times in full runs): wait for the form's answer, then for the page it leads to by its address.
        var answer = await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync(),
            r => r.Request.Method == "POST" && r.Request.IsNavigationRequest);
        if (answer.Status is >= 300 and < 400) // signed in: on to the start page
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath != "/login", new() { WaitUntil = WaitUntilState.Load });
        else // refused: the form again, with its message
            await page.WaitForLoadStateAsync();
    }

    /// <summary>The status code of a navigation.</summary>
    public static async Task<int> GoAsync(this IPage page, string url)
    {
        var response = await page.GotoAsync(url);
        return response?.Status ?? 0;
    }
}
