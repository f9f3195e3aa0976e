using System.Net;
using CaseFlow.Web.Tests.Features.Reminders;
using System.Text.Json.Nodes;
using CaseFlow.Data;
using CaseFlow.Data.Identity;
using CaseFlow.Tests.Shared;
using CaseFlow.Web.Features.Admin;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using CaseFlow.Web.Tests.Infrastructure;
using static CaseFlow.Web.Tests.Features.Cases.CaseApi;

namespace CaseFlow.Web.Tests.Features.Cases;

/// <summary>
/// Issue 12 item 9: 保密审查 (arts 4(4), 17; domain.md §2.6) on v2 through HTTP. A reply that releases information
/// (予以公开, 部分公开) is signed off only after a recorded review of the same draft by the 保密审查员 whose conclusion
/// matches the outcome: 可以公开 ↔ 予以公开, 部分公开 ↔ 部分公开. Application received Thu 2026-02-12; the review is
/// recorded on Fri 2026-02-13, the server's China-time date.
/// </summary>
[Trait("TimeZone", "Sensitive")]
public abstract class ConfidentialityReviewTests(CaseFlowApp app) : IAsyncLifetime
{
    public sealed class OnSqlite(SqliteApp app) : ConfidentialityReviewTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : ConfidentialityReviewTests(app), IClassFixture<PostgresApp>;

    private HttpClient _officer = null!, _legal = null!, _head = null!, _reviewer = null!;

