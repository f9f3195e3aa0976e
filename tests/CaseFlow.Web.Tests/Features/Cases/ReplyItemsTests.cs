using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CaseFlow.Web.Tests.Features.Reminders;
using CaseFlow.Web.Tests.Infrastructure;
using static CaseFlow.Web.Tests.Features.Cases.CaseApi;

namespace CaseFlow.Web.Tests.Features.Cases;

/// <summary>
/// Issue 12 item 7 through HTTP and the pages: an application lists its items (事项); the draft reply gives each item an
/// outcome and reasons (本机关不掌握 with the agency responsible); the case counts in table 三 with the one outcome of
/// domain.md §2.6. Received Thu 2026-02-12 in person, delivered by post Fri 2026-02-13.
/// </summary>
[Trait("TimeZone", "Sensitive")]
public abstract partial class ReplyItemsTests(CaseFlowApp app)
{
    public sealed class OnSqlite(SqliteApp app) : ReplyItemsTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : ReplyItemsTests(app), IClassFixture<PostgresApp>;

    private const string TwoItems = """
        {"channel":"InPerson","submittedOn":"2026-02-12","applicantKind":"NaturalPerson","applicantName":"李四",
         "requestedInformation":"某项目的两份文件","items":["2025年某项目环评批复","该项目的招标文件"]}
        """;

    private void Today(int month, int day) => app.Clock.SetChinaTime(new DateOnly(2026, month, day), new TimeOnly(10, 0));

