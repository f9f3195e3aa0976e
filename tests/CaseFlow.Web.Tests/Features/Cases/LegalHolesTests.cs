using System.Net;
using System.Text.Json.Nodes;
using CaseFlow.Web.Tests.Infrastructure;
using static CaseFlow.Web.Tests.Features.Cases.CaseApi;

namespace CaseFlow.Web.Tests.Features.Cases;

/// <summary>
/// Issue 12 item 8, on v2 through HTTP: 当场答复 only in person on the day of receipt and through legal review and sign-off
/// (domain.md §2.8); no void once a proceeding is recorded (§2.10); assignment only to an officer of the case's agency;
/// and no action listed that its own checks would refuse in the state the case is in. All on Thu 2026-02-12, the day
/// the in-person application is received (reply due 2026-03-18).
/// </summary>
[Trait("TimeZone", "Sensitive")]
public abstract class LegalHolesTests(CaseFlowApp app) : IAsyncLifetime
{
    public sealed class OnSqlite(SqliteApp app) : LegalHolesTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : LegalHolesTests(app), IClassFixture<PostgresApp>;

    private HttpClient _officer = null!, _legal = null!, _head = null!, _office = null!, _admin = null!, _reviewer = null!;

    private const string Posted = """
        {"channel":"RegisteredPost","submittedOn":"2026-02-12","applicantKind":"NaturalPerson","applicantName":"李四",
         "idDocumentNumber":"11010519491231002X","contact":"13800000000","requestedInformation":"2025年某项目环评批复",
         "requestedForm":"纸质","deliveryChannel":"邮寄"}
        """;