    public async Task InitializeAsync()
    {
        Today(2, 12);
        _officer = await app.SignedInAsync("officer", "Officer");
        _legal = await app.SignedInAsync("legal", "LegalAdviser");
        _head = await app.SignedInAsync("head", "Head");
        _reviewer = await app.SignedInAsync("reviewer", "ConfidentialityReviewer");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private void Today(int month, int day) => app.Clock.SetChinaTime(new DateOnly(2026, month, day), new TimeOnly(10, 0));

    private const string MayDisclose = """{"documents":"《某项目环境影响评价批复》（某环审〔2025〕12号）","conclusion":"MayDisclose","reasons":"不涉及国家秘密、工作秘密和第三方合法权益"}""";

    private async Task<JsonObject> AtSignOffAsync(string outcome, string text)
    {
        Today(2, 12);
        var c = await _officer.DoAsync(await _officer.RegisterAsync(), "assign", """{"officer":"officer"}""");
        c = await _officer.DoAsync(c, "submitDraft", $$"""{"outcome":"{{outcome}}","text":"{{text}}"}""");
        c = await _legal.DoAsync(c, "approveDraft");
        Assert.Equal("signOff", (string?)c["state"]);
        return c;
    }

    private static async Task<JsonObject> AsAsync(HttpClient client, JsonObject c) =>
        await (await client.GetAsync($"/api/cases/{Id(c)}")).ReadJsonAsync();

    [Fact]
    public async Task Disclosed_reply_is_signed_off_only_after_a_matching_review_recorded_with_the_server_date()
    {
        var c = await AtSignOffAsync("Disclosed", "现将所申请信息提供如下。");
        Assert.DoesNotContain("signOff", Actions(await AsAsync(_head, c)));
        var refused = await (await _head.ActAsync(Id(c), "signOff", Version(c))).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("条例第十七条", (string?)refused["detail"]);
        Assert.Contains("尚无保密审查记录", (string?)refused["detail"]);
        // the head's approvals page lists the reply with the reason 签发 is not offered yet
        var approvals = await (await _head.GetAsync("/approvals")).ReadBodyAsync(HttpStatusCode.OK);
        Assert.Contains("<dt>保密审查</dt>", approvals);
        Assert.Contains("当前答复草稿尚无保密审查记录", approvals);

        Today(2, 13);
        Assert.Contains("recordConfidentialityReview", Actions(await AsAsync(_reviewer, c)));
        c = await _reviewer.DoAsync(c, "recordConfidentialityReview", MayDisclose);
        var review = c["details"]!["confidentialityReviews"]![0]!;
        Assert.Equal("reviewer", (string?)review["reviewer"]);
        Assert.Equal("2026-02-13", (string?)review["reviewedOn"]);
        Assert.Equal(1, (int)review["draftNumber"]!);
        Assert.Equal("MayDisclose", (string?)review["conclusion"]);
        Assert.Equal("不涉及国家秘密、工作秘密和第三方合法权益", (string?)review["reasons"]);
        Assert.Equal("signOff", (string?)c["state"]); // recording the review moves nothing

        Assert.Contains("signOff", Actions(await AsAsync(_head, c)));
        c = await _head.DoAsync(c, "signOff");
        Assert.Equal("delivery", (string?)c["state"]);
        c = await _officer.DoAsync(c, "deliver", """{"method":"Post","deliveredOn":"2026-02-13"}""");
        Assert.Equal("Disclosed", (string?)c["outcome"]);
    }

    /// <summary>The notifications of <paramref name="user"/> about case <paramref name="c"/> (the class shares its users).</summary>
    private static async Task<List<string>> NoticesAsync(HttpClient user, JsonObject c) =>
        [.. (await user.GetArrayAsync("/api/me/notifications")).Where(n => (long?)n!["caseId"] == Id(c) && (string?)n["kind"] == "TaskWaiting")
            .Select(n => (string)n!["title"]!)];

    [Fact]
    public async Task The_people_a_reply_now_waits_for_are_told()
    {
        Today(2, 12);
        var c = await _officer.DoAsync(await _officer.RegisterAsync(), "assign", """{"officer":"officer"}""");
        c = await _officer.DoAsync(c, "submitDraft", """{"outcome":"Disclosed","text":"现将所申请信息提供如下。"}""");
        var number = (string)c["caseNumber"]!;
        Assert.Equal([$"{number} 法律审核中，待您办理"], await NoticesAsync(_legal, c));
        Assert.Empty(await NoticesAsync(_head, c));
        Assert.Empty(await NoticesAsync(_officer, c));

        c = await _legal.DoAsync(c, "approveDraft");
        Assert.Equal([$"{number} 待签发，待您办理"], await NoticesAsync(_head, c));
        Assert.Equal([$"{number} 待保密审查"], await NoticesAsync(_reviewer, c));
        Assert.Single(await NoticesAsync(_legal, c)); // nothing new for the legal adviser
    }

    [Fact]
    public async Task Review_date_cannot_be_typed()
    {
        var c = await AtSignOffAsync("Disclosed", "现将所申请信息提供如下。");
        var problem = await (await _reviewer.ActAsync(Id(c), "recordConfidentialityReview", Version(c),
            """{"documents":"批复","conclusion":"MayDisclose","reasons":"不涉密","reviewedOn":"2026-01-05"}""")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.FieldErrors("reviewedOn"));
    }

    [Fact]
    public async Task A_conclusion_that_does_not_match_the_outcome_keeps_sign_off_refused()
    {
        var c = await AtSignOffAsync("PartlyDisclosed", "部分公开，其余部分属于第三方商业秘密，不予公开。可依法申请行政复议。");
        c = await _reviewer.DoAsync(c, "recordConfidentialityReview", MayDisclose);
        var refused = await (await _head.ActAsync(Id(c), "signOff", Version(c))).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("“可以公开”", (string?)refused["detail"]);
        Assert.Contains("“部分公开”", (string?)refused["detail"]);

        c = await _reviewer.DoAsync(c, "recordConfidentialityReview",
            """{"documents":"环评报告全本","conclusion":"PartlyDisclose","reasons":"第5至8页含第三方商业秘密，应区分处理"}""");
        c = await _head.DoAsync(c, "signOff");
        Assert.Equal("delivery", (string?)c["state"]);
        Assert.Equal(2, c["details"]!["confidentialityReviews"]!.AsArray().Count);
    }

    [Fact]
    public async Task May_not_disclose_blocks_sign_off_until_the_draft_is_returned()
    {
        var c = await AtSignOffAsync("Disclosed", "现将所申请信息提供如下。");
        c = await _reviewer.DoAsync(c, "recordConfidentialityReview", """{"documents":"批复","conclusion":"MayNotDisclose","reasons":"含国家秘密"}""");
        Assert.DoesNotContain("signOff", Actions(await AsAsync(_head, c)));
        Assert.Contains("returnFromSignOff", Actions(await AsAsync(_head, c)));
        c = await _head.DoAsync(c, "returnFromSignOff", """{"comments":"保密审查结论为不得公开"}""");
        Assert.Equal("handling", (string?)c["state"]);

        // the new draft refuses disclosure: no review needed, sign-off is offered at once
        c = await _officer.DoAsync(c, "submitDraft", """{"outcome":"Withheld.StateSecret","text":"所申请信息属于国家秘密，不予公开。不服本答复的，应当先申请行政复议。"}""");
        c = await _legal.DoAsync(c, "approveDraft");
        Assert.DoesNotContain("recordConfidentialityReview", Actions(await AsAsync(_reviewer, c)));
        await (await _reviewer.ActAsync(Id(c), "recordConfidentialityReview", Version(c), MayDisclose)).ReadProblemAsync(HttpStatusCode.Conflict);
        c = await _head.DoAsync(c, "signOff");
        Assert.Equal("delivery", (string?)c["state"]);
    }

    [Fact]
    public async Task A_review_belongs_to_its_draft_a_new_draft_needs_its_own()
    {
        var c = await AtSignOffAsync("Disclosed", "现将所申请信息提供如下。");
        c = await _reviewer.DoAsync(c, "recordConfidentialityReview", MayDisclose);
        c = await _head.DoAsync(c, "returnFromSignOff", """{"comments":"请补充附件清单"}""");
        c = await _officer.DoAsync(c, "submitDraft", """{"outcome":"Disclosed","text":"现将所申请信息及附件清单提供如下。"}""");
        c = await _legal.DoAsync(c, "approveDraft");
        Assert.DoesNotContain("signOff", Actions(await AsAsync(_head, c)));
        c = await _reviewer.DoAsync(c, "recordConfidentialityReview", MayDisclose);
        Assert.Equal(2, (int)c["details"]!["confidentialityReviews"]![1]!["draftNumber"]!);
        c = await _head.DoAsync(c, "signOff");
        Assert.Equal("delivery", (string?)c["state"]);
    }

    [Theory]
    [InlineData("officer")]
    [InlineData("legal")]
    [InlineData("head")]
    public async Task Only_the_role_the_definition_names_records_the_review(string who)
    {
        var c = await AtSignOffAsync("Disclosed", "现将所申请信息提供如下。");
        var client = who switch { "officer" => _officer, "legal" => _legal, _ => _head };
        var problem = await (await client.ActAsync(Id(c), "recordConfidentialityReview", Version(c), MayDisclose)).ReadProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("保密审查员", (string?)problem["detail"]);
    }

    [Fact]
    public async Task A_legal_adviser_who_also_holds_the_reviewer_role_may_record_it()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CaseFlowUser>>();
            if (await users.FindByNameAsync("legal-reviewer") is null)
                Assert.Empty(await UserAccounts.CreateAsync(scope.ServiceProvider, "legal-reviewer", "法律顾问兼保密审查员", "demo",
                    CaseFlowApp.Password, ["LegalAdviser", "ConfidentialityReviewer"]));
        }
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = app.BaseAddress, HandleCookies = true, AllowAutoRedirect = false });
        await (await client.PostJsonAsync("/api/auth/login", $$"""{"userName":"legal-reviewer","password":"{{CaseFlowApp.Password}}"}""")).ReadJsonAsync();

        Today(2, 12);
        var c = await _officer.DoAsync(await _officer.RegisterAsync(), "assign", """{"officer":"officer"}""");
        c = await _officer.DoAsync(c, "submitDraft", """{"outcome":"Disclosed","text":"现将所申请信息提供如下。"}""");
        c = await client.DoAsync(c, "recordConfidentialityReview", MayDisclose); // in legal review, before approval
        c = await client.DoAsync(c, "approveDraft");
        c = await _head.DoAsync(c, "signOff");
        Assert.Equal("delivery", (string?)c["state"]);
    }

    [Fact]
    public async Task Case_page_shows_the_review_panel_and_the_generated_form()
    {
        var c = await AtSignOffAsync("Disclosed", "现将所申请信息提供如下。");
        var page = await (await _reviewer.GetAsync($"/cases/{Id(c)}")).ReadBodyAsync(HttpStatusCode.OK);
        Assert.Contains("<h2 id=\"h-confidentiality\">保密审查</h2>", page);
        Assert.Contains("当前答复草稿尚无保密审查记录", page);
        Assert.Contains("登记保密审查", page);
        Assert.Contains("审查结论", page);
        Assert.Contains("<option value=\"PartlyDisclose\">部分公开</option>", page);

        c = await _reviewer.DoAsync(c, "recordConfidentialityReview", MayDisclose);
        page = await (await _head.GetAsync($"/cases/{Id(c)}")).ReadBodyAsync(HttpStatusCode.OK);
        Assert.Contains("第 1 稿已经保密审查，结论与办理结果一致。", page);
        Assert.Contains("<td>可以公开</td>", page);
        Assert.Contains("不涉及国家秘密、工作秘密和第三方合法权益", page);
    }
}

