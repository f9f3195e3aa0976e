using System.Net;
using System.Text.Json.Nodes;
using CaseFlow.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static CaseFlow.Web.Tests.Features.Cases.CaseApi;

namespace CaseFlow.Web.Tests.Features.Cases;

/// <summary>Hostile input to registration and actions (issue #10): enums given as numbers, dates at the edge of the
/// calendar, texts over their limit, JSON of the wrong shape. Each is a 400 problem naming the field, and nothing is
/// written: no case is created, an acted-on case keeps its version and journal.</summary>
public abstract class HostileInputTests(CaseFlowApp app) : IAsyncLifetime
{
    public sealed class OnSqlite(SqliteApp app) : HostileInputTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : HostileInputTests(app), IClassFixture<PostgresApp>;

    private HttpClient _officer = null!, _head = null!;

    public async Task InitializeAsync()
    {
        // Thursday 2026-02-12, 10:00 China time: "today" for every date below.
        app.Clock.SetChinaTime(new DateOnly(2026, 2, 12), new TimeOnly(10, 0));
        _officer = await app.SignedInAsync("hostile-officer", "Officer");
        _head = await app.SignedInAsync("hostile-head", "Head");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private const string Valid = """
        {"channel":"InPerson","submittedOn":"2026-02-12","applicantKind":"NaturalPerson","applicantName":"张三",
         "requestedInformation":"2025年某项目环评批复"}
        """;

    [Theory]
    [InlineData("\"channel\":\"InPerson\"", "\"channel\":123", "channel")]
    [InlineData("\"channel\":\"InPerson\"", "\"channel\":\"123\"", "channel")]
    [InlineData("\"channel\":\"InPerson\"", "\"channel\":\"InPerson, Fax\"", "channel")]
    [InlineData("\"applicantKind\":\"NaturalPerson\"", "\"applicantKind\":1", "applicantKind")]
    [InlineData("\"applicantKind\":\"NaturalPerson\"", "\"applicantKind\":\"Organisation\",\"organisationType\":4", "organisationType")]
    [InlineData("\"submittedOn\":\"2026-02-12\"", "\"submittedOn\":\"9999-12-31\"", "submittedOn")]
    [InlineData("\"submittedOn\":\"2026-02-12\"", "\"submittedOn\":\"0001-01-01\"", "submittedOn")]
    [InlineData("\"submittedOn\":\"2026-02-12\"", "\"submittedOn\":\"2008-04-30\"", "submittedOn")]
    [InlineData("\"submittedOn\":\"2026-02-12\"", "\"submittedOn\":\"2026-02-13\"", "submittedOn")]
    [InlineData("\"channel\":\"InPerson\"", "\"channel\":\"Fax\",\"confirmedOn\":\"9999-12-31\"", "confirmedOn")]
    [InlineData("\"channel\":\"InPerson\"", "\"channel\":\"Fax\",\"confirmedOn\":\"0001-01-01\"", "confirmedOn")]
    [InlineData("\"channel\":\"InPerson\"", "\"channel\":\"Email\",\"confirmedOn\":\"2026-02-12\",\"arrivedAt\":\"9999-12-31T23:59:59Z\"", "arrivedAt")]
    [InlineData("\"channel\":\"InPerson\"", "\"channel\":\"Email\",\"confirmedOn\":\"2026-02-12\",\"arrivedAt\":\"0001-01-01T00:00:00+08:00\"", "arrivedAt")]
    [InlineData("\"applicantName\":\"张三\"", "\"applicantName\":123", "applicantName")]
    [InlineData("\"applicantName\":\"张三\"", "\"applicantName\":[\"张三\"]", "applicantName")]
    public async Task A_bad_registration_is_a_400_naming_the_field_and_creates_no_case(string replace, string with, string field)
    {
        var body = Valid.Replace(replace, with, StringComparison.Ordinal);
        Assert.NotEqual(Valid, body);
        var before = await CaseCountAsync();

        var problem = await (await _officer.PostJsonAsync("/api/cases", body)).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.FieldErrors(field));
        Assert.Equal(before, await CaseCountAsync());
    }

