using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CaseFlow.Browser.Tests.Infrastructure;
using CaseFlow.Web.Tests.Infrastructure;
using CaseFlow.Workflows.Definitions;
using Microsoft.Playwright;

namespace CaseFlow.Browser.Tests.Features.Review;

/// <summary>
/// A request from registration to delivery through the pages of the officer, the legal adviser (/review) and the head
/// (/approvals), each step checked from what the next user sees. Dates counted by hand from domain.md §3 on the 2026
/// calendar (days off 02-15..23, 04-04..06, 05-01..05; make-up working days 02-14, 02-28):
/// received Thu 02-12 → reply due Wed 03-18; correction notice sent Fri 02-13 with 15 working days → Thu 03-12;
/// corrected application received Thu 02-26 (day 0) → due Wed 03-25; third party consulted Mon 03-02 (its receipt not
/// known yet: its reply due 15 working days after sending, Mon 03-23), used 3 working days (02-27, 02-28, 03-02), 17 left; reply Mon 03-09, so
/// 03-03..03-06 and 03-09 (5 working days) are left out → due Wed 04-01; extension of 20 working days → Thu 04-30
/// (04-02, 04-03, 04-07 … 04-30, around the 04-04..06 days off).
/// </summary>
[Trait("TimeZone", "Sensitive")]
public sealed class ReviewAndApprovalPagesTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private CaseFlowApp App => browser.App;
    private readonly List<string> _csp = [];

    private void Today(int month, int day, int hour = 10) => App.Clock.SetChinaTime(new DateOnly(2026, month, day), new TimeOnly(hour, 0));

    private async Task<IPage> SignInAsync(string user, string role, string agency, string start)
    {
        await App.CreateUserAsync(user, role, agency);
        var page = await browser.NewPageAsync(_csp);
        await page.GoAsync("/");
        await page.LogInAsync(user);
        Assert.EndsWith(start, page.Url);
        return page;
    }

    /// <summary>Opens the form of <paramref name="label"/> inside <paramref name="scope"/>, fills it, submits it.</summary>
    private static async Task RunActionAsync(IPage page, ILocator scope, string label, Func<ILocator, Task> fill)
    {
        var details = scope.Locator("details.action", new() { Has = page.Locator("summary", new() { HasTextRegex = new Regex($"^{Regex.Escape(label)}$") }) });
        if (await details.GetAttributeAsync("open") is null) await details.Locator(":scope > summary").ClickAsync();
        await fill(details);
        await details.GetByRole(AriaRole.Button, new() { Name = label, Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    private static Task RunCaseActionAsync(IPage page, string label, Func<ILocator, Task> fill) =>
        RunActionAsync(page, page.Locator("section[aria-labelledby=h-actions]"), label, fill);

    private static Task<string> MainAsync(IPage page) => page.InnerTextAsync("main");

    private static Task<string> ClockAsync(IPage page) => page.InnerTextAsync("section[aria-labelledby=h-clock]");

    [Fact]
    public async Task A_request_goes_from_registration_through_review_and_approvals_to_delivery()
    {
        // ---- 02-12: the officer registers the request and takes it.
        Today(2, 12);
        var officer = await SignInAsync("officer-rv", Roles.Officer, "rv", "/cases");
        await officer.GetByRole(AriaRole.Link, new() { Name = "登记申请" }).ClickAsync();
        await officer.GetByLabel("收到渠道").SelectOptionAsync("InPerson");
        await officer.GetByLabel("提交或到达日期").FillAsync("2026-02-12");
        await officer.GetByLabel("自然人", new() { Exact = true }).CheckAsync();
        await officer.GetByLabel("申请人姓名或名称").FillAsync("孙八");
        await officer.GetByLabel("申请公开的政府信息").FillAsync("某产业园区项目与企业签订的投资协议");
        await officer.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();
        await officer.WaitForURLAsync(new Regex("/cases/\\d+$"));
        var caseUrl = new Uri(officer.Url).AbsolutePath;
        var id = long.Parse(caseUrl[(caseUrl.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var number = (await officer.InnerTextAsync("h1")).Trim();
        Assert.Contains("答复期限：2026-03-18（星期三）", await MainAsync(officer));
        await RunCaseActionAsync(officer, "分配承办人", _ => Task.CompletedTask);

        // ---- 02-13: a correction notice; the queue shows the clock stopped for the correction.
        Today(2, 13);
        await RunCaseActionAsync(officer, "发出补正告知书", async f =>
        {
            await f.GetByLabel("需要补正的事项").FillAsync("请写明所需投资协议的签订年份或项目名称");
            await f.GetByLabel("补正期限（工作日）").FillAsync("15");
        });
        Assert.Contains("状态：待补正", await MainAsync(officer));
        Assert.Contains("15 个工作日，至 2026-03-12（星期四）", await officer.InnerTextAsync("section[aria-labelledby=h-correction]"));
        await officer.GoAsync("/cases");
        var row = await officer.Locator("table.queue tbody tr", new() { HasTextString = number }).InnerTextAsync();
        Assert.Contains("待补正", row);
        Assert.Contains("中止计算（补正）", row);

        // ---- 02-26: the corrected application arrives; the clock starts again from it.
        Today(2, 26);
        await officer.GoAsync(caseUrl);
        await RunCaseActionAsync(officer, "收到补正", f => f.GetByLabel("收到日期").FillAsync("2026-02-26"));
        Assert.Contains("状态：办理中", await MainAsync(officer));
        var clock = await ClockAsync(officer);
        Assert.Contains("答复期限：2026-03-25（星期三）", clock);
        Assert.Contains("2026-02-26（星期四） 收到补正后的申请，答复期限自该日重新计算（第0日）", clock);

        // ---- 03-02: a third party is consulted; the clock stops.
        Today(3, 2);
        await officer.GoAsync(caseUrl);
        await RunCaseActionAsync(officer, "征求意见", async f =>
        {
            await f.GetByLabel("类别").SelectOptionAsync("ThirdParty");
            await f.GetByLabel("被征求意见方").FillAsync("某科技有限公司");
            // The party's receipt is an outside event: not known yet today, so left empty (the period runs from today).
        });
        clock = await ClockAsync(officer);
        Assert.Contains("（中止计算）", clock);
        Assert.Contains("2026-03-02 起 征求第三方意见，尚未结束，答复期限中止计算", clock);
        Assert.Contains("期限中止中：已用3个工作日，剩余17个工作日", clock);
        // 15 working days after 03-02: 03-03..06=1..4, 03-09..13=5..9, 03-16..20=10..14, 03-23=15
        Assert.Contains("2026-03-23（星期一）", await officer.InnerTextAsync("section[aria-labelledby=h-consultation]"));

        // ---- 03-09: the third party objects; the 5 working days of the consultation are left out.
        Today(3, 9);
        await officer.GoAsync(caseUrl);
        await RunCaseActionAsync(officer, "登记征求意见回复", async f =>
        {
            await f.GetByLabel("征求意见编号").FillAsync("1");
            await f.GetByLabel("回复日期").FillAsync("2026-03-09");
            await f.GetByLabel("意见", new() { Exact = true }).SelectOptionAsync("Objection");
            await f.GetByLabel("回复摘要").FillAsync("不同意公开协议中的商业条款");
        });
        clock = await ClockAsync(officer);
        Assert.Contains("答复期限：2026-04-01（星期三）", clock);
        Assert.Contains("2026-03-02 至 2026-03-09 征求第三方意见，不计入答复期限（5个工作日）", clock);

        // ---- 03-10: the officer asks for an extension.
        Today(3, 10);
        await officer.GoAsync(caseUrl);
        await RunCaseActionAsync(officer, "申请延期答复", async f =>
        {
            await f.GetByLabel("延长工作日数").FillAsync("20");
            await f.GetByLabel("理由", new() { Exact = true }).FillAsync("协议内容需逐条区分可公开部分");
        });
        Assert.Contains("待负责人决定", await officer.InnerTextAsync("section[aria-labelledby=h-extension]"));

        // ---- 03-11: the head sees the request with the case's clock and approves it.
        Today(3, 11);
        var head = await SignInAsync("head-rv", Roles.Head, "rv", "/approvals");
        var entry = head.Locator("section[aria-labelledby=h-extension] article.approval", new() { HasTextString = number });
        var text = await entry.InnerTextAsync();
        Assert.Contains("孙八", text);
        Assert.Contains("officer-rv", text);
        Assert.Contains("2026-04-01（星期三）", text);
        Assert.Contains("剩余 15 个工作日", text);
        Assert.Contains("延长 20 个工作日（officer-rv 于 2026-03-10 申请）", text);
        Assert.Contains("协议内容需逐条区分可公开部分", text);
        Assert.Contains("批准后答复期限", text);
        Assert.Contains("2026-04-30（星期四）", text);
        Assert.Contains("2026-03-02 至 2026-03-09 征求第三方意见，不计入答复期限（5个工作日）", text);
        Assert.Contains("答复期限届满日：2026-04-01（星期三）（第20个计入的工作日）", text);
        Assert.Contains("暂无待签发的答复", await MainAsync(head));
        await PageChecks.CheckAsync(head, "approvals-extension");

        // The approval and the notice to the applicant are dated by the server (today, 03-11): the form asks no date.
        Assert.Equal(0, await entry.Locator($"#c{id}-approveExtension-f-decidedOn, #c{id}-approveExtension-f-notifiedOn").CountAsync());
        await RunActionAsync(head, entry, "批准延期", _ => Task.CompletedTask);
        Assert.EndsWith($"/approvals?done=approveExtension&case={id}", head.Url);
        Assert.Contains($"已办理：批准延期（案件 {number}）", await MainAsync(head));
        Assert.Contains("暂无待批准的延期申请", await MainAsync(head));

        await officer.GoAsync(caseUrl);
        clock = await ClockAsync(officer);
        Assert.Contains("答复期限：2026-04-30（星期四）", clock);
        Assert.Contains("经政府信息公开工作机构负责人同意延长答复期限20个工作日（条例第三十三条第二款）", clock);

        // ---- 03-16: the officer drafts the reply; the legal adviser sees it in the review queue.
        Today(3, 16);
        await officer.GoAsync(caseUrl);
        const string firstDraft = "孙八：\n经审查，您申请的投资协议涉及第三方商业秘密，第三方不同意公开。\n根据条例第三十二条，现部分公开如下。";
        await RunCaseActionAsync(officer, "提交答复草稿", async f =>
        {
            await f.GetByLabel("办理结果", new() { Exact = true }).SelectOptionAsync("PartlyDisclosed");
            await f.GetByLabel("答复书正文").FillAsync(firstDraft);
        });
        Assert.Contains("状态：法律审核中", await MainAsync(officer));

        var legal = await SignInAsync("legal-rv", Roles.LegalAdviser, "rv", "/review");
        var cells = await legal.Locator("table.review-queue tbody tr", new() { HasTextString = number }).Locator("th, td").AllInnerTextsAsync();
        Assert.Equal([number, "孙八", "（二） 部分公开", "第 1 稿", "officer-rv", "2026-03-16 10:00", "2026-04-30（星期四）", "32", "正常"],
            cells.Select(x => x.Trim()));
        await PageChecks.CheckAsync(legal, "review-queue");

        // ---- 03-17: the legal adviser reads the draft and returns it with a comment.
        Today(3, 17);
        await legal.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        Assert.EndsWith($"/review/{id}", legal.Url);
        var main = await MainAsync(legal);
        Assert.Contains("答复草稿（第 1 稿）", main);
        Assert.Contains("（二） 部分公开", main);
        Assert.Contains("条例第三十七条", main);
        Assert.Contains("这是本案的第一稿，没有可比较的上一稿。", main);
        var letter = await legal.InnerTextAsync(".letter-preview");
        Assert.Contains("经审查，您申请的投资协议涉及第三方商业秘密", letter);
        Assert.Single(Regex.Matches(letter, "孙八："));
        var actions = legal.Locator("section[aria-labelledby=h-review-actions]");
        await RunActionAsync(legal, actions, "退回修改", _ => Task.CompletedTask);
        Assert.EndsWith($"/review/{id}/returnDraft", legal.Url);
        var comments = legal.Locator(".field", new() { Has = legal.Locator("#returnDraft-f-comments") });
        Assert.Equal("退回须写明修改意见。", (await comments.Locator(".field-error").InnerTextAsync()).Trim());
        Assert.Contains("答复草稿（第 1 稿）", await MainAsync(legal));
        await RunActionAsync(legal, actions, "退回修改", f => f.GetByLabel("审核意见").FillAsync("请写明不予公开部分所依据的条款（条例第十五条、第三十二条），并告知申请人救济途径。"));
        Assert.EndsWith($"/review?done=returnDraft&id={id}", legal.Url);
        Assert.Contains($"已办理：退回修改（案件 {number}）", await MainAsync(legal));
        Assert.Contains("暂无待审核的答复草稿", await MainAsync(legal));

        // ---- 03-18: the officer sees the comment and revises.
        Today(3, 18);
        await officer.GoAsync(caseUrl);
        main = await MainAsync(officer);
        Assert.Contains("状态：办理中", main);
        Assert.Contains("请写明不予公开部分所依据的条款", await officer.InnerTextAsync("section[aria-labelledby=h-drafts]"));
        Assert.Contains("退回修改", await officer.InnerTextAsync("section[aria-labelledby=h-timeline]"));
        const string secondDraft = "孙八：\n经审查，您申请的投资协议涉及第三方商业秘密。\n根据条例第十五条、第三十二条和第三十七条，现部分公开如下。\n" +
            "如对本答复不服，可以在收到本答复之日起60日内申请行政复议。";
        await RunCaseActionAsync(officer, "提交答复草稿", async f =>
        {
            await f.GetByLabel("办理结果", new() { Exact = true }).SelectOptionAsync("PartlyDisclosed");
            await f.GetByLabel("答复书正文").FillAsync(secondDraft);
        });

        // ---- 03-19: the legal adviser sees what changed since the returned draft, and approves.
        Today(3, 19);
        await legal.GoAsync("/review");
        Assert.Contains("第 2 稿", await legal.Locator("table.review-queue tbody tr", new() { HasTextString = number }).InnerTextAsync());
        await legal.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        main = await MainAsync(legal);
        Assert.Contains("第 1 稿 → 第 2 稿：新增 3 处，删除 1 处。", main);
        Assert.Contains("第 1 稿审核意见", main);
        // The last line had no line break in the first draft (the page trims what is typed), so the break comes with
        // the added line, and its label after the break.
        Assert.Equal(["新增十五条、第", "新增和第三十七条", "\n新增如对本答复不服，可以在收到本答复之日起60日内申请行政复议。"],
            (await legal.Locator(".diff ins").AllInnerTextsAsync()).Select(x => x.Replace("\r", "")));
        Assert.Equal(["删除，第三方不同意公开"], await legal.Locator(".diff del").AllInnerTextsAsync());
        Assert.Contains("孙八：\n经审查，您申请的投资协议涉及第三方商业秘密删除，第三方不同意公开。\n根据条例第新增十五条、第三十二条新增和第三十七条，现部分公开如下。",
            (await legal.InnerTextAsync(".diff")).Replace("\r", ""));
        await PageChecks.CheckAsync(legal, "review-case");
        await RunActionAsync(legal, legal.Locator("section[aria-labelledby=h-review-actions]"), "审核通过",
            f => f.GetByLabel("审核意见").FillAsync("同意。"));
        Assert.Contains($"已办理：审核通过（案件 {number}）", await MainAsync(legal));

        // ---- 03-19: the 保密审查员 reviews what the reply releases (v2, domain.md §2.6); until then the head cannot sign.
        var reviewer = await SignInAsync("reviewer-rv", Roles.ConfidentialityReviewer, "rv", "/notifications");
        await reviewer.GoAsync(caseUrl);
        Assert.Contains("当前答复草稿尚无保密审查记录", await reviewer.InnerTextAsync("section[aria-labelledby=h-confidentiality]"));
        await RunCaseActionAsync(reviewer, "登记保密审查", async f =>
        {
            await f.GetByLabel("审查的文件").FillAsync("投资协议（共12页）");
            await f.GetByLabel("审查结论").SelectOptionAsync("PartlyDisclose");
            await f.GetByLabel("结论理由").FillAsync("第4至7页载有第三方商业秘密，应区分处理；其余部分不涉及国家秘密和工作秘密。");
        });
        var review = await reviewer.InnerTextAsync("section[aria-labelledby=h-confidentiality]");
        Assert.Contains("第 2 稿已经保密审查，结论与办理结果一致。", review);
        Assert.Contains("2026-03-19", review);
        Assert.Contains("部分公开", review);
        await PageChecks.CheckAsync(reviewer, "case-confidentiality-review");

        // ---- 03-20: the head signs the reply off from the approvals page; printed, the page is a clean sheet.
        Today(3, 20);
        await head.GoAsync("/approvals");
        entry = head.Locator("section[aria-labelledby=h-signoff] article.approval", new() { HasTextString = number });
        text = await entry.InnerTextAsync();
        Assert.Contains("（二） 部分公开", text);
        Assert.Contains("已通过（legal-rv）", text);
        Assert.Contains("部分公开（reviewer-rv，2026-03-19）", text);
        Assert.Contains("2026-04-30（星期四）", text);
        Assert.Contains("剩余 28 个工作日", text);
        Assert.Contains("答复期限届满日：2026-04-30（星期四）（第40个计入的工作日）", text);
        await PageChecks.CheckAsync(head, "approvals");
        await head.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.Equal("none", await head.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.sidenav')).display"));
        Assert.Equal("none", await head.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('article.approval details.action')).display"));
        Assert.Equal("block", await head.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('article.approval .sign-line')).display"));
        await head.ScreenshotAsync(new() { Path = Path.Combine(PageChecks.ScreenshotFolder, "approvals-print.png"), FullPage = true });
        await head.PdfAsync(new() { Path = Path.Combine(PageChecks.ScreenshotFolder, "approvals-print.pdf"), Format = "A4" });
        await head.EmulateMediaAsync(new() { Media = Media.Screen });
        await RunActionAsync(head, entry, "签发", _ => Task.CompletedTask);
        Assert.Contains($"已办理：签发（案件 {number}）", await MainAsync(head));
        Assert.Contains("暂无待签发的答复", await MainAsync(head));

        // ---- 03-23: the officer records the delivery; the case is concluded, its timeline complete.
        Today(3, 23);
        await officer.GoAsync(caseUrl);
        Assert.Contains("状态：待送达", await MainAsync(officer));
        await RunCaseActionAsync(officer, "送达答复", async f =>
        {
            await f.GetByLabel("方式").SelectOptionAsync("Post");
            await f.GetByLabel("送达日期").FillAsync("2026-03-23");
        });
        main = await MainAsync(officer);
        Assert.Contains("状态：已办结", main);
        Assert.Contains("部分公开（2026-03-23 办结）", main);
        var timeline = await officer.Locator("section[aria-labelledby=h-timeline] tbody tr th").AllInnerTextsAsync();
        Assert.Equal(["登记申请", "分配承办人", "发出补正告知书", "收到补正", "征求意见", "登记征求意见回复", "申请延期答复", "批准延期",
            "提交答复草稿", "退回修改", "提交答复草稿", "审核通过", "登记保密审查", "签发", "送达答复"], timeline.Select(t => t.Trim()));
        var actors = await officer.Locator("section[aria-labelledby=h-timeline] tbody tr td:nth-child(2)").AllInnerTextsAsync();
        Assert.Equal(["officer-rv", "officer-rv", "officer-rv", "officer-rv", "officer-rv", "officer-rv", "officer-rv", "head-rv",
            "officer-rv", "legal-rv", "officer-rv", "legal-rv", "reviewer-rv", "head-rv", "officer-rv"], actors.Select(a => a.Trim()));
        Assert.Empty(_csp);
    }

    private static async Task<JsonObject> ActAsync(HttpClient client, JsonObject c, string action, string payload)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{(long)c["id"]!}/actions/{action}")
        {
            Content = new StringContent(payload, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{(int)c["version"]!}\"");
        return await (await client.SendAsync(request)).ReadJsonAsync();
    }

    private static async Task AssertRefusedAsync(IPage page, string url, params string[] hidden)
    {
        Assert.Equal(403, await page.GoAsync(url));
        Assert.Equal("无权访问", (await page.InnerTextAsync("h1")).Trim());
        var main = await page.InnerTextAsync("main");
        foreach (var text in hidden) Assert.DoesNotContain(text, main);
        Assert.Equal(0, await page.Locator("main table, main form, main article").CountAsync());
    }

    [Fact]
    public async Task Users_without_the_role_get_the_refusal_page_never_the_queue_or_the_draft()
    {
        // Arranged through the API (not what this test is about): one draft waiting for legal review, one extension
        // request waiting for the head, both in agency "deny".
        Today(3, 2);
        var api = await App.SignedInAsync("officer-deny", Roles.Officer, "deny");
        const string registration = """
            {"channel":"InPerson","submittedOn":"2026-03-02","applicantKind":"NaturalPerson","applicantName":"周九",
             "requestedInformation":"某河道整治工程的验收报告"}
            """;
        var draft = await (await api.PostJsonAsync("/api/cases", registration)).ReadJsonAsync(HttpStatusCode.Created);
        draft = await ActAsync(api, draft, "assign", """{"officer":"officer-deny"}""");
        draft = await ActAsync(api, draft, "submitDraft", """{"outcome":"Disclosed","text":"只应给法律顾问看的草稿正文。"}""");
        var extension = await (await api.PostJsonAsync("/api/cases", registration)).ReadJsonAsync(HttpStatusCode.Created);
        extension = await ActAsync(api, extension, "assign", """{"officer":"officer-deny"}""");
        extension = await ActAsync(api, extension, "requestExtension", """{"days":10,"reason":"只应给负责人看的延期理由"}""");
        var draftNumber = (string)draft["caseNumber"]!;
        var extensionNumber = (string)extension["caseNumber"]!;
        var draftId = (long)draft["id"]!;
        var extensionId = (long)extension["id"]!;

        // The officer: neither page, nor a review page of his own case.
        var officer = await SignInAsync("officer-deny", Roles.Officer, "deny", "/cases");
        await AssertRefusedAsync(officer, "/review", draftNumber);
        await AssertRefusedAsync(officer, $"/review/{draftId}", "只应给法律顾问看的草稿正文。");
        await AssertRefusedAsync(officer, "/approvals", extensionNumber, "只应给负责人看的延期理由");
        await PageChecks.CheckAsync(officer, "approvals-refused");

        // Nor can he approve his own extension by posting the head's form with a valid antiforgery token of his own.
        await officer.GoAsync($"/cases/{extensionId}");
        var token = await officer.Locator("input[name=__RequestVerificationToken]").First.InputValueAsync();
        var form = officer.APIRequest.CreateFormData();
        form.Set("__RequestVerificationToken", token);
        form.Set("version", ((int)extension["version"]!).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var post = await officer.APIRequest.PostAsync($"/approvals/{extensionId}/approveExtension", new() { Form = form, MaxRedirects = 0 });
        Assert.Equal(403, post.Status);
        var after = await (await api.GetAsync($"/api/cases/{extensionId}")).ReadJsonAsync();
        Assert.Equal(0, (int)after["extensionDays"]!);
        Assert.Null((bool?)after["details"]!["extension"]!["approved"]);

        // The legal adviser sees the draft but not the approvals; the head the approvals but not the review.
        var legal = await SignInAsync("legal-deny", Roles.LegalAdviser, "deny", "/review");
        Assert.Contains(draftNumber, await legal.InnerTextAsync("main"));
        await AssertRefusedAsync(legal, "/approvals", extensionNumber, "只应给负责人看的延期理由");
        var head = await SignInAsync("head-deny", Roles.Head, "deny", "/approvals");
        Assert.Contains(extensionNumber, await head.InnerTextAsync("main"));
        await AssertRefusedAsync(head, "/review", draftNumber);
        await AssertRefusedAsync(head, $"/review/{draftId}", "只应给法律顾问看的草稿正文。");

        // A legal adviser of another agency: the case does not exist for him, and his queue is empty.
        var stranger = await SignInAsync("legal-other", Roles.LegalAdviser, "other", "/review");
        Assert.Contains("暂无待审核的答复草稿", await stranger.InnerTextAsync("main"));
        Assert.Equal(404, await stranger.GoAsync($"/review/{draftId}"));
        Assert.DoesNotContain("只应给法律顾问看的草稿正文。", await stranger.InnerTextAsync("main"));
        Assert.Empty(_csp);
    }
}
