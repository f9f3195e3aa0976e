using System.Net;
using System.Text.Json.Nodes;
using CaseFlow.Web.Tests.Infrastructure;
using static CaseFlow.Web.Tests.Features.Cases.CaseApi;

namespace CaseFlow.Web.Tests.Features.Cases;

/// <summary>
/// Lifecycle v2, issue 12 items 3–5, through HTTP: the late correction notice, its recorded delivery and the officer's
/// decision at the end of the period; fees computed (按量 from pages, 按件 counted by CaseFlow from the applicant's
/// applications in the month); no backdating. Dates counted by hand on the 2026 calendar (days off 02-15..23,
/// 04-04..06; make-up days 02-14, 02-28). Received Thu 2026-02-12: correction notice due 2026-02-28 (02-13=1,
/// 02-14=2, 02-24..27=3..6, 02-28=7), reply due 2026-03-18.
/// </summary>
[Trait("TimeZone", "Sensitive")]
public abstract class NoticesFeesAndDatesTests(CaseFlowApp app) : IAsyncLifetime
{
    public sealed class OnSqlite(SqliteApp app) : NoticesFeesAndDatesTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : NoticesFeesAndDatesTests(app), IClassFixture<PostgresApp>;

    private HttpClient _officer = null!, _legal = null!, _head = null!, _admin = null!;