    public async Task InitializeAsync()
    {
        Today(2, 12);
        _officer = await app.SignedInAsync("officer", "Officer");
        _legal = await app.SignedInAsync("legal", "LegalAdviser");
        _head = await app.SignedInAsync("head", "Head");
        _office = await app.SignedInAsync("office", "Office");
        _admin = await app.SignedInAsync("admin", "Admin");
        _reviewer = await app.SignedInAsync("reviewer", "ConfidentialityReviewer");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private void Today(int month, int day) => app.Clock.SetChinaTime(new DateOnly(2026, month, day), new TimeOnly(10, 0));

    [Fact]
    public async Task On_the_spot_reply_goes_through_legal_review_and_sign_off_and_is_delivered_the_same_day()
    {
        var c = await _officer.RegisterAsync();
        Assert.Equal(2, (int)c["workflowVersion"]!);
        Assert.Contains("replyOnTheSpot", Actions(c));
        c = await _officer.DoAsync(c, "replyOnTheSpot", """{"outcome":"NotProcessed.Repeated","text":"重复申请，不予处理。"}""");
        // v2's settings ask for legal review and sign-off of every outcome: the on-the-spot draft goes to them.
        Assert.Equal("legalReview", (string?)c["state"]);
        Assert.Null((string?)c["concludedOn"]);
        c = await _legal.DoAsync(c, "approveDraft");
        Assert.Equal("signOff", (string?)c["state"]);
        c = await _head.DoAsync(c, "signOff");
        Assert.Equal("delivery", (string?)c["state"]);
        c = await _officer.DoAsync(c, "deliver", """{"method":"InPerson","deliveredOn":"2026-02-12"}""");
        Assert.Equal("concluded", (string?)c["state"]);
        Assert.Equal("2026-02-12", (string?)c["concludedOn"]);
        Assert.Equal("NotProcessed.Repeated", (string?)c["outcome"]);

        var journal = JsonNode.Parse(await (await _officer.GetAsync($"/api/cases/{Id(c)}/journal")).ReadBodyAsync(HttpStatusCode.OK))!.AsArray();
        Assert.Equal(["register", "replyOnTheSpot", "approveDraft", "signOff", "deliver"], journal.Select(r => (string)r!["action"]!));
    }

    [Fact]
    public async Task On_the_spot_reply_is_neither_offered_nor_accepted_for_a_posted_application()
    {
        var c = await _officer.RegisterAsync(Posted);
        Assert.DoesNotContain("replyOnTheSpot", Actions(c));
        var problem = await (await _officer.ActAsync(Id(c), "replyOnTheSpot", Version(c), """{"outcome":"Disclosed","text":"当场提供。"}"""))
            .ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("当面", (string?)problem["detail"]);
        Assert.Equal(1, Version(await (await _officer.GetAsync($"/api/cases/{Id(c)}")).ReadJsonAsync()));
    }

    [Fact]
    public async Task On_the_spot_reply_is_not_offered_the_day_after_receipt()
    {
        var c = await _officer.RegisterAsync();
        Today(2, 13);
        try
        {
            c = await (await _officer.GetAsync($"/api/cases/{Id(c)}")).ReadJsonAsync();
            Assert.DoesNotContain("replyOnTheSpot", Actions(c));
            var problem = await (await _officer.ActAsync(Id(c), "replyOnTheSpot", Version(c), """{"outcome":"Disclosed","text":"当场提供。"}"""))
                .ReadProblemAsync(HttpStatusCode.Conflict);
            Assert.Contains("当日", (string?)problem["detail"]);
        }
        finally
        {
            Today(2, 12);
        }
    }

    [Fact]
    public async Task A_case_with_a_proceeding_cannot_be_voided()
    {
        var c = await ConcludedAsync();
        Assert.Contains("void", Actions(await AsAsync(_admin, c)));
        c = await _officer.DoAsync(c, "recordProceeding", """{"kind":"Review","body":"市人民政府","filedOn":"2026-02-12"}""");
        var admin = await AsAsync(_admin, c);
        Assert.DoesNotContain("void", Actions(admin));
        var problem = await (await _admin.ActAsync(Id(c), "void", Version(c), """{"reason":"误登记"}""")).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("复议或诉讼", (string?)problem["detail"]);
        Assert.False((bool)(await AsAsync(_officer, c))["isVoid"]!);
    }

    [Theory]
    [InlineData("nobody")]        // no such account
    [InlineData("legal")]         // an account of the agency, but not an officer
    [InlineData("other-officer")] // an officer, but of another agency
    [InlineData("disabled-officer")]
    public async Task Assign_refuses_anyone_but_an_enabled_officer_of_the_cases_agency_with_a_field_error(string who)
    {
        await app.CreateUserAsync("other-officer", "Officer", "other");
        await app.CreateUserAsync("disabled-officer", "Officer");
        await app.WithDbAsync(async db =>
        {
            var u = db.Users.Single(x => x.UserName == "disabled-officer");
            u.DisabledAtUtc = new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc);
            await db.SaveChangesAsync();
        });
        var c = await _officer.RegisterAsync();
        var problem = await (await _officer.ActAsync(Id(c), "assign", Version(c), $$"""{"officer":"{{who}}"}""")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(who, Assert.Single(problem.FieldErrors("officer")));
        var after = await AsAsync(_officer, c);
        Assert.Equal(1, Version(after));
        Assert.Null((string?)after["assignedOfficer"]);

        after = await _head.DoAsync(after, "assign", """{"officer":"officer"}""");
        Assert.Equal("officer", (string?)after["assignedOfficer"]);
    }

    [Fact]
    public async Task Assign_form_shows_the_refusal_beside_the_officer_field()
    {
        var c = await _officer.RegisterAsync();
        var page = await _officer.GetAsync($"/cases/{Id(c)}/actions/assign");
        var html = await page.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(token);
        Assert.Contains("name=\"p.officer\"", html);
        var posted = await _officer.PostAsync($"/cases/{Id(c)}/actions/assign", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["version"] = "1", ["p.officer"] = "nobody",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        var body = await posted.Content.ReadAsStringAsync();
        Assert.Contains("“nobody”不是本机关在用的承办人账户。", body);
        Assert.Contains("value=\"nobody\"", body);
    }

    // ---- every listed action, run with a valid payload, is accepted ----

    /// <summary>Representative states, each built afresh on a new case (all on 2026-02-12).</summary>
    private Dictionary<string, Func<Task<JsonObject>>> States() => new()
    {
        ["registered in person"] = () => _officer.RegisterAsync(),
        ["registered by post"] = () => _officer.RegisterAsync(Posted),
        ["handling"] = async () => await _officer.DoAsync(await _officer.RegisterAsync(), "assign", """{"officer":"officer"}"""),
        ["handling after a correction"] = async () =>
        {
            var c = await _officer.DoAsync(await _officer.RegisterAsync(), "requestCorrection", """{"items":"请写明文件名称"}""");
            return await _officer.DoAsync(c, "receiveCorrection", """{"receivedOn":"2026-02-12"}""");
        },
        ["awaiting correction"] = async () => await _officer.DoAsync(await _officer.RegisterAsync(), "requestCorrection", """{"items":"请写明文件名称"}"""),
        ["handling with open consultation, co-handling and extension request"] = async () =>
        {
            var c = await _officer.DoAsync(await _officer.RegisterAsync(), "assign", """{"officer":"officer"}""");
            c = await _officer.DoAsync(c, "requestCoHandling", """{"unit":"档案室"}""");
            c = await _officer.DoAsync(c, "startConsultation", """{"kind":"ThirdParty","party":"某公司"}""");
            return await _officer.DoAsync(c, "requestExtension", """{"days":10,"reason":"需调取档案"}""");
        },
        ["handling after a paid fee"] = async () =>
        {
            var c = await _officer.DoAsync(await _officer.RegisterAsync(), "assign", """{"officer":"officer"}""");
            c = await _officer.DoAsync(c, "sendFeeNotice", FeeNotice);
            return await _officer.DoAsync(c, "recordPayment", """{"paidYuan":700}""");
        },
        ["awaiting payment"] = async () =>
            await _officer.DoAsync(await _officer.DoAsync(await _officer.RegisterAsync(), "assign", """{"officer":"officer"}"""), "sendFeeNotice", FeeNotice),
        ["legal review"] = () => DraftAsync("Disclosed"),
        ["sign-off without a confidentiality review"] = async () => await _legal.DoAsync(await DraftAsync("Disclosed"), "approveDraft"),
        ["sign-off with a mismatching confidentiality review"] = async () =>
            await _reviewer.DoAsync(await _legal.DoAsync(await DraftAsync("Disclosed"), "approveDraft"), "recordConfidentialityReview",
                """{"documents":"环评批复","conclusion":"MayNotDisclose","reasons":"含商业秘密"}"""),
        ["sign-off of a refusal"] = async () => await _legal.DoAsync(await DraftAsync("Withheld.StateSecret"), "approveDraft"),
        ["delivery"] = async () =>
        {
            var c = await _legal.DoAsync(await DraftAsync("Disclosed"), "approveDraft");
            c = await _reviewer.DoAsync(c, "recordConfidentialityReview", """{"documents":"环评批复","conclusion":"MayDisclose","reasons":"不涉密"}""");
            return await _head.DoAsync(c, "signOff");
        },
        ["concluded"] = ConcludedAsync,
        ["concluded with a pending review"] = async () =>
            await _officer.DoAsync(await ConcludedAsync(), "recordProceeding", """{"kind":"Review","body":"市人民政府","filedOn":"2026-02-12"}"""),
    };

    private const string FeeNotice = """{"method":"PerPage","quantity":100}"""; // 31st–100th page at 10 yuan: 700 yuan, computed

    private static readonly Dictionary<string, string> ValidPayloads = new()
    {
        ["assign"] = """{"officer":"officer"}""",
        ["requestCorrection"] = """{"items":"请写明文件名称"}""",
        ["receiveCorrection"] = """{"receivedOn":"2026-02-12"}""",
        ["requestCoHandling"] = """{"unit":"档案室"}""",
        ["recordCoHandlingReply"] = """{"coHandlingId":1}""",
        ["startConsultation"] = """{"kind":"Agency","party":"市发展改革委"}""",
        ["recordConsultationReply"] = """{"consultationId":1,"opinion":"Consent"}""",
        ["sendFeeNotice"] = FeeNotice,
        ["recordPayment"] = """{"paidYuan":700}""",
        ["askReasons"] = "{}",
        ["setArticle35ReplyDate"] = """{"replyOn":"2026-06-30","reason":"申请数量巨大"}""",
        ["requestExtension"] = """{"days":10,"reason":"需调取档案"}""",
        ["approveExtension"] = "{}",
        ["rejectExtension"] = "{}",
        ["submitDraft"] = """{"outcome":"Disclosed","text":"现将所申请信息提供如下。"}""",
        ["approveDraft"] = "{}",
        ["returnDraft"] = """{"comments":"请补充依据"}""",
        ["returnFromSignOff"] = """{"comments":"请补充依据"}""",
        ["signOff"] = "{}",
        ["deliver"] = """{"method":"InPerson","deliveredOn":"2026-02-12"}""",
        ["replyOnTheSpot"] = """{"outcome":"NotProcessed.Repeated","text":"重复申请，不予处理。"}""",
        ["withdraw"] = """{"reason":"申请人书面撤回"}""",
        ["void"] = """{"reason":"误登记"}""",
        ["recordProceeding"] = """{"kind":"Lawsuit","body":"某区人民法院","filedOn":"2026-02-12"}""",
        ["recordProceedingResult"] = """{"proceedingId":1,"result":"Upheld","decidedOn":"2026-02-12"}""",
        ["recordConfidentialityReview"] = """{"documents":"环评批复","conclusion":"MayDisclose","reasons":"不涉密"}""",
        ["recordCorrectionNoticeDelivery"] = """{"deliveredOn":"2026-02-12"}""",
        ["acceptLateCorrection"] = """{"receivedOn":"2026-02-12","reason":"邮路延误"}""",
        ["confirmCorrectionAbandoned"] = "{}",
        ["acceptLatePayment"] = """{"paidOn":"2026-02-12","paidYuan":700,"reason":"银行延误"}""",
        ["confirmFeeAbandoned"] = "{}",
        ["archive"] = """{"fileNumber":"2026-WS-001"}""",
    };

    [Fact]
    public async Task Every_listed_action_run_with_a_valid_payload_is_accepted_in_every_representative_state()
    {
        var users = new Dictionary<string, HttpClient>
        {
            ["officer"] = _officer, ["legal"] = _legal, ["head"] = _head, ["office"] = _office, ["admin"] = _admin, ["reviewer"] = _reviewer,
        };
        var refused = new List<string>();
        var tried = 0;
        foreach (var (state, build) in States())
        {
            var sample = await build();
            foreach (var (who, client) in users)
            {
                var listed = Actions(await AsAsync(client, sample));
                foreach (var action in listed)
                {
                    Assert.True(ValidPayloads.ContainsKey(action), $"no valid payload written for '{action}'");
                    var fresh = await AsAsync(client, await build());
                    var response = await client.ActAsync(Id(fresh), action, Version(fresh), ValidPayloads[action]);
                    tried++;
                    if (response.StatusCode != HttpStatusCode.OK)
                        refused.Add($"{state} / {who} / {action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
        }
        Assert.Empty(refused);
        Assert.True(tried > 40, $"only {tried} actions were tried");
    }

    [Fact]
    public async Task Actions_the_state_rules_out_are_not_listed()
    {
        var states = States();
        var corrected = await states["handling after a correction"]();
        Assert.DoesNotContain("requestCorrection", Actions(corrected));
        var paid = await states["handling after a paid fee"]();
        Assert.DoesNotContain("sendFeeNotice", Actions(paid));
        Assert.DoesNotContain("replyOnTheSpot", Actions(await states["registered by post"]()));
        var unreviewed = await states["sign-off without a confidentiality review"]();
        Assert.DoesNotContain("signOff", Actions(await AsAsync(_head, unreviewed)));
        Assert.Contains("returnFromSignOff", Actions(await AsAsync(_head, unreviewed)));
        Assert.Contains("recordConfidentialityReview", Actions(await AsAsync(_reviewer, unreviewed)));
        var refusal = await states["sign-off of a refusal"]();
        Assert.Contains("signOff", Actions(await AsAsync(_head, refusal)));
        Assert.DoesNotContain("recordConfidentialityReview", Actions(await AsAsync(_reviewer, refusal)));
        Assert.DoesNotContain("void", Actions(await AsAsync(_admin, await states["concluded with a pending review"]())));
    }

    // ---- helpers ----

    private static async Task<JsonObject> AsAsync(HttpClient client, JsonObject c) =>
        await (await client.GetAsync($"/api/cases/{Id(c)}")).ReadJsonAsync();

    private async Task<JsonObject> DraftAsync(string outcome)
    {
        var c = await _officer.DoAsync(await _officer.RegisterAsync(), "assign", """{"officer":"officer"}""");
        var text = outcome.StartsWith("Withheld", StringComparison.Ordinal) ? "属于国家秘密，不予公开。可依法申请行政复议。" : "现将所申请信息提供如下。";
        return await _officer.DoAsync(c, "submitDraft", $$"""{"outcome":"{{outcome}}","text":"{{text}}"}""");
    }

    /// <summary>A case concluded on 2026-02-12 with 不予处理（重复申请）, through v2's review and sign-off.</summary>
    private async Task<JsonObject> ConcludedAsync()
    {
        var c = await _officer.DoAsync(await _officer.RegisterAsync(), "replyOnTheSpot", """{"outcome":"NotProcessed.Repeated","text":"重复申请，不予处理。"}""");
        c = await _legal.DoAsync(c, "approveDraft");
        c = await _head.DoAsync(c, "signOff");
        c = await _officer.DoAsync(c, "deliver", """{"method":"InPerson","deliveredOn":"2026-02-12"}""");
        Assert.Equal("concluded", (string?)c["state"]);
        return c;
    }
}
