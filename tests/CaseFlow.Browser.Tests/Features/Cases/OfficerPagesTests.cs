using System.Text.RegularExpressions;
using CaseFlow.Browser.Tests.Infrastructure;
using CaseFlow.Data.Notifications;
using CaseFlow.Web.Tests.Infrastructure;
using CaseFlow.Workflows.Definitions;
using Microsoft.Playwright;

namespace CaseFlow.Browser.Tests.Features.Cases;

/// <summary>The officer's pages in Chromium against the real app. Each test uses its own agency, so each has its own
/// queue. Dates: received Thu 2026-02-12 in person → reply due Wed 2026-03-18 (domain.md §3, 2026 calendar).</summary>
public sealed class OfficerPagesTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private CaseFlowApp App => browser.App;
    private readonly List<string> _csp = [];

    private async Task<IPage> OfficerAsync(string agency, string user)
    {
        App.Clock.SetChinaTime(new DateOnly(2026, 2, 12), new TimeOnly(10, 0));
        await App.CreateUserAsync(user, Roles.Officer, agency);
        var page = await browser.NewPageAsync(_csp);
        await page.GoAsync("/cases");
        Assert.Matches(new Regex("/login\\?ReturnUrl=%2Fcases$"), page.Url);
        await page.LogInAsync(user);
        Assert.EndsWith("/cases", page.Url);
        return page;
    }

    private static async Task<string> RegisterInPersonAsync(IPage page, string applicant, string request, string? items = null)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "登记申请" }).ClickAsync();
        await page.GetByLabel("收到渠道").SelectOptionAsync("InPerson");
        await page.GetByLabel("提交或到达日期").FillAsync("2026-02-12");
        await page.GetByLabel("自然人", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("申请人姓名或名称").FillAsync(applicant);
        await page.GetByLabel("证件号码（身份证号或统一社会信用代码）").FillAsync("11010519491231002X");
        await page.GetByLabel("申请公开的政府信息").FillAsync(request);
        if (items is not null) await page.GetByLabel("申请事项（每行一项）").FillAsync(items);
        await page.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/cases/\\d+$"));
        return (await page.InnerTextAsync("h1")).Trim();
    }

    private static async Task RunActionAsync(IPage page, string label, Func<ILocator, Task> fill)
    {
        var details = page.Locator("details.action", new() { Has = page.Locator("summary", new() { HasTextString = label }) });
        await details.Locator(":scope > summary").ClickAsync();
        await fill(details);
        await details.GetByRole(AriaRole.Button, new() { Name = label }).ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    [Fact]
    public async Task Officer_registers_sees_it_in_the_queue_assigns_himself_and_submits_a_draft()
    {
        var page = await OfficerAsync("flow", "officer-flow");
        Assert.Contains("暂无待办案件", await page.InnerTextAsync("main"));
        await PageChecks.CheckAsync(page, "queue-empty");

        var number = await RegisterInPersonAsync(page, "王五", "2025年度本机关财政预算执行情况及其编制说明，包括各项支出明细");
        Assert.Matches(new Regex("^\\S+$"), number);
        var main = await page.InnerTextAsync("main");
        Assert.Contains("答复期限：2026-03-18（星期三）", main);
        Assert.Contains("110***********002X", main);
        Assert.DoesNotContain("11010519491231002X", main);

        await page.GetByRole(AriaRole.Link, new() { Name = "待办案件" }).First.ClickAsync();
        var row = page.Locator("table.queue tbody tr", new() { HasTextString = number });
        var cells = await row.Locator("th, td").AllInnerTextsAsync();
        Assert.Equal(number, cells[0].Trim());
        Assert.Equal("王五", cells[1].Trim());
        Assert.StartsWith("2025年度本机关财政预算", cells[2]);
        Assert.Equal("2026-02-12", cells[3].Trim());
        Assert.Equal("2026-03-18（星期三）", cells[4].Trim());
        Assert.Equal("20", cells[5].Trim());
        Assert.Contains("已登记", cells[6]);
        Assert.Contains("正常", cells[6]);
        Assert.Equal("未分配", cells[7].Trim());
        await PageChecks.CheckAsync(page, "queue");

        // Search finds it by applicant; a search for something else shows the empty queue.
        await page.GetByLabel("搜索").FillAsync("王五");
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        Assert.Equal(1, await page.Locator("table.queue tbody tr").CountAsync());
        await page.GetByLabel("搜索").FillAsync("不存在的内容");
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        Assert.Contains("暂无待办案件", await page.InnerTextAsync("main"));

        await page.GoAsync("/cases");
        await page.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await PageChecks.CheckAsync(page, "case-registered");

        await RunActionAsync(page, "分配承办人", async form =>
            Assert.Equal("officer-flow", await form.GetByLabel("承办人（用户名）").InputValueAsync()));
        Assert.Contains("已办理：分配承办人", await page.InnerTextAsync("main"));
        Assert.Contains("状态：办理中", await page.InnerTextAsync("main"));

        await RunActionAsync(page, "提交答复草稿", async form =>
        {
            await form.GetByLabel("办理结果", new() { Exact = true }).SelectOptionAsync("Disclosed");
            await form.GetByLabel("答复书正文").FillAsync("经查，您申请的信息属于公开范围，现予以公开。");
        });
        main = await page.InnerTextAsync("main");
        Assert.Contains("状态：法律审核中", main);
        Assert.Contains("经查，您申请的信息属于公开范围，现予以公开。", main);

        var timeline = await page.Locator("section[aria-labelledby=h-timeline] tbody tr").AllInnerTextsAsync();
        Assert.Equal(3, timeline.Count);
        Assert.Contains("登记申请", timeline[0]);
        Assert.Contains("2026-02-12 10:00", timeline[0]);
        Assert.Contains("分配承办人", timeline[1]);
        Assert.Contains("已登记 → 办理中", timeline[1]);
        Assert.Contains("提交答复草稿", timeline[2]);
        Assert.Contains("办理中 → 法律审核中", timeline[2]);
        await PageChecks.CheckAsync(page, "case-after-draft");

        // The identity number is shown in full only on request, and the request is journaled.
        await page.GetByRole(AriaRole.Button, new() { Name = "显示证件号码" }).ClickAsync();
        Assert.Contains("11010519491231002X", await page.InnerTextAsync("main"));
        Assert.Contains("查看完整证件号码", await page.InnerTextAsync("section[aria-labelledby=h-timeline]"));
        Assert.Empty(_csp);
    }

    [Fact]
    public async Task A_wrong_field_is_shown_beside_that_field_and_everything_typed_is_kept()
    {
        var page = await OfficerAsync("wrong", "officer-wrong");
        await page.GoAsync("/cases/new");
        await PageChecks.CheckAsync(page, "register");
        await page.GetByLabel("收到渠道").SelectOptionAsync("Online");
        await page.GetByLabel("提交或到达日期").FillAsync("2026-02-12");
        await page.GetByLabel("确认日期").FillAsync("2026-02-11"); // before the arrival: refused by RegisterRequest
        await page.GetByLabel("法人或其他组织", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("组织类型（法人或其他组织填写）").SelectOptionAsync("LegalService");
        await page.GetByLabel("申请人姓名或名称").FillAsync("某某律师事务所");
        await page.GetByLabel("电子邮件", new() { Exact = true }).FillAsync("office@lawfirm.example.cn");
        await page.GetByLabel("申请公开的政府信息").FillAsync("某路段道路改造工程的立项批复文件");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync();

        Assert.EndsWith("/cases/new", page.Url);
        var field = page.Locator(".field", new() { Has = page.Locator("#confirmedOn") });
        Assert.Equal("确认日期不能早于申请到达日期。", (await field.Locator(".field-error").InnerTextAsync()).Trim());
        Assert.Equal(1, await page.Locator(".field-error").CountAsync());
        Assert.Equal("#confirmedOn", await page.Locator(".error-summary a").GetAttributeAsync("href"));
        Assert.Equal("Online", await page.GetByLabel("收到渠道").InputValueAsync());
        Assert.Equal("2026-02-12", await page.GetByLabel("提交或到达日期").InputValueAsync());
        Assert.Equal("2026-02-11", await page.GetByLabel("确认日期").InputValueAsync());
        Assert.True(await page.GetByLabel("法人或其他组织", new() { Exact = true }).IsCheckedAsync());
        Assert.Equal("LegalService", await page.GetByLabel("组织类型（法人或其他组织填写）").InputValueAsync());
        Assert.Equal("某某律师事务所", await page.GetByLabel("申请人姓名或名称").InputValueAsync());
        Assert.Equal("office@lawfirm.example.cn", await page.GetByLabel("电子邮件", new() { Exact = true }).InputValueAsync());
        Assert.Equal("某路段道路改造工程的立项批复文件", await page.GetByLabel("申请公开的政府信息").InputValueAsync());
        await PageChecks.CheckAsync(page, "register-errors");

        // Nothing was registered.
        await page.GoAsync("/cases");
        Assert.Contains("暂无待办案件", await page.InnerTextAsync("main"));

        // An action form: the step's own rule (text required) comes back beside the field, the outcome stays chosen.
        var number = await RegisterInPersonAsync(page, "赵六", "某文件");
        await RunActionAsync(page, "分配承办人", _ => Task.CompletedTask);
        await RunActionAsync(page, "提交答复草稿", form => form.GetByLabel("办理结果", new() { Exact = true }).SelectOptionAsync("Unavailable.NotHeld"));
        Assert.Matches(new Regex("/actions/submitDraft$"), page.Url);
        var text = page.Locator(".field", new() { Has = page.Locator("#f-text") });
        Assert.Equal("必填。", (await text.Locator(".field-error").InnerTextAsync()).Trim());
        Assert.Equal("\" *\"", await text.Locator("label").EvaluateAsync<string>("l => getComputedStyle(l, '::after').content"));
        Assert.Equal("true", await page.Locator("#f-text").GetAttributeAsync("aria-required"));
        Assert.Equal("Unavailable.NotHeld", await page.GetByLabel("办理结果", new() { Exact = true }).InputValueAsync());
        Assert.Contains(number, await page.InnerTextAsync("main"));
        await PageChecks.CheckAsync(page, "action-errors");
        Assert.Empty(_csp);
    }

    /// <summary>A request listing two items (domain.md §2.6): the draft form offers one row per registered item, a
    /// withheld item without reasons is refused beside that row's field with everything typed kept, and the reply that
    /// releases one item and withholds the other (art 15) counts as 部分公开, with the rule shown.</summary>
    [Fact]
    public async Task A_reply_answers_each_registered_item_and_the_case_counts_as_partly_disclosed()
    {
        var page = await OfficerAsync("items", "officer-items");
        await RegisterInPersonAsync(page, "钱七", "两份文件", "2025年道路养护合同\n2025年道路养护验收报告");
        Assert.Contains("2025年道路养护验收报告", await page.InnerTextAsync("main"));
        await RunActionAsync(page, "分配承办人", _ => Task.CompletedTask);

        await RunActionAsync(page, "提交答复草稿", async form =>
        {
            Assert.Equal("2025年道路养护合同", await form.GetByLabel("第1个事项 事项内容").InputValueAsync());
            Assert.Equal("2025年道路养护验收报告", await form.GetByLabel("第2个事项 事项内容").InputValueAsync());
            await form.GetByLabel("第1个事项 办理结果").SelectOptionAsync("Disclosed");
            await form.GetByLabel("第2个事项 办理结果").SelectOptionAsync("Withheld.ThirdParty");
            await form.GetByLabel("答复书正文").FillAsync("经查，现就您申请的两个事项分别答复如下。对不予公开的部分不服的，应当先申请行政复议。");
        });
        Assert.Matches(new Regex("/actions/submitDraft$"), page.Url);
        var reasons = page.Locator(".field", new() { Has = page.Locator("#f-items-1-reasons") });
        Assert.Contains("须写明理由", await reasons.Locator(".field-error").InnerTextAsync());
        Assert.Equal("Withheld.ThirdParty", await page.GetByLabel("第2个事项 办理结果").InputValueAsync());
        Assert.Equal("经查，现就您申请的两个事项分别答复如下。对不予公开的部分不服的，应当先申请行政复议。", await page.GetByLabel("答复书正文").InputValueAsync());
        await PageChecks.CheckAsync(page, "action-item-errors");

        await page.GetByLabel("第2个事项 理由").FillAsync("验收报告载有施工单位的商业秘密，施工单位不同意公开。");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交答复草稿" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/cases/\\d+\\?done=submitDraft$"));
        var main = await page.InnerTextAsync("main");
        Assert.Contains("状态：法律审核中", main);
        Assert.Contains("第 1 稿（第 1 轮）：部分公开", main);
        var rows = await page.Locator("table.items-table tbody tr").AllInnerTextsAsync();
        Assert.Equal(2, rows.Count);
        Assert.Contains("2025年道路养护合同", rows[0]);
        Assert.Contains("予以公开", rows[0]);
        Assert.Contains("保护第三方合法权益", rows[1]);
        Assert.Contains("验收报告载有施工单位的商业秘密，施工单位不同意公开。", rows[1]);
        Assert.Contains("属区分处理（条例第三十七条），统计时只计为“部分公开”", main);
        await PageChecks.CheckAsync(page, "case-with-items");
        Assert.Empty(_csp);
    }

    /// <summary>The office registers for a department of its tree: the form offers its agency and those below, and the
    /// case belongs to the chosen one. An officer, with one agency, sees no choice.</summary>
    [Fact]
    public async Task The_office_chooses_the_registering_agency()
    {
        App.Clock.SetChinaTime(new DateOnly(2026, 2, 12), new TimeOnly(10, 0));
        await App.EnsureAgencyAsync("choose-gov");
        await App.EnsureAgencyAsync("choose-dept", "choose-gov");
        await App.CreateUserAsync("office-choose", Roles.Office, "choose-gov");
        var page = await browser.NewPageAsync(_csp);
        await page.GoAsync("/cases/new");
        await page.LogInAsync("office-choose");

        var agency = page.GetByLabel("登记机关");
        Assert.Equal("choose-gov", await agency.InputValueAsync());
        Assert.Equal(["choose-dept", "choose-gov"], (await agency.Locator("option").EvaluateAllAsync<string[]>("os => os.map(o => o.value)")).Order());
        await agency.SelectOptionAsync("choose-dept");
        await page.GetByLabel("收到渠道").SelectOptionAsync("InPerson");
        await page.GetByLabel("提交或到达日期").FillAsync("2026-02-12");
        await page.GetByLabel("自然人", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("申请人姓名或名称").FillAsync("钱七");
        await page.GetByLabel("申请公开的政府信息").FillAsync("某部门的年度工作计划");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/cases/\\d+$"));

        var id = long.Parse(page.Url[(page.Url.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        string? owner = null;
        await App.WithDbAsync(async db => owner = (await db.Cases.FindAsync(id))!.AgencyCode);
        Assert.Equal("choose-dept", owner);

        var officer = await OfficerAsync("choose-officer", "officer-choose");
        await officer.GoAsync("/cases/new");
        Assert.Equal(0, await officer.Locator("#agency").CountAsync());
        Assert.Empty(_csp);
    }

    [Fact]
    public async Task A_stale_case_version_is_reported_not_applied()
    {
        var first = await OfficerAsync("stale", "officer-stale");
        await RegisterInPersonAsync(first, "钱七", "某会议纪要");
        var url = first.Url;
        var second = await browser.NewPageAsync(_csp);
        await second.GoAsync(url);
        await second.LogInAsync("officer-stale");
        Assert.Equal(url, second.Url);

        await RunActionAsync(first, "分配承办人", _ => Task.CompletedTask);
        await RunActionAsync(second, "发出补正告知书", form => form.GetByLabel("需要补正的事项").FillAsync("请写明文件名称"));
        Assert.Contains("案件已被他人修改", await second.InnerTextAsync(".error-summary"));
        Assert.Equal("请写明文件名称", await second.GetByLabel("需要补正的事项").InputValueAsync());
        await second.GoAsync(url);
        Assert.Contains("状态：办理中", await second.InnerTextAsync("main"));
        Assert.DoesNotContain("发出补正告知书", await second.InnerTextAsync("section[aria-labelledby=h-timeline]"));
    }

    [Fact]
    public async Task Notifications_show_the_unread_count_and_can_be_marked_read()
    {
        var page = await OfficerAsync("notes", "officer-notes");
        await App.WithDbAsync(async db =>
        {
            db.Notifications.Add(new Notification
            {
                UserName = "officer-notes", Kind = "reminder", Title = "答复期限即将届满", Body = "案件将于 2026-03-18（星期三）到期。",
                CreatedAtUtc = new DateTime(2026, 2, 12, 2, 0, 0, DateTimeKind.Utc),
            });
            await db.SaveChangesAsync();
        });
        await page.GoAsync("/notifications");
        Assert.Equal("1", (await page.InnerTextAsync(".topbar .badge")).Trim());
        Assert.Contains("答复期限即将届满", await page.InnerTextAsync("main"));
        await PageChecks.CheckAsync(page, "notifications");
        await page.GetByRole(AriaRole.Button, new() { Name = "标为已读", Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync();
        Assert.Equal("0", (await page.InnerTextAsync(".topbar .badge")).Trim());
        Assert.Empty(_csp);
    }
}
