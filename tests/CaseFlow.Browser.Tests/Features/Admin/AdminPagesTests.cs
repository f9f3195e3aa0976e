using System.Text.RegularExpressions;
using CaseFlow.Browser.Tests.Infrastructure;
using CaseFlow.Data.Cases;
using CaseFlow.Web.Tests.Infrastructure;
using CaseFlow.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CaseFlow.Browser.Tests.Features.Admin;

/// <summary>The administrator's pages in Chromium against the real app, on 2026-11-20 (China time). Calendar dates are
/// written out from domain.md §3: 2026-10-01 (Thursday) is a day off of 国庆节 (10-01–10-07) and Saturday 2026-10-10 a
/// make-up working day; Monday 2026-10-12 is an ordinary working day.</summary>
[Trait("TimeZone", "Sensitive")]
public sealed class AdminPagesTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private CaseFlowApp App => browser.App;
    private readonly List<string> _csp = [];

    private const string Agency = "adm-hq";

    private async Task<IPage> AdminAsync(string user)
    {
        App.Clock.SetChinaTime(new DateOnly(2026, 11, 20), new TimeOnly(10, 0));
        await App.CreateUserAsync(user, Roles.Admin, Agency);
        var page = await browser.NewPageAsync(_csp);
        await page.GoAsync("/admin");
        Assert.EndsWith("/login?ReturnUrl=%2Fadmin", page.Url);
        await page.LogInAsync(user);
        Assert.EndsWith("/admin", page.Url);
        return page;
    }

    /// <summary>The field whose label is exactly <paramref name="text"/>, followed by the required-field star or not.</summary>
    private static ILocator Field(IPage page, string text) => page.GetByLabel(new Regex($"^{Regex.Escape(text)}( \\*)?$"));

    private static async Task<string> FieldErrorAsync(IPage page, string inputSelector) =>
        (await page.Locator(".field, fieldset", new() { Has = page.Locator(inputSelector) }).Last.Locator(".field-error").InnerTextAsync()).Trim();

    [Fact]
    public async Task An_admin_creates_a_user_who_signs_in_then_disables_the_account_and_its_sign_in_is_refused()
    {
        var page = await AdminAsync("admin-users");
        Assert.Equal("系统管理", (await page.InnerTextAsync("h1")).Trim());
        Assert.Equal(1, await page.Locator("main a[href='/jobs']").CountAsync());
        await PageChecks.CheckAsync(page, "admin");

        await page.GetByRole(AriaRole.Link, new() { Name = "用户与角色" }).ClickAsync();
        Assert.EndsWith("/admin/users", page.Url);
        var me = page.Locator("table.users tbody tr", new() { HasTextString = "admin-users" });
        Assert.Contains("系统管理员", await me.InnerTextAsync());
        Assert.Contains("正常", await me.InnerTextAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "新建用户" }).ClickAsync();
        Assert.EndsWith("/admin/users/new", page.Url);
        await PageChecks.CheckAsync(page, "admin-user-new");

        // No role and a weak password: both refused beside their fields, the rest kept.
        await Field(page, "用户名").FillAsync("zhao.min");
        await Field(page, "姓名").FillAsync("赵敏");
        await Field(page, "机关").SelectOptionAsync(Agency);
        await page.GetByLabel("电子邮件").FillAsync("zhao.min@example.gov.cn");
        await page.GetByLabel("初始密码").FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "新建用户" }).ClickAsync();
        await page.WaitForLoadStateAsync();
        Assert.EndsWith("/admin/users/new", page.Url);
        Assert.Equal("至少选择一个角色。", await FieldErrorAsync(page, "#role-Officer"));
        Assert.StartsWith("密码至少 10 个字符。", await FieldErrorAsync(page, "#password"));
        Assert.Equal("zhao.min", await Field(page, "用户名").InputValueAsync());
        Assert.Equal("赵敏", await Field(page, "姓名").InputValueAsync());
        Assert.Equal(Agency, await Field(page, "机关").InputValueAsync());
        Assert.Equal("zhao.min@example.gov.cn", await page.GetByLabel("电子邮件").InputValueAsync());
        Assert.Equal(4, await page.Locator(".error-summary li").CountAsync()); // the roles, and three password rules "short" breaks
        await PageChecks.CheckAsync(page, "admin-user-new-errors");

        await page.GetByLabel("承办人", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("初始密码").FillAsync("Zhao-Min-2026x");
        await page.GetByRole(AriaRole.Button, new() { Name = "新建用户" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/admin/users/zhao\\.min\\?done=created$"));
        var main = await page.InnerTextAsync("main");
        Assert.Contains("已新建用户", main);
        Assert.Contains("承办人", main);
        Assert.Contains("测试机关 adm-hq", main);
        Assert.Contains("新建用户 赵敏（zhao.min）", main);

        // The new officer signs in and lands on the queue, with name and role in the top bar.
        var officer = await browser.NewPageAsync(_csp);
        await officer.GoAsync("/");
        await officer.LogInAsync("zhao.min", "Zhao-Min-2026x");
        Assert.EndsWith("/cases", officer.Url);
        Assert.Contains("赵敏（承办人）", await officer.InnerTextAsync(".topbar"));

        // Disabling asks for a reason and a confirmation.
        await page.GetByRole(AriaRole.Button, new() { Name = "停用账户" }).ClickAsync();
        await page.WaitForLoadStateAsync();
        Assert.Equal("请勾选确认。", await FieldErrorAsync(page, "#confirm"));
        Assert.Equal("请填写停用理由。", await FieldErrorAsync(page, "#reason"));
        await page.GetByLabel("停用理由").FillAsync("调离本机关");
        await page.GetByLabel("我已核实，确认停用该账户").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "停用账户" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("done=disabled$"));
        main = await page.InnerTextAsync("main");
        Assert.Contains("已停用（2026-11-20 10:00 起）", main);
        Assert.Contains("停用账户，理由：调离本机关", main);
        Assert.Equal(1, await page.GetByRole(AriaRole.Button, new() { Name = "启用账户" }).CountAsync());
        await PageChecks.CheckAsync(page, "admin-user");

        var again = await browser.NewPageAsync(_csp);
        await again.GoAsync("/login");
        await again.LogInAsync("zhao.min", "Zhao-Min-2026x");
        Assert.EndsWith("/login", again.Url);
        Assert.Contains("该账户已停用，请联系系统管理员。", await again.InnerTextAsync("main"));

        await page.GoAsync("/admin/users");
        Assert.Contains("已停用", await page.Locator("table.users tbody tr", new() { HasTextString = "zhao.min" }).InnerTextAsync());
        await PageChecks.CheckAsync(page, "admin-users");
        Assert.Empty(_csp);
    }

    [Fact]
    public async Task The_2026_calendar_marks_national_days_off_and_make_up_days_in_words_and_takes_a_notice_and_a_local_day_off()
    {
        var page = await AdminAsync("admin-calendar");
        Assert.Contains("2027 年节假日安排尚未载入", await page.InnerTextAsync("main")); // on 2026-11-20, until loaded below
        await page.GoAsync("/admin/calendar?year=2026");
        Assert.Equal("2026 年节假日安排", (await page.InnerTextAsync("h1")).Trim());

        var october1 = page.Locator("td[data-date='2026-10-01']");
        Assert.Contains("day-off", await october1.GetAttributeAsync("class"));
        Assert.Equal("1\n休", (await october1.InnerTextAsync()).Trim());
        var october10 = page.Locator("td[data-date='2026-10-10']");
        Assert.Contains("make-up", await october10.GetAttributeAsync("class"));
        Assert.Equal("10\n班", (await october10.InnerTextAsync()).Trim());
        var october12 = page.Locator("td[data-date='2026-10-12']");
        Assert.Equal("day", await october12.GetAttributeAsync("class"));
        Assert.Equal("12", (await october12.InnerTextAsync()).Trim());
        // Thursday 10-01 sits in the fourth column (Monday first).
        Assert.Equal(3, await october1.EvaluateAsync<int>("td => td.cellIndex"));
        var legend = await page.InnerTextAsync(".calendar-legend");
        Assert.Contains("放假", legend);
        Assert.Contains("调休上班", legend);
        var details = await page.InnerTextAsync("table.calendar-ranges");
        Assert.Contains("国庆节", details);
        Assert.Contains("2026-10-10（星期六）", details);
        await PageChecks.CheckAsync(page, "admin-calendar-2026");

        // A local day off of the agency, shown with its own word when the agency is chosen.
        await Field(page, "机关").SelectOptionAsync(Agency);
        await page.GetByLabel("放假名称").FillAsync("本地节日");
        await page.GetByLabel("开始日期").FillAsync("2026-03-05");
        await page.GetByRole(AriaRole.Button, new() { Name = "增加本地放假日" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("saved=local$"));
        var march5 = page.Locator("td[data-date='2026-03-05']");
        Assert.Contains("local-off", await march5.GetAttributeAsync("class"));
        Assert.Equal("5\n本", (await march5.InnerTextAsync()).Trim());
        Assert.Contains("本地节日", await page.InnerTextAsync("main"));

        // Next year's notice: a wrong date is shown beside the field with the line, and what was typed stays.
        await page.GoAsync("/admin/calendar?year=2027");
        Assert.Contains("2027 年的全国节假日安排尚未载入", await page.InnerTextAsync("main"));
        Assert.Equal(0, await page.Locator("td.day-off").CountAsync());
        const string typed = "元旦 2027-01-01 2027-01-03\n春节 2027-02-06 2027-02-30";
        await page.GetByLabel("通知名称或文号").FillAsync("测试用 2027 年安排（虚构，非国务院通知）");
        await page.GetByLabel("放假安排").FillAsync(typed);
        await page.GetByLabel("调休上班日").FillAsync("2027-02-20");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存 2027 年全国安排" }).ClickAsync();
        await page.WaitForLoadStateAsync();
        Assert.Equal("第 2 行：“2027-02-30”不是存在的日期，格式须为 YYYY-MM-DD。", await FieldErrorAsync(page, "#daysOff"));
        Assert.Equal(typed, await page.GetByLabel("放假安排").InputValueAsync());
        Assert.Equal("2027-02-20", await page.GetByLabel("调休上班日").InputValueAsync());
        await PageChecks.CheckAsync(page, "admin-calendar-errors");

        await page.GetByLabel("放假安排").FillAsync("元旦 2027-01-01 2027-01-03\n春节 2027-02-06 2027-02-14");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存 2027 年全国安排" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("year=2027&saved=notice$"));
        Assert.Contains("day-off", await page.Locator("td[data-date='2027-02-08']").GetAttributeAsync("class"));
        Assert.Contains("make-up", await page.Locator("td[data-date='2027-02-20']").GetAttributeAsync("class"));
        Assert.Contains("admin-calendar", await page.InnerTextAsync("main")); // the version record names who loaded it
        await page.GoAsync("/admin");
        Assert.DoesNotContain("节假日安排尚未载入", await page.InnerTextAsync("main"));
        Assert.Empty(_csp);
    }

    [Fact]
    public async Task A_dead_letter_is_shown_with_its_error_and_resent_from_the_outbox_page()
    {
        var page = await AdminAsync("admin-mail");
        long id = 0;
        await App.WithDbAsync(async db =>
        {
            var m = new OutboxMessage
            {
                Kind = "ApplicantReplyNotice", To = "wang.fang@example.com", Subject = "[CaseFlow] 政府信息公开申请答复通知", Body = "您的申请已答复。",
                MessageId = OutboxMessage.NewMessageId(new DateTime(2026, 11, 19, 1, 0, 0, DateTimeKind.Utc)), Status = "DeadLettered", Attempts = 8, LastError = "SmtpCommandException: 550 5.1.1 mailbox unavailable",
                CreatedAtUtc = new DateTime(2026, 11, 19, 1, 0, 0, DateTimeKind.Utc), NextAttemptAtUtc = new DateTime(2026, 11, 19, 5, 0, 0, DateTimeKind.Utc),
            };
            db.OutboxMessages.Add(m);
            await db.SaveChangesAsync();
            id = m.Id;
        });

        await page.GoAsync("/admin");
        Assert.Contains("有 1 封邮件无法投递（死信）", await page.InnerTextAsync("main"));
        await page.GetByRole(AriaRole.Link, new() { Name = "查看并重新发送" }).ClickAsync();
        Assert.EndsWith("/admin/outbox?status=DeadLettered", page.Url);
        var row = page.Locator($"#mail-{id}");
        var text = await row.InnerTextAsync();
        Assert.Contains("无法投递（死信）", text);
        Assert.Contains("550 5.1.1 mailbox unavailable", text);
        Assert.Contains("致申请人的通知", text);
        await PageChecks.CheckAsync(page, "admin-outbox");

        await row.GetByRole(AriaRole.Button, new() { Name = "重新发送" }).ClickAsync();
        await page.WaitForURLAsync(new Regex($"resent={id}$"));
        Assert.Contains($"已将邮件 {id} 放回待发送", await page.InnerTextAsync("main"));
        Assert.Contains("没有无法投递的邮件", await page.InnerTextAsync("main"));

        await page.GoAsync("/admin/outbox");
        text = await page.Locator($"#mail-{id}").InnerTextAsync();
        Assert.Contains("待发送", text);
        Assert.Contains("admin-mail 于 2026-11-20 10:00 重新发送", text);
        string? status = null;
        await App.WithDbAsync(async db => status = await db.OutboxMessages.Where(m => m.Id == id).Select(m => m.Status).SingleAsync());
        Assert.Equal("Pending", status);
        Assert.Empty(_csp);
    }

    [Fact]
    public async Task The_agency_tree_takes_a_department_under_a_parent_and_the_workflow_page_shows_the_current_diagram()
    {
        var page = await AdminAsync("admin-agencies");
        await page.GoAsync("/admin/agencies");
        await page.GetByLabel("上级机关").SelectOptionAsync(Agency);
        await page.GetByLabel("机关代码").FillAsync("adm-edu");
        await page.GetByLabel("机关名称").FillAsync("测试教育局");
        await page.GetByRole(AriaRole.Button, new() { Name = "新增机关" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("added=adm-edu$"));
        var parent = page.Locator("ul.agency-tree > li", new() { HasTextString = "测试机关 adm-hq" });
        Assert.Contains("测试教育局", await parent.Locator("ul li").InnerTextAsync());
        await PageChecks.CheckAsync(page, "admin-agencies");

        await page.GetByLabel("机关代码").FillAsync("adm-edu");
        await page.GetByLabel("机关名称").FillAsync("重复的教育局");
        await page.GetByRole(AriaRole.Button, new() { Name = "新增机关" }).ClickAsync();
        await page.WaitForLoadStateAsync();
        Assert.Equal("机关代码“adm-edu”已存在。", await FieldErrorAsync(page, "#code"));
        Assert.Equal("重复的教育局", await page.GetByLabel("机关名称").InputValueAsync());

        await page.GoAsync("/admin/workflows");
        // v2 is the version new applications start on; v1 stays for the cases pinned to it.
        var v2 = page.Locator("table tbody tr", new() { HasTextString = "（第2版）" });
        Assert.Contains("当前版本", await v2.InnerTextAsync());
        var v1 = page.Locator("table tbody tr", new() { HasTextString = "（第1版）" });
        Assert.Contains("旧版本", await v1.InnerTextAsync());
        var image = page.Locator("figure.diagram img").First;
        await image.ScrollIntoViewIfNeededAsync();
        // A lazily loaded image may still be on its way after scrolling (seen on a loaded CI machine): wait for it to
        // finish, whether it loads or fails, and then judge it.
        await image.EvaluateAsync("img => img.complete ? null : new Promise(done => { img.addEventListener('load', done); img.addEventListener('error', done); })");
        Assert.True(await image.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 400"), "the diagram did not load");
        Assert.Contains("法律审核中", await page.Locator("details.workflow-text").First.TextContentAsync());
        await PageChecks.CheckAsync(page, "admin-workflows");
        Assert.Empty(_csp);
    }

    [Theory]
    [InlineData(Roles.Officer)]
    [InlineData(Roles.Office)]
    public async Task Officers_and_the_office_get_the_refusal_page_on_every_admin_page(string role)
    {
        var user = $"adm-refused-{role.ToLowerInvariant()}";
        await App.CreateUserAsync(user, role, Agency);
        await App.EnsureAgencyAsync(Agency);
        var page = await browser.NewPageAsync(_csp);
        await page.GoAsync("/login");
        await page.LogInAsync(user);
        foreach (var url in new[] { "/admin", "/admin/users", "/admin/users/new", "/admin/users/" + user, "/admin/agencies", "/admin/calendar?year=2026", "/admin/workflows", "/admin/outbox" })
        {
            Assert.Equal(403, await page.GoAsync(url));
            Assert.Equal("无权访问", (await page.InnerTextAsync("h1")).Trim());
            Assert.Equal(0, await page.Locator("main table, main form.form, td.day").CountAsync());
        }
        await PageChecks.CheckAsync(page, $"admin-refused-{role.ToLowerInvariant()}");
        Assert.Empty(_csp);
    }
}