    [Theory]
    [InlineData("applicantName")]
    [InlineData("requestedInformation")]
    public async Task A_registration_text_with_half_a_surrogate_pair_is_a_400_saying_so_and_creates_no_case(string field)
    {
        // JSON can escape half of a pair ("\ud83d" of 😀); it is no character and no database can store it as sent.
        var body = Valid.Replace(field == "applicantName" ? "张三" : "环评批复", field == "applicantName" ? "张\\ud83d三" : "环评\\ud83d批复", StringComparison.Ordinal);
        Assert.Contains("\\ud83d", body);
        var before = await CaseCountAsync();

        var problem = await (await _officer.PostJsonAsync("/api/cases", body)).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("文本含有无效字符", problem.FieldErrors(field)[0]);
        Assert.Equal(before, await CaseCountAsync());
    }

    [Theory]
    [InlineData("applicantName", 201)]
    [InlineData("requestedInformation", 4001)]
    [InlineData("address", 501)]
    [InlineData("contact", 201)]
    public async Task A_registration_text_over_its_limit_is_a_400_and_creates_no_case(string field, int length)
    {
        var body = JsonNode.Parse(Valid)!.AsObject();
        body[field] = new string('字', length);
        var before = await CaseCountAsync();

        var problem = await (await _officer.PostJsonAsync("/api/cases", body.ToJsonString())).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains($"不能超过 {length - 1:N0} 个字符", problem.FieldErrors(field)[0]);
        Assert.Equal(before, await CaseCountAsync());
    }

    [Fact]
    public async Task The_earliest_and_latest_legal_dates_are_accepted()
    {
        var first = await _officer.RegisterAsync(Valid.Replace("2026-02-12", "2008-05-01", StringComparison.Ordinal));
        Assert.Equal("2008-05-01", (string?)first["receivedOn"]);
        var today = await _officer.RegisterAsync(Valid);
        Assert.Equal("2026-02-12", (string?)today["receivedOn"]);
    }