    public async Task InitializeAsync()
    {
        Today(2, 12);
        _officer = await app.SignedInAsync("officer", "Officer");
        _legal = await app.SignedInAsync("legal", "LegalAdviser");
        _head = await app.SignedInAsync("head", "Head");
        _admin = await app.SignedInAsync("admin", "Admin");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private void Today(int month, int day) => app.Clock.SetChinaTime(new DateOnly(2026, month, day), new TimeOnly(10, 0));

    /// <summary>Each test its own applicant, so the per-month counts of the shared database do not mix.</summary>
    private Task<JsonObject> RegisterAsync(string idNumber) =>
        _officer.RegisterAsync(Registration.Replace("11010519491231002X", idNumber, StringComparison.Ordinal));

    private async Task<JsonObject> HandlingAsync(string idNumber) =>
        await _officer.DoAsync(await RegisterAsync(idNumber), "assign", """{"officer":"officer"}""");

    private async Task<JsonArray> JournalAsync(JsonObject c) =>
        JsonNode.Parse(await (await _officer.GetAsync($"/api/cases/{Id(c)}/journal")).ReadBodyAsync(HttpStatusCode.OK))!.AsArray();

    [Fact]
    public async Task A_late_correction_notice_goes_out_only_acknowledged_and_does_not_restart_the_clock()
    {
        var c = await HandlingAsync("430102198001010011");
        Today(3, 2);
        var refused = await (await _officer.ActAsync(Id(c), "requestCorrection", Version(c), """{"items":"请写明文号","method":"Email"}""")).ReadProblemAsync(HttpStatusCode.BadRequest);
        var warning = Assert.Single(refused.FieldErrors("lateNoticeAcknowledged"));
        Assert.Contains("2026-02-28", warning);
        Assert.Contains("不因补正重新计算", warning);

        c = await _officer.DoAsync(c, "requestCorrection", """{"items":"请写明文号","method":"Email","lateNoticeAcknowledged":true}""");
        Assert.Equal("awaitingCorrection", (string?)c["state"]);
        Assert.True((bool)c["details"]!["correction"]!["sentLate"]!);
        Assert.Contains("不因补正重新计算", (string?)c["warnings"]![0]);
        // e-mailed: received the day sent; 03-03..06=1..4, 03-09..13=5..9, 03-16..20=10..14, 03-23=15
        Assert.Equal("2026-03-23", (string?)c["details"]!["correction"]!["dueOn"]);
        Assert.Equal("2026-03-18", Due(c)); // still running from 02-12
        Assert.Contains("不因补正重新计算", (string?)(await JournalAsync(c))[^1]!["facts"]!["warning"]);

        Today(3, 10);
        c = await _officer.DoAsync(c, "receiveCorrection", """{"receivedOn":"2026-03-10"}""");
        Assert.Equal("2026-03-18", Due(c));
    }

    [Fact]
    public async Task A_posted_notice_waits_for_its_recorded_delivery_and_the_officer_decides_at_the_end()
    {
        var c = await HandlingAsync("430102198001010022");
        Today(2, 13);
        c = await _officer.DoAsync(c, "requestCorrection", """{"items":"请写明文号","periodWorkingDays":15,"method":"Post"}""");
        Assert.Null(c["details"]!["correction"]!["dueOn"]);
        Assert.Contains("recordCorrectionNoticeDelivery", Actions(c));

        Today(2, 24);
        var future = await (await _officer.ActAsync(Id(c), "recordCorrectionNoticeDelivery", Version(c), """{"deliveredOn":"2026-02-25"}""")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("2026-02-24", Assert.Single(future.FieldErrors("deliveredOn")));
        var beforeSent = await (await _officer.ActAsync(Id(c), "recordCorrectionNoticeDelivery", Version(c), """{"deliveredOn":"2026-02-12"}""")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(beforeSent.FieldErrors("deliveredOn"));
        c = await _officer.DoAsync(c, "recordCorrectionNoticeDelivery", """{"deliveredOn":"2026-02-24"}""");
        // 02-25..27=1..3, 02-28=4, 03-02..06=5..9, 03-09..13=10..14, 03-16=15
        Assert.Equal("2026-03-16", (string?)c["details"]!["correction"]!["dueOn"]);
        Assert.DoesNotContain("recordCorrectionNoticeDelivery", Actions(c));
        var row = (await JournalAsync(c))[^1]!;
        Assert.Equal("2026-02-24", (string?)row["payload"]!["deliveredOn"]);   // the entered date
        Assert.Equal(new DateTime(2026, 2, 24, 2, 0, 0, DateTimeKind.Utc), (DateTime)row["atUtc"]!); // the moment of entry

        Today(3, 17);
        c = await (await _officer.GetAsync($"/api/cases/{Id(c)}")).ReadJsonAsync();
        Assert.Equal("awaitingCorrection", (string?)c["state"]);
        Assert.Contains("confirmCorrectionAbandoned", Actions(c));
        Assert.Contains("acceptLateCorrection", Actions(c));
        Assert.DoesNotContain("receiveCorrection", Actions(c));
        var noReason = await (await _officer.ActAsync(Id(c), "acceptLateCorrection", Version(c), """{"receivedOn":"2026-03-17"}""")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(noReason.FieldErrors("reason"));
        c = await _officer.DoAsync(c, "acceptLateCorrection", """{"receivedOn":"2026-03-17","reason":"申请人出差，提供了行程证明"}""");
        Assert.Equal("handling", (string?)c["state"]);
        // day 0 = 03-17: 03-18..20=1..3, 03-23..27=4..8, 03-30..04-03=9..13, 04-07..10=14..17, 04-13..15=18..20
        Assert.Equal("2026-04-15", Due(c));
        Assert.Equal("申请人出差，提供了行程证明", (string?)c["details"]!["correction"]!["lateCorrectionReason"]);
    }

    [Fact]
    public async Task Abandonment_is_confirmed_by_the_officer_and_dated_the_last_day_of_the_period()
    {
        var c = await HandlingAsync("430102198001010033");
        Today(2, 13);
        c = await _officer.DoAsync(c, "requestCorrection", """{"items":"请写明文号","periodWorkingDays":15,"method":"InPerson"}""");
        // 15 working days after 02-13: 02-14=1, 02-24..28=2..6, 03-02..06=7..11, 03-09..12=12..15
        Assert.Equal("2026-03-12", (string?)c["details"]!["correction"]!["dueOn"]);
        Today(3, 12);
        var early = await _officer.ActAsync(Id(c), "confirmCorrectionAbandoned", Version(c));
        await early.ReadProblemAsync(HttpStatusCode.Conflict); // not offered before the period has ended
        Today(3, 13);
        c = await _officer.DoAsync(c, "confirmCorrectionAbandoned");
        Assert.Equal("concluded", (string?)c["state"]);
        Assert.Equal("Other.NoCorrection", (string?)c["outcome"]);
        Assert.Equal("2026-03-12", (string?)c["concludedOn"]);
    }

    [Fact]
    public async Task Per_application_fee_counts_the_applicants_applications_in_the_month_itself()
    {
        var first = await HandlingAsync("43010219800101004X");
        for (var i = 0; i < 9; i++) await RegisterAsync("43010219800101004X");
        await RegisterAsync("430102198001010051"); // another applicant: not counted
        var voided = await RegisterAsync("43010219800101004X");
        await _admin.DoAsync(voided, "void", """{"reason":"重复登记"}"""); // void: counts nowhere
        var eleventh = await HandlingAsync("43010219800101004x"); // the check letter typed in lower case

        var typed = await (await _officer.ActAsync(Id(eleventh), "sendFeeNotice", Version(eleventh), """{"method":"PerApplication","quantity":3}""")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(typed.FieldErrors("quantity"));
        var c = await _officer.DoAsync(eleventh, "sendFeeNotice", """{"method":"PerApplication"}""");
        var fee = c["details"]!["fee"]!;
        Assert.Equal(11, (int)fee["quantity"]!);
        Assert.Equal(100m, (decimal)fee["amountYuan"]!);
        Assert.Equal(100m, (decimal)fee["computedYuan"]!);
        Assert.Equal("本月第11件申请，第11至30件，每件100元，计100元", (string?)fee["schedule"]![0]);

        var free = await (await _officer.ActAsync(Id(first), "sendFeeNotice", Version(first), """{"method":"PerApplication"}""")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("0 元", Assert.Single(free.FieldErrors("quantity")));

        var similar = (await (await _officer.GetAsync($"/api/cases/{Id(eleventh)}")).ReadJsonAsync())["similarApplications"]!.AsArray();
        Assert.Equal(10, similar.Count);
        Assert.All(similar, s => Assert.True((bool)s!["sameMonth"]!));
        Assert.DoesNotContain(similar, s => (long)s!["id"]! == Id(voided));
        var page = await (await _officer.GetAsync($"/cases/{Id(eleventh)}")).ReadBodyAsync(HttpStatusCode.OK);
        Assert.Contains("同一申请人在本机关的其他申请", page);
        Assert.Contains((string)first["caseNumber"]!, page);
        Assert.Contains("本月第11件申请", page);
    }

    /// <summary>一事一申请 (domain.md §2 item 4): the applicant's 10th application of February lists three items and is
    /// split, so it counts as the 10th, 11th and 12th (0 + 100 + 100 yuan); the next application is then the 13th.</summary>
    [Fact]
    public async Task A_split_application_counts_one_unit_per_item_and_later_ones_count_after_them()
    {
        const string id = "430102198001010089";
        for (var i = 0; i < 8; i++) await RegisterAsync(id);
        var single = await HandlingAsync(id); // one item: cannot be split
        var split = await _officer.DoAsync(await _officer.RegisterAsync(Registration.Replace("11010519491231002X", id, StringComparison.Ordinal)
            .Replace("\"requestedForm\"", "\"items\":[\"2025年预算\",\"2025年决算\",\"2025年三公经费\"],\"requestedForm\"", StringComparison.Ordinal)),
            "assign", """{"officer":"officer"}""");
        Today(2, 24);
        var perPage = await (await _officer.ActAsync(Id(split), "sendFeeNotice", Version(split), """{"method":"PerPage","quantity":40,"splitItems":true}""")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("按件", Assert.Single(perPage.FieldErrors("splitItems")));
        var one = await (await _officer.ActAsync(Id(single), "sendFeeNotice", Version(single), """{"method":"PerApplication","splitItems":true}""")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("不足两个", Assert.Single(one.FieldErrors("splitItems")));

        split = await _officer.DoAsync(split, "sendFeeNotice", """{"method":"PerApplication","splitItems":true}""");
        var fee = split["details"]!["fee"]!;
        Assert.Equal(200m, (decimal)fee["amountYuan"]!);
        Assert.Equal(3, (int)fee["units"]!);
        Assert.Equal(12, (int)fee["quantity"]!);
        Assert.Equal(
            ["本月第10件（本申请第1个事项），第1至10件，免费，计0元", "本月第11件（本申请第2个事项），第11至30件，每件100元，计100元",
             "本月第12件（本申请第3个事项），第11至30件，每件100元，计100元"],
            fee["schedule"]!.AsArray().Select(x => (string)x!).ToArray());
        Assert.Equal(3, (int)(await JournalAsync(split))[^1]!["facts"]!["units"]!);
        var page = await (await _officer.GetAsync($"/cases/{Id(split)}")).ReadBodyAsync(HttpStatusCode.OK);
        Assert.Contains("本月第 10 至 12 件（一事一申请，3 个事项各计一件", page);

        Today(2, 12);
        var next = await HandlingAsync(id);
        Today(2, 24);
        next = await _officer.DoAsync(next, "sendFeeNotice", """{"method":"PerApplication"}""");
        Assert.Equal("本月第13件申请，第11至30件，每件100元，计100元", (string?)next["details"]!["fee"]!["schedule"]![0]);
        Assert.Null(next["details"]!["fee"]!["units"]);
    }

    [Fact]
    public async Task Another_amount_needs_a_reason_and_is_journaled_and_shown_in_legal_review()
    {
        var c = await HandlingAsync("430102198001010066");
        Today(3, 2);
        var noReason = await (await _officer.ActAsync(Id(c), "sendFeeNotice", Version(c), """{"method":"PerPage","quantity":2219,"amountYuan":80000}""")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("83460", Assert.Single(noReason.FieldErrors("amountReason")));
        c = await _officer.DoAsync(c, "sendFeeNotice", """{"method":"PerPage","quantity":2219,"amountYuan":80000,"amountReason":"其中119页为申请人已持有的副本"}""");
        Assert.Equal(80000m, (decimal)c["details"]!["fee"]!["amountYuan"]!);
        Assert.Equal(83460m, (decimal)c["details"]!["fee"]!["computedYuan"]!);
        Assert.Contains("其中119页为申请人已持有的副本", (string?)c["warnings"]![0]);
        var facts = (await JournalAsync(c))[^1]!["facts"]!;
        Assert.Equal(83460m, (decimal)facts["computedYuan"]!);
        Assert.Equal("其中119页为申请人已持有的副本", (string?)facts["amountReason"]);

        Today(3, 5);
        c = await _officer.DoAsync(c, "recordPayment", """{"paidOn":"2026-03-05","paidYuan":80000}""");
        c = await _officer.DoAsync(c, "submitDraft", """{"outcome":"Disclosed","text":"现将所申请信息提供如下。"}""");
        Assert.Equal("legalReview", (string?)c["state"]);
        var review = await (await _legal.GetAsync($"/review/{Id(c)}")).ReadBodyAsync(HttpStatusCode.OK);
        Assert.Contains("其中119页为申请人已持有的副本", review);
        Assert.Contains("83460 元", review);
        Assert.Contains("第201至2219页，每页40元", review);
    }

    [Fact]
    public async Task No_fee_notice_and_no_article_35_date_once_the_reply_deadline_has_passed()
    {
        var c = await HandlingAsync("430102198001010077");
        Today(3, 19);
        var fee = await (await _officer.ActAsync(Id(c), "sendFeeNotice", Version(c), """{"method":"PerPage","quantity":50}""")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("2026-03-18", Assert.Single(fee.FieldErrors("method")));
        var art35 = await (await _head.ActAsync(Id(c), "setArticle35ReplyDate", Version(c), """{"replyOn":"2026-05-29","reason":"申请数量巨大"}""")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("届满前", Assert.Single(art35.FieldErrors("replyOn")));

        Today(3, 18);
        c = await _head.DoAsync(c, "setArticle35ReplyDate", """{"replyOn":"2026-05-29","reason":"申请数量巨大"}""");
        Assert.Equal("2026-05-29", Due(c));
        Assert.Equal("2026-03-18", (string?)c["details"]!["article35DecidedOn"]);
    }

    [Fact]
    public async Task Dates_of_own_acts_are_the_servers_and_cannot_be_typed()
    {
        var c = await HandlingAsync("430102198001010088");
        Today(3, 10);
        c = await _officer.DoAsync(c, "requestExtension", """{"days":20,"reason":"涉及多个单位"}""");
        var backdated = await (await _head.ActAsync(Id(c), "approveExtension", Version(c), """{"decidedOn":"2026-03-09","notifiedOn":"2026-03-09"}""")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("不得倒签", Assert.Single(backdated.FieldErrors("decidedOn")));
        Assert.NotEmpty(backdated.FieldErrors("notifiedOn"));
        var sent = await (await _officer.ActAsync(Id(c), "startConsultation", Version(c), """{"kind":"Agency","party":"某局","sentOn":"2026-03-01"}""")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("不得倒签", Assert.Single(sent.FieldErrors("sentOn")));

        c = await _head.DoAsync(c, "approveExtension");
        Assert.Equal("2026-03-10", (string?)c["details"]!["extension"]!["decidedOn"]);
        Assert.Equal("2026-03-10", (string?)c["details"]!["extension"]!["notifiedOn"]);
        Assert.Equal("2026-04-16", Due(c)); // 03-18 + 20 working days (04-04..06 off)

        c = await _officer.DoAsync(c, "submitDraft", """{"outcome":"Disclosed","text":"现将所申请信息提供如下。"}""");
        c = await _legal.DoAsync(c, "approveDraft");
        Today(3, 12);
        c = await app.ReviewConfidentialityAsync("demo", c);
        c = await _head.DoAsync(c, "signOff");
        Assert.Equal("2026-03-12", (string?)c["details"]!["drafts"]![0]!["signedOffOn"]);
        var email = await (await _officer.ActAsync(Id(c), "deliver", Version(c), """{"method":"Email","deliveredOn":"2026-03-11"}""")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(email.FieldErrors("deliveredOn"));
        var ahead = await (await _officer.ActAsync(Id(c), "deliver", Version(c), """{"method":"InPerson","deliveredOn":"2026-03-13"}""")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(ahead.FieldErrors("deliveredOn"));
        c = await _officer.DoAsync(c, "deliver", """{"method":"Email"}""");
        Assert.Equal("2026-03-12", (string?)c["concludedOn"]);
    }
}
