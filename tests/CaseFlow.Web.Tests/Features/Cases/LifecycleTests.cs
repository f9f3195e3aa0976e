using System.Net;
using CaseFlow.Web.Tests.Infrastructure;
using static CaseFlow.Web.Tests.Features.Cases.CaseApi;

namespace CaseFlow.Web.Tests.Features.Cases;

/// <summary>
/// Every path of workflows/disclosure-request.v1.json through the HTTP API. Dates are counted by hand from
/// domain.md §3 on the 2026 calendar (days off 02-15..23, 04-04..06, 05-01..05; make-up days 02-14, 02-28, 05-09).
/// Received Thu 2026-02-12: reply due 2026-03-18, correction notice due 2026-02-28.
/// </summary>
[Trait("TimeZone", "Sensitive")]
public abstract class LifecycleTests(CaseFlowApp app) : IAsyncLifetime
{
    public sealed class OnSqlite(SqliteApp app) : LifecycleTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : LifecycleTests(app), IClassFixture<PostgresApp>;

    private HttpClient _officer = null!, _legal = null!, _head = null!, _admin = null!, _reviewer = null!;

    public async Task InitializeAsync()
    {
        app.Clock.SetChinaTime(new DateOnly(2026, 2, 12), new TimeOnly(10, 0));
        _officer = await app.SignedInAsync("officer", "Officer");
        _legal = await app.SignedInAsync("legal", "LegalAdviser");
        _head = await app.SignedInAsync("head", "Head");
        _admin = await app.SignedInAsync("admin", "Admin");
        _reviewer = await app.SignedInAsync("reviewer", "ConfidentialityReviewer");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private void Today(int month, int day) => app.Clock.SetChinaTime(new DateOnly(2026, month, day), new TimeOnly(10, 0));

    [Fact]
    public async Task Full_path_register_draft_review_sign_off_deliver()
    {
        var c = await _officer.RegisterAsync();
        Assert.Equal("registered", (string?)c["state"]);
        Assert.Equal("2026-02-12", (string?)c["receivedOn"]);
        Assert.Equal("2026-03-18", Due(c));
        Assert.Equal("2026-02-28", (string?)c["clock"]!["correctionNoticeDueOn"]);
        Assert.Matches(@"^demo-2026-\d{4}$", (string?)c["caseNumber"]);

        c = await _officer.DoAsync(c, "assign", """{"officer":"officer"}""");
        Assert.Equal("handling", (string?)c["state"]);
        Assert.Contains("submitDraft", Actions(c));

        c = await _officer.DoAsync(c, "submitDraft", """{"outcome":"Disclosed","text":"现将所申请信息提供如下。"}""");
        Assert.Equal("legalReview", (string?)c["state"]);
        Assert.Empty(Actions(c).Intersect(["approveDraft", "returnDraft"])); // the officer cannot review

        var reviewerView = await (await _legal.GetAsync($"/api/cases/{Id(c)}")).ReadJsonAsync();
        Assert.Contains("approveDraft", Actions(reviewerView));
        c = await _legal.DoAsync(c, "approveDraft");
        Assert.Equal("signOff", (string?)c["state"]);
        // v2: what the reply releases is reviewed for secrets before sign-off (保密审查, domain.md §2.6)
        c = await _reviewer.DoAsync(c, "recordConfidentialityReview", """{"documents":"2025年某项目环评批复","conclusion":"MayDisclose","reasons":"不涉及国家秘密、商业秘密和个人隐私"}""");
        c = await _head.DoAsync(c, "signOff");
        Assert.Equal("delivery", (string?)c["state"]);

        Today(3, 10);
        c = await _officer.DoAsync(c, "deliver", """{"method":"Post","deliveredOn":"2026-03-10"}""");
        Assert.Equal("concluded", (string?)c["state"]);
        Assert.Equal("Disclosed", (string?)c["outcome"]);
        Assert.Equal("2026-03-10", (string?)c["concludedOn"]);

        var journal = (await (await _officer.GetAsync($"/api/cases/{Id(c)}/journal")).ReadBodyAsync(HttpStatusCode.OK));
        var rows = System.Text.Json.Nodes.JsonNode.Parse(journal)!.AsArray();
        Assert.Equal(["register", "assign", "submitDraft", "approveDraft", "recordConfidentialityReview", "signOff", "deliver"], rows.Select(r => (string)r!["action"]!));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], rows.Select(r => (int)r!["sequence"]!));
        Assert.Equal(["officer", "officer", "officer", "legal", "reviewer", "head", "officer"], rows.Select(r => (string)r!["actor"]!));
        Assert.Equal("legalReview", (string?)rows[3]!["fromState"]);
        Assert.Equal("signOff", (string?)rows[3]!["toState"]);
    }

    [Fact]
    public async Task Returned_draft_goes_back_to_the_officer_with_comments()
    {
        var c = await _officer.RegisterAsync();
        c = await _officer.DoAsync(c, "assign", """{"officer":"officer"}""");
        c = await _officer.DoAsync(c, "submitDraft", """{"outcome":"PartlyDisclosed","text":"部分公开。"}""");

        var noComment = await (await _legal.ActAsync(Id(c), "returnDraft", Version(c), """{"comments":""}""")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(noComment.FieldErrors("comments"));

        c = await _legal.DoAsync(c, "returnDraft", """{"comments":"请补充法律依据"}""");
        Assert.Equal("handling", (string?)c["state"]);
        Assert.Equal("请补充法律依据", (string?)c["details"]!["drafts"]![0]!["reviewComments"]);
    }

    [Fact]
    public async Task Correction_restarts_the_clock()
    {
        var c = await _officer.RegisterAsync();
        Today(2, 13);
        c = await _officer.DoAsync(c, "requestCorrection", """{"items":"请写明文件名称或文号","periodWorkingDays":15}""");
        Assert.Equal("2026-02-13", (string?)c["details"]!["correction"]!["sentOn"]); // the server's date
        Assert.Equal("awaitingCorrection", (string?)c["state"]);
        // correction period: 15 working days after 02-13 → 2026-03-12
        Assert.Equal("2026-03-12", (string?)c["details"]!["correction"]!["dueOn"]);

        Today(3, 2);
        c = await _officer.DoAsync(c, "receiveCorrection", """{"receivedOn":"2026-03-02"}""");
        Assert.Equal("handling", (string?)c["state"]);
        // day 0 = 03-02: 03-03..06=1..4, 03-09..13=5..9, 03-16..20=10..14, 03-23..27=15..19, 03-30=20
        Assert.Equal("2026-03-30", Due(c));
    }

    [Fact]
    public async Task Consultation_pauses_the_clock_until_the_reply()
    {
        var c = await _officer.RegisterAsync();
        c = await _officer.DoAsync(c, "assign", """{"officer":"officer"}""");
        Today(3, 3);
        c = await _officer.DoAsync(c, "startConsultation", """{"kind":"ThirdParty","party":"某公司","partyReceivedOn":"2026-03-03"}""");
        Assert.Null(Due(c));
        Assert.True((bool)c["clock"]!["paused"]!);
        Assert.Equal(9, (int)c["clock"]!["daysUsed"]!);   // 02-13, 02-14, 02-24..27, 02-28, 03-02, 03-03
        Assert.Equal(11, (int)c["clock"]!["daysRemaining"]!);
        Assert.Equal("2026-03-24", (string?)c["details"]!["consultations"]![0]!["dueOn"]); // 15 working days after 03-03

        Today(3, 10);
        c = await _officer.DoAsync(c, "recordConsultationReply", """{"consultationId":1,"repliedOn":"2026-03-10","opinion":"Objection"}""");
        // (03-03, 03-10] leaves out 5 working days (03-04..06, 03-09, 03-10): 03-18 → 03-25
        Assert.Equal("2026-03-25", Due(c));
        Assert.DoesNotContain("recordConsultationReply", Actions(c));
    }

    [Fact]
    public async Task Fee_notice_waits_for_payment_with_the_clock_paused()
    {
        var c = await _officer.RegisterAsync();
        c = await _officer.DoAsync(c, "assign", """{"officer":"officer"}""");
        Today(3, 2);
        c = await _officer.DoAsync(c, "sendFeeNotice", """{"method":"PerPage","quantity":50}""");
        Assert.Equal("awaitingPayment", (string?)c["state"]);
        Assert.Equal(200m, (decimal)c["details"]!["fee"]!["amountYuan"]!); // pages 31–50 at 10 yuan
        Assert.Equal("2026-03-30", (string?)c["details"]!["fee"]!["paymentDueOn"]); // 20 working days after 03-02
        Today(3, 5);
        c = await _officer.DoAsync(c, "recordPayment", """{"paidOn":"2026-03-05","paidYuan":200}""");
        Assert.Equal("handling", (string?)c["state"]);
        Assert.Equal("2026-03-23", Due(c)); // (03-02, 03-05] = 3 working days: 03-18 → 03-19, 20, 23
    }

    [Fact]
    public async Task Extension_is_asked_by_the_officer_and_approved_by_the_head_before_the_deadline()
    {
        var c = await _officer.RegisterAsync();
        c = await _officer.DoAsync(c, "assign", """{"officer":"officer"}""");
        Today(3, 10);
        c = await _officer.DoAsync(c, "requestExtension", """{"days":20,"reason":"涉及多个单位，需协调"}""");
        Assert.DoesNotContain("requestExtension", Actions(c));

        var byOfficer = await _officer.ActAsync(Id(c), "approveExtension", Version(c), "{}");
        await byOfficer.ReadProblemAsync(HttpStatusCode.Forbidden);

        Today(3, 12);
        c = await _head.DoAsync(c, "approveExtension", "{}");
        Assert.Equal("2026-03-12", (string?)c["details"]!["extension"]!["decidedOn"]); // the server's date
        Assert.Equal("2026-03-12", (string?)c["details"]!["extension"]!["notifiedOn"]);
        Assert.Equal(20, (int)c["extensionDays"]!);
        Assert.Equal("2026-04-16", Due(c));
        Assert.Equal("handling", (string?)c["state"]);
    }

    [Fact]
    public async Task Extension_is_not_offered_after_the_deadline()
    {
        var c = await _officer.RegisterAsync();
        c = await _officer.DoAsync(c, "assign", """{"officer":"officer"}""");
        Today(3, 19);
        var refreshed = await (await _officer.GetAsync($"/api/cases/{Id(c)}")).ReadJsonAsync();
        Assert.DoesNotContain("requestExtension", Actions(refreshed));
        var late = await _officer.ActAsync(Id(c), "requestExtension", Version(c), """{"days":5,"reason":"来不及"}""");
        await late.ReadProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Article_35_date_replaces_the_deadline()
    {
        var c = await _officer.RegisterAsync();
        c = await _officer.DoAsync(c, "assign", """{"officer":"officer"}""");
        c = await _officer.DoAsync(c, "askReasons", "{}");
        c = await _head.DoAsync(c, "setArticle35ReplyDate", """{"replyOn":"2026-06-30","reason":"申请数量巨大，需分批处理"}""");
        Assert.Equal("2026-06-30", Due(c));
    }

    [Fact]
    public async Task Reply_on_the_spot_concludes_on_the_day_of_receipt()
    {
        var c = await _officer.RegisterAsync();
        c = await _officer.ReplyOnTheSpotAsync(c, _legal, _head);
        Assert.Equal("concluded", (string?)c["state"]);
        Assert.Equal("2026-02-12", (string?)c["concludedOn"]);
    }

    [Fact]
    public async Task Withdrawal_concludes_as_other_and_void_needs_an_administrator()
    {
        var c = await _officer.RegisterAsync();
        c = await _officer.DoAsync(c, "withdraw", """{"withdrawnOn":"2026-02-12","reason":"申请人书面撤回"}""");
        Assert.Equal("Other.Other", (string?)c["outcome"]);

        var other = await _officer.RegisterAsync();
        await (await _officer.ActAsync(Id(other), "void", Version(other), """{"reason":"重复登记"}""")).ReadProblemAsync(HttpStatusCode.Forbidden);
        other = await _admin.DoAsync(other, "void", """{"reason":"重复登记"}""");
        Assert.True((bool)other["isVoid"]!);
        Assert.Empty(Actions(other));
        var list = await (await _officer.GetAsync("/api/cases?pageSize=200")).ReadJsonAsync();
        Assert.DoesNotContain(list["items"]!.AsArray(), i => (long)i!["id"]! == Id(other));
    }

    [Fact]
    public async Task Corrected_review_result_ordering_a_new_reply_opens_a_round()
    {
        var c = await _officer.RegisterAsync();
        c = await _officer.ReplyOnTheSpotAsync(c, _legal, _head);
        Today(4, 2);
        c = await _officer.DoAsync(c, "recordProceeding", """{"kind":"Review","body":"市人民政府","filedOn":"2026-04-01","copyReceivedOn":"2026-04-02"}""");
        // 10 working days after 04-02: 04-03=1, 04-04..06 off, 04-07..10=2..5, 04-13..17=6..10
        Assert.Equal("2026-04-17", (string?)c["details"]!["proceedings"]![0]!["responseDueOn"]);

        Today(5, 6);
        c = await _officer.DoAsync(c, "recordProceedingResult", """{"proceedingId":1,"result":"Corrected","decidedOn":"2026-05-06","orderedReply":true}""");
        Assert.Equal("handling", (string?)c["state"]);
        Assert.Equal(2, (int)c["round"]!);
        // v2: the round keeps the first conclusion (domain.md §5); the round has its own deadline
        Assert.Equal("NotProcessed.Repeated", (string?)c["outcome"]);
        Assert.Equal("2026-02-12", (string?)c["concludedOn"]);
        // day 0 = 05-06 (decision received): 05-07,08=1,2, 05-09(make-up)=3, 05-11..15=4..8, 05-18..22=9..13, 05-25..29=14..18, 06-01=19, 06-02=20
        Assert.Equal("2026-06-02", (string?)c["details"]!["rounds"]![0]!["dueOn"]);
    }

    [Fact]
    public async Task Co_handling_units_do_not_stop_the_clock()
    {
        var c = await _officer.RegisterAsync();
        c = await _officer.DoAsync(c, "assign", """{"officer":"officer"}""");
        c = await _officer.DoAsync(c, "requestCoHandling", """{"unit":"档案室","request":"请提供2025年环评批复原件","dueOn":"2026-02-27"}""");
        Assert.Contains("recordCoHandlingReply", Actions(c));
        Today(2, 26);
        c = await _officer.DoAsync(c, "recordCoHandlingReply", """{"coHandlingId":1,"repliedOn":"2026-02-26","summary":"已提供"}""");
        Assert.Equal("2026-03-18", Due(c));
        Assert.DoesNotContain("recordCoHandlingReply", Actions(c));
    }
}