/// <summary>v1 cases are unaffected: a v1 application's Disclosed reply is signed off without a review, and v1 offers no
/// review action (its definition names no confidentialityReviewRole).</summary>
[Trait("TimeZone", "Sensitive")]
public abstract class ConfidentialityReviewOnV1Tests(DatabaseProvider provider) : IDisposable
{
    public sealed class OnSqlite() : ConfidentialityReviewOnV1Tests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : ConfidentialityReviewOnV1Tests(DatabaseProvider.Postgres);

    private readonly string _folder = Directory.CreateTempSubdirectory("caseflow-workflows-").FullName;

    [Fact]
    public async Task A_v1_case_is_signed_off_without_a_confidentiality_review()
    {
        var repo = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(repo, "CaseFlow.sln"))) repo = Path.GetDirectoryName(repo)!;
        File.Copy(Path.Combine(repo, "workflows", "disclosure-request.v1.json"), Path.Combine(_folder, "disclosure-request.v1.json"));
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new CaseFlowApp(database, new Dictionary<string, string> { ["Workflows:Folder"] = _folder });
        await app.InitializeAsync();
        app.Clock.SetChinaTime(new DateOnly(2026, 2, 12), new TimeOnly(10, 0));
        var officer = await app.SignedInAsync("officer", "Officer");
        var legal = await app.SignedInAsync("legal", "LegalAdviser");
        var head = await app.SignedInAsync("head", "Head");
        var reviewer = await app.SignedInAsync("reviewer", "ConfidentialityReviewer");

        var c = await officer.RegisterAsync();
        Assert.Equal(1, (int)c["workflowVersion"]!);
        c = await officer.DoAsync(c, "assign", """{"officer":"officer"}""");
        c = await officer.DoAsync(c, "submitDraft", """{"outcome":"Disclosed","text":"现将所申请信息提供如下。"}""");
        c = await legal.DoAsync(c, "approveDraft");
        Assert.Empty(Actions(await (await reviewer.GetAsync($"/api/cases/{Id(c)}")).ReadJsonAsync()));
        c = await head.DoAsync(c, "signOff");
        Assert.Equal("delivery", (string?)c["state"]);

        // v1's 当场答复 still concludes at once — but only in person (a rule of law, for every version)
        var spot = await officer.RegisterAsync();
        spot = await officer.DoAsync(spot, "replyOnTheSpot", """{"outcome":"Disclosed","text":"已当场提供。"}""");
        Assert.Equal("concluded", (string?)spot["state"]);
        var posted = await officer.RegisterAsync(Registration.Replace("\"InPerson\"", "\"RegisteredPost\""));
        Assert.DoesNotContain("replyOnTheSpot", Actions(posted));
    }

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}