    [Fact]
    public async Task Items_get_their_own_outcomes_and_the_case_counts_once_as_partly_disclosed()
    {
        var desk = await app.DeskAsync();
        var legal = await app.SignedInAsync($"{desk.Agency}-legal", "LegalAdviser", desk.Agency);
        Today(2, 12);
        var c = await desk.Officer.RegisterAsync(TwoItems);
        Assert.Equal(["2025年某项目环评批复", "该项目的招标文件"], c["details"]!["requestedItems"]!.AsArray().Select(x => (string)x!).ToArray());
        c = await desk.Officer.DoAsync(c, "assign", $$"""{"officer":"{{desk.OfficerName}}"}""");

        // one outcome for two registered items, an outcome that contradicts the items, an item without reasons: refused, nothing stored
        var problem = await (await desk.Officer.ActAsync(Id(c), "submitDraft", Version(c),
            """{"text":"答复。","items":[{"outcome":"Disclosed"}]}""")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("每个事项都须有办理结果", problem.FieldErrors("items")[0]);
        const string Items = """[{"outcome":"Disclosed"},{"outcome":"Withheld.ThirdParty","reasons":"招标文件含投标人的商业秘密，第三方不同意公开"}]""";
        problem = await (await desk.Officer.ActAsync(Id(c), "submitDraft", Version(c),
            $$"""{"outcome":"Disclosed","text":"答复。不服可依法申请行政复议。","items":{{Items}}}""")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("应为“部分公开”", problem.FieldErrors("outcome")[0]);
        problem = await (await desk.Officer.ActAsync(Id(c), "submitDraft", Version(c),
            """{"text":"答复。不服可依法申请行政复议。","items":[{"outcome":"Disclosed"},{"outcome":"Withheld.ThirdParty"}]}""")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.FieldErrors("items[1].reasons"));
        var unchanged = await (await desk.Officer.GetAsync($"/api/cases/{Id(c)}")).ReadJsonAsync();
        Assert.Equal(Version(c), Version(unchanged));
        Assert.Empty(unchanged["details"]!["drafts"]!.AsArray());

        c = await desk.Officer.DoAsync(c, "submitDraft", $$"""{"text":"现答复如下。对不予公开部分不服的，可以依法申请行政复议。","items":{{Items}}}""");
        var draft = c["details"]!["drafts"]![0]!;
        Assert.Equal("PartlyDisclosed", (string?)draft["outcome"]);
        Assert.Equal("2025年某项目环评批复", (string?)draft["items"]![0]!["item"]);
        Assert.Equal("Withheld.ThirdParty", (string?)draft["items"]![1]!["outcome"]);
        Assert.Contains("只计为“部分公开”", (string?)draft["outcomeRule"]);

        // the legal adviser sees each item and the rule
        var review = await (await legal.GetAsync($"/review/{Id(c)}")).ReadBodyAsync(HttpStatusCode.OK);
        Assert.Contains("各事项的办理结果", review);
        Assert.Contains("招标文件含投标人的商业秘密，第三方不同意公开", review);
        Assert.Contains("统计口径：部分信息予以公开、部分不予公开", review);

        c = await legal.DoAsync(c, "approveDraft");
        c = await app.ReviewConfidentialityAsync(desk.Agency, c, partly: true);
        c = await desk.Head.DoAsync(c, "signOff");
        Today(2, 13);
        c = await desk.Officer.DoAsync(c, "deliver", """{"method":"Post","deliveredOn":"2026-02-13"}""");
        Assert.Equal("PartlyDisclosed", (string?)c["outcome"]);
        Assert.Equal("2026-02-13", (string?)c["concludedOn"]);

        var report = await (await desk.Office.GetAsync($"/api/reports/annual/2026?agency={desk.Agency}")).ReadJsonAsync();
        var rows = report["table3"]!["rows"]!;
        Assert.Equal(1, (int)rows["PartlyDisclosed"]![6]!); // counted once, only as 部分公开 (总计 column)
        Assert.Equal(0, (int)rows["Disclosed"]![6]!);
        Assert.Equal(0, (int)rows["Withheld.ThirdParty"]![6]!);
        Assert.Equal(1, (int)rows["ConcludedTotal"]![6]!);

        var page = await (await desk.Officer.GetAsync($"/cases/{Id(c)}")).ReadBodyAsync(HttpStatusCode.OK);
        Assert.Contains("<li>2025年某项目环评批复</li>", page);
        Assert.Contains("各事项的办理结果（第 1 稿）", page);
    }

    [Fact]
    public async Task Not_held_names_the_responsible_agency_and_the_main_item_decides()
    {
        var desk = await app.DeskAsync();
        Today(2, 12);
        var c = await desk.Officer.DoAsync(await desk.Officer.RegisterAsync(TwoItems), "assign", $$"""{"officer":"{{desk.OfficerName}}"}""");
        c = await desk.Officer.DoAsync(c, "submitDraft", """
            {"text":"现答复如下。","mainItem":2,"items":[{"outcome":"Disclosed"},
             {"outcome":"Unavailable.NotHeld","reasons":"招标由市公共资源交易中心组织","responsibleAgency":"市公共资源交易中心","responsibleAgencyContact":"0731-12345678"}]}
            """);
        var draft = c["details"]!["drafts"]![0]!;
        Assert.Equal("Unavailable.NotHeld", (string?)draft["outcome"]);
        Assert.Equal(2, (int)draft["mainItem"]!);
        Assert.Equal("市公共资源交易中心", (string?)draft["items"]![1]!["responsibleAgency"]);
        Assert.Equal("0731-12345678", (string?)draft["items"]![1]!["responsibleAgencyContact"]);

        Assert.Contains("主要事项（第2个）", (string?)draft["outcomeRule"]);
        var page = await (await desk.Officer.GetAsync($"/cases/{Id(c)}")).ReadBodyAsync(HttpStatusCode.OK);
        Assert.Contains("市公共资源交易中心（0731-12345678）", page);
        Assert.Contains("2（主要事项）", page);
    }

    [Fact]
    public async Task Draft_form_lists_the_registered_items_and_keeps_what_was_typed_beside_a_row_error()
    {
        var desk = await app.DeskAsync();
        Today(2, 12);
        var c = await desk.Officer.DoAsync(await desk.Officer.RegisterAsync(TwoItems), "assign", $$"""{"officer":"{{desk.OfficerName}}"}""");
        var html = await (await desk.Officer.GetAsync($"/cases/{Id(c)}/actions/submitDraft")).ReadBodyAsync(HttpStatusCode.OK);
        Assert.Contains("name=\"p.items[0].item\" value=\"2025年某项目环评批复\"", html);
        Assert.Contains("name=\"p.items[1].item\" value=\"该项目的招标文件\"", html);
        Assert.Contains("<label for=\"f-items-1-outcome\"", html);
        var token = TokenPattern().Match(html).Groups[1].Value;

        var posted = await desk.Officer.PostAsync($"/cases/{Id(c)}/actions/submitDraft", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["version"] = Version(c).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["p.text"] = "现答复如下。可依法申请行政复议。",
            ["p.items[0].item"] = "2025年某项目环评批复", ["p.items[0].outcome"] = "Disclosed",
            ["p.items[1].item"] = "该项目的招标文件", ["p.items[1].outcome"] = "Withheld.ThirdParty",
            ["p.items[2].item"] = "", ["p.items[2].outcome"] = "",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        var body = await posted.Content.ReadAsStringAsync();
        Assert.Matches("id=\"f-items-1-reasons-error\"[^>]*>“属于保护第三方合法权益”须写明理由|id=\"f-items-1-reasons-error\"[^>]*>“保护第三方合法权益”须写明理由", body);
        Assert.Contains("href=\"#f-items-1-reasons\"", body); // the summary links to the row's field
        Assert.Contains(">现答复如下。可依法申请行政复议。</textarea>", body);
        Assert.Matches("<option value=\"Withheld.ThirdParty\" selected=\"selected\"", body);

        posted = await desk.Officer.PostAsync($"/cases/{Id(c)}/actions/submitDraft", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["version"] = Version(c).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["p.text"] = "现答复如下。可依法申请行政复议。",
            ["p.items[0].item"] = "2025年某项目环评批复", ["p.items[0].outcome"] = "Disclosed",
            ["p.items[1].item"] = "该项目的招标文件", ["p.items[1].outcome"] = "Withheld.ThirdParty", ["p.items[1].reasons"] = "涉及商业秘密",
        }));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode); // redirected to the case page, which the client follows
        Assert.Equal($"/cases/{Id(c)}", posted.RequestMessage!.RequestUri!.AbsolutePath);
        var after = await (await desk.Officer.GetAsync($"/api/cases/{Id(c)}")).ReadJsonAsync();
        Assert.Equal("PartlyDisclosed", (string?)after["details"]!["drafts"]![0]!["outcome"]);
    }

    [Fact]
    public async Task Registration_refuses_a_blank_item_by_its_line()
    {
        var desk = await app.DeskAsync();
        Today(2, 12);
        var problem = await (await desk.Officer.PostJsonAsync("/api/cases", TwoItems.Replace("\"该项目的招标文件\"", "\" \""))).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.FieldErrors("items[1]"));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