    [Theory]
    // enums by name only
    [InlineData("startConsultation", """{"kind":1,"party":"某公司"}""", "kind")]
    [InlineData("startConsultation", """{"kind":"1","party":"某公司"}""", "kind")]
    [InlineData("startConsultation", """{"kind":"ThirdParty, Agency","party":"某公司"}""", "kind")]
    [InlineData("sendFeeNotice", """{"method":0,"quantity":40,"amountYuan":100,"basis":"按件计收"}""", "method")]
    // dates at the edge of the calendar
    [InlineData("requestCorrection", """{"sentOn":"9999-12-31","items":"请写明文号"}""", "sentOn")]
    [InlineData("requestCorrection", """{"sentOn":"0001-01-01","items":"请写明文号"}""", "sentOn")]
    [InlineData("requestCorrection", """{"sentOn":"2027-02-13","items":"请写明文号"}""", "sentOn")]
    [InlineData("requestCorrection", """{"sentOn":"2008-04-30","items":"请写明文号"}""", "sentOn")]
    [InlineData("requestCoHandling", """{"unit":"档案室","dueOn":"9999-12-31"}""", "dueOn")]
    [InlineData("requestCoHandling", """{"unit":"档案室","dueOn":"2027-02-13"}""", "dueOn")]
    [InlineData("startConsultation", """{"kind":"Agency","party":"某局","partyReceivedOn":"0001-01-01"}""", "partyReceivedOn")]
    [InlineData("askReasons", """{"sentOn":"9999-12-31"}""", "sentOn")]
    [InlineData("withdraw", """{"withdrawnOn":"9999-12-31"}""", "withdrawnOn")]
    // an outside event has happened: not after today (2026-02-12, China time); an own act's date is the server's
    [InlineData("withdraw", """{"withdrawnOn":"2026-02-13"}""", "withdrawnOn")]
    [InlineData("sendFeeNotice", """{"method":"PerPage","quantity":40,"applicantReceivedOn":"2026-02-13"}""", "applicantReceivedOn")]
    [InlineData("sendFeeNotice", """{"method":"PerPage","quantity":40,"sentOn":"2026-02-11"}""", "sentOn")]
    [InlineData("requestCoHandling", """{"unit":"档案室","sentOn":"2026-02-11"}""", "sentOn")]
    [InlineData("startConsultation", """{"kind":"Agency","party":"某局","sentOn":"2026-02-11"}""", "sentOn")]
    // texts over their limit
    [InlineData("requestCoHandling", """{"unit":"档案室","request":"@4001"}""", "request")]
    [InlineData("requestCoHandling", """{"unit":"@201"}""", "unit")]
    [InlineData("requestExtension", """{"days":10,"reason":"@1001"}""", "reason")]
    [InlineData("withdraw", """{"reason":"@1001"}""", "reason")]
    [InlineData("submitDraft", """{"outcome":"Disclosed","text":"@5000000"}""", "text")]
    [InlineData("submitDraft", """{"outcome":"@101","text":"予以公开。"}""", "outcome")]
    // JSON of the wrong shape
    [InlineData("requestExtension", """{"days":"10","reason":"材料多"}""", "days")]
    [InlineData("requestExtension", """{"days":10.5,"reason":"材料多"}""", "days")]
    [InlineData("requestExtension", """{"days":[10],"reason":"材料多"}""", "days")]
    [InlineData("requestExtension", """{"days":null,"reason":"材料多"}""", "days")]
    [InlineData("requestExtension", """{"days":10,"reason":{"text":"材料多"}}""", "reason")]
    [InlineData("requestExtension", """{"days":10,"reason":"材料多","extra":"x"}""", "extra")]
    [InlineData("requestCorrection", """{"sentOn":"2026-02-30","items":"请写明文号"}""", "sentOn")]
    [InlineData("requestCorrection", """{"sentOn":20260212,"items":"请写明文号"}""", "sentOn")]
    [InlineData("sendFeeNotice", """{"method":"PerPage","quantity":40,"amountYuan":1e30,"basis":"按页计收"}""", "amountYuan")]
    [InlineData("sendFeeNotice", """{"method":"PerPage","quantity":40,"amountYuan":99999999999,"basis":"按页计收"}""", "amountYuan")]
    [InlineData("sendFeeNotice", """{"method":"PerPage","quantity":-4,"amountYuan":100,"basis":"按页计收"}""", "quantity")]
    [InlineData("submitDraft", """{"outcome":"Disclosed","text":"\udc00答复"}""", "text")]
    [InlineData("requestExtension", "[]", "payload")]
    [InlineData("requestExtension", "\"延期\"", "payload")]
    [InlineData("requestExtension", "42", "payload")]
    public async Task A_bad_action_payload_is_a_400_naming_the_field_and_writes_nothing(string action, string payload, string field)
    {
        var c = await HandlingCaseAsync();
        var journal = await JournalLengthAsync(c);

        var response = await _officer.ActAsync(Id(c), action, Version(c), Expand(payload));
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.FieldErrors(field));
        var after = await (await _officer.GetAsync($"/api/cases/{Id(c)}")).ReadJsonAsync();
        Assert.Equal(Version(c), Version(after));
        Assert.Equal(journal, await JournalLengthAsync(c));
    }

    [Fact]
    public async Task An_action_text_with_half_a_surrogate_pair_is_a_400_saying_so_and_writes_nothing()
    {
        var c = await HandlingCaseAsync();
        var journal = await JournalLengthAsync(c);

        var response = await _officer.ActAsync(Id(c), "requestExtension", Version(c), """{"days":10,"reason":"材料\ud83d多"}""");
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("文本含有无效字符", problem.FieldErrors("reason")[0]);
        Assert.Equal(Version(c), Version(await (await _officer.GetAsync($"/api/cases/{Id(c)}")).ReadJsonAsync()));
        Assert.Equal(journal, await JournalLengthAsync(c));
    }

    [Fact]
    public async Task A_date_ahead_within_a_year_is_accepted()
    {
        var c = await HandlingCaseAsync();
        c = await _officer.DoAsync(c, "requestCoHandling", """{"unit":"档案室","dueOn":"2027-02-12"}""");
        c = await _head.DoAsync(c, "setArticle35ReplyDate", """{"replyOn":"2027-02-12","reason":"申请数量巨大"}""");
        Assert.Equal("2027-02-12", Due(c));
    }

    [Fact]
    public async Task A_draft_text_at_its_limit_is_accepted_and_one_over_is_refused()
    {
        var c = await HandlingCaseAsync();
        var over = await (await _officer.ActAsync(Id(c), "submitDraft", Version(c), Expand("""{"outcome":"Disclosed","text":"@100001"}"""))).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("不能超过 100,000 个字符", over.FieldErrors("text")[0]);
        c = await _officer.DoAsync(c, "submitDraft", Expand("""{"outcome":"Disclosed","text":"@100000"}"""));
        Assert.Equal("legalReview", (string?)c["state"]);
    }

    [Theory]
    [InlineData("""{"receivedOn":"2008-04-30"}""", "receivedOn")]
    [InlineData("""{"receivedOn":"0001-01-01","extensionDays":0}""", "receivedOn")]
    [InlineData("""{"receivedOn":"2026-02-12","article35ReplyOn":"9999-12-31"}""", "article35ReplyOn")]
    [InlineData("""{"receivedOn":"2026-02-12","pauses":[{"from":"0001-01-01","to":"2026-03-01"}]}""", "pauses[0].from")]
    [InlineData("""{"receivedOn":"2026-02-12","pauses":[{"from":"2026-03-01","kind":2}]}""", "pauses[0].kind")]
    [InlineData("""{"receivedOn":"2026-02-12","extensionDays":"20"}""", "extensionDays")]
    public async Task A_deadline_input_outside_the_window_or_of_the_wrong_type_is_a_400(string body, string field)
    {
        var problem = await (await app.Anonymous().PostJsonAsync("/api/deadlines/reply", body)).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.FieldErrors(field));
    }

    [Theory]
    [InlineData("""{"daysOff":[{"name":"元旦","from":"9999-12-31","to":"9999-12-31"}]}""", "daysOff[0].from")]
    [InlineData("""{"daysOff":[{"name":"元旦","from":"0001-01-01","to":"0001-01-01"}]}""", "daysOff[0].from")]
    [InlineData("""{"daysOff":[{"name":"元旦","from":"2027-01-01","to":"2027-01-01"}],"makeUpWorkdays":["9999-12-31"]}""", "makeUpWorkdays[0]")]
    public async Task A_calendar_notice_with_dates_at_the_edge_is_a_400_and_changes_nothing(string body, string field)
    {
        var admin = await app.SignedInAsync("hostile-admin", "Admin");
        var before = (await (await admin.GetAsync("/api/calendar/2027")).ReadJsonAsync())["history"]!.AsArray().Count;

        var problem = await (await admin.PutJsonAsync("/api/calendar/2027", body)).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.FieldErrors(field));
        Assert.Equal(before, (await (await admin.GetAsync("/api/calendar/2027")).ReadJsonAsync())["history"]!.AsArray().Count);
    }

    /// <summary>"@N" stands for a text of N characters (ASCII, so 5,000,000 of them are 5 MB, under the 10 MB request limit).</summary>
    private static string Expand(string payload) =>
        System.Text.RegularExpressions.Regex.Replace(payload, "\"@([0-9]+)\"", m => $"\"{new string('a', int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))}\"");

    private async Task<JsonObject> HandlingCaseAsync()
    {
        var c = await _officer.RegisterAsync(Valid);
        return await _officer.DoAsync(c, "assign", """{"officer":"hostile-officer"}""");
    }

    private async Task<int> JournalLengthAsync(JsonObject c) =>
        System.Text.Json.Nodes.JsonNode.Parse(await (await _officer.GetAsync($"/api/cases/{Id(c)}/journal")).ReadBodyAsync(HttpStatusCode.OK))!.AsArray().Count;

    private async Task<int> CaseCountAsync()
    {
        var count = 0;
        await app.WithDbAsync(async db => count = await db.Cases.CountAsync());
        return count;
    }
}
