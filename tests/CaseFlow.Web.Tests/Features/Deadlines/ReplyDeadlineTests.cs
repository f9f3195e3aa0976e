using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CaseFlow.Web.Tests.Infrastructure;

namespace CaseFlow.Web.Tests.Features.Deadlines;

/// <summary>POST /api/deadlines/reply. Expected dates are counted by hand from domain.md §3 (2026 calendar).</summary>
[Trait("TimeZone", "Sensitive")]
public abstract class ReplyDeadlineTests(CaseFlowApp app)
{
    public sealed class OnSqlite(SqliteApp app) : ReplyDeadlineTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : ReplyDeadlineTests(app), IClassFixture<PostgresApp>;

    [Fact]
    public async Task The_README_example_answers_exactly_as_documented()
    {
        // Request and response copied from README.md, "Deadlines". Without the pause the 40th working day is
        // 04-16; the pause (03-02, 03-10] leaves out Tue 03-03 to Tue 03-10, 6 working days: 04-17, 04-20..04-24.
        const string request = """
            {"receivedOn":"2026-02-12","correctionReceivedOn":null,
             "pauses":[{"from":"2026-03-02","to":"2026-03-10","kind":"ThirdPartyConsultation"}],
             "extensionDays":20}
            """;
        const string documented = """
            {"dueOn":"2026-04-24","provisional":false,
             "explanation":["2026-02-12（星期四） 收到申请（第0日）",
                            "答复期限为收到申请之日起20个工作日（条例第三十三条第二款）",
                            "经政府信息公开工作机构负责人同意延长答复期限20个工作日（条例第三十三条第二款）",
                            "2026-03-02 至 2026-03-10 征求第三方意见，不计入答复期限（6个工作日）",
                            "答复期限届满日：2026-04-24（星期五）（第40个计入的工作日）"],
             "dayZero":"2026-02-12","workingDays":40,"paused":false,"daysUsed":null,"daysRemaining":null,
             "correctionNoticeDueOn":"2026-02-28"}
            """;

        var json = await Reply(request);

        Assert.Equal("2026-04-24", (string?)json["dueOn"]);
        Assert.Contains("2026-03-02 至 2026-03-10 征求第三方意见，不计入答复期限（6个工作日）", json["explanation"].Strings());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(documented), json), json.ToJsonString());
    }

    [Theory]
    // domain.md §3 worked examples.
    [InlineData("2026-02-12", 0, "2026-03-18", "2026-02-28")]
    [InlineData("2026-02-12", 20, "2026-04-16", "2026-02-28")]
    // Correction notice after 09-30: 10-08, 10-09, 10-10 (make-up Saturday), 10-12..10-15.
    [InlineData("2026-09-30", 0, "2026-11-03", "2026-10-15")]
    // Received Fri 02-13: the make-up Saturday 02-14 is day 1; correction notice 02-24..02-28, Mon 03-02 (7th).
    [InlineData("2026-02-13", 0, "2026-03-19", "2026-03-02")]
    public async Task The_worked_examples(string receivedOn, int extensionDays, string dueOn, string correctionNoticeDueOn)
    {
        var json = await Reply($$"""{"receivedOn":"{{receivedOn}}","extensionDays":{{extensionDays}}}""");

        Assert.Equal(dueOn, (string?)json["dueOn"]);
        Assert.Equal(correctionNoticeDueOn, (string?)json["correctionNoticeDueOn"]);
        Assert.Equal(receivedOn, (string?)json["dayZero"]);
        Assert.Equal(20 + extensionDays, (int?)json["workingDays"]);
        Assert.False((bool)json["provisional"]!);
        Assert.False((bool)json["paused"]!);
    }

    [Fact]
    public async Task A_corrected_application_restarts_the_count_from_its_receipt()
    {
        // Day 0 = Mon 03-02; 20 working days: 03-03..03-06 (4), three full weeks (19), Mon 03-30 (20).
        var json = await Reply("""{"receivedOn":"2026-02-12","correctionReceivedOn":"2026-03-02"}""");

        Assert.Equal("2026-03-30", (string?)json["dueOn"]);
        Assert.Equal("2026-03-02", (string?)json["dayZero"]);
        Assert.Equal("2026-02-28", (string?)json["correctionNoticeDueOn"]);
        Assert.Equal("2026-03-02（星期一） 收到补正后的申请，答复期限自该日重新计算（第0日）", (string?)json["explanation"]![1]);
    }

    [Fact]
    public async Task While_a_pause_is_open_there_is_no_date_only_days_used_and_remaining()
    {
        // Counted before the pause: 02-13, 02-14 (make-up), 02-24..02-28 (02-28 make-up), 03-02 = 8 days.
        var json = await Reply("""{"receivedOn":"2026-02-12","pauses":[{"from":"2026-03-02","to":null,"kind":"FeeWait"}]}""");

        Assert.Null(json["dueOn"]);
        Assert.True((bool)json["paused"]!);
        Assert.Equal(8, (int?)json["daysUsed"]);
        Assert.Equal(12, (int?)json["daysRemaining"]);
    }

    [Fact]
    public async Task Overlapping_pauses_count_once()
    {
        // (03-02, 03-05] and (03-04, 03-10] together leave out 03-03..03-10: 6 working days after 03-18 → Thu 03-26.
        var json = await Reply("""
            {"receivedOn":"2026-02-12","pauses":[
              {"from":"2026-03-02","to":"2026-03-05","kind":"ThirdPartyConsultation"},
              {"from":"2026-03-04","to":"2026-03-10","kind":"AgencyConsultation"}]}
            """);

        Assert.Equal("2026-03-26", (string?)json["dueOn"]);
    }

    [Fact]
    public async Task An_article_35_reply_date_replaces_the_deadline()
    {
        var json = await Reply("""{"receivedOn":"2026-02-12","article35ReplyOn":"2026-06-30"}""");

        Assert.Equal("2026-06-30", (string?)json["dueOn"]);
    }

    [Fact]
    public async Task A_deadline_in_a_year_without_a_notice_is_provisional_and_says_so()
    {
        // 2026-12-15 Tue: 12-16..12-31 are 12 working days; 2027 weekends only: 01-01 (13), 01-04..01-08 (18), 01-11, 01-12.
        var json = await Reply("""{"receivedOn":"2026-12-15"}""");

        Assert.Equal("2027-01-12", (string?)json["dueOn"]);
        Assert.True((bool)json["provisional"]!);
        Assert.Contains(json["explanation"].Strings(), line => line.Contains("2027年的节假日安排尚未载入", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"receivedOn":"2026-02-30"}""", "receivedOn")]
    [InlineData("""{"receivedOn":20260212}""", "receivedOn")]
    [InlineData("""{"receivedOn":"12/02/2026"}""", "receivedOn")]
    [InlineData("""{"receivedOn":"9999-12-20"}""", "receivedOn")]
    [InlineData("""{"receivedOn":"2026-02-12","extensionDays":21}""", "extensionDays")]
    [InlineData("""{"receivedOn":"2026-02-12","extensionDays":-1}""", "extensionDays")]
    [InlineData("""{"receivedOn":"2026-02-12","extensionDays":"abc"}""", "extensionDays")]
    [InlineData("""{"receivedOn":"2026-02-12","extensionDays":2.5}""", "extensionDays")]
    [InlineData("""{"receivedOn":"2026-02-12","pauses":[{"from":"2026-03-10","to":"2026-03-02"}]}""", "pauses[0].to")]
    [InlineData("""{"receivedOn":"2026-02-12","pauses":[{"to":"2026-03-02"}]}""", "pauses[0].from")]
    [InlineData("""{"receivedOn":"2026-02-12","pauses":[{"from":"2026-03-02","to":"9999-12-30"}]}""", "pauses[0].to")]
    [InlineData("""{"receivedOn":"2026-02-12","pauses":[{"from":"2026-03-02","kind":"Holiday"}]}""", "pauses[0].kind")]
    [InlineData("""{"receivedOn":"2026-02-12","correctionReceivedOn":"2026-02-01"}""", "correctionReceivedOn")]
    [InlineData("""{"correctionReceivedOn":"2026-03-02"}""", "receivedOn")]
    [InlineData("""{}""", "receivedOn")]
    [InlineData("", "body")]
    [InlineData("null", "body")]
    [InlineData("""{"receivedOn":"2026-02-12",""", "body")]
    public async Task Invalid_input_is_a_400_naming_the_field(string body, string field)
    {
        var response = await app.Anonymous().PostJsonAsync("/api/deadlines/reply", body);

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.FieldErrors(field));
    }

    [Fact]
    public async Task Malformed_JSON_is_a_400_not_a_500()
    {
        foreach (var body in new[] { "{", "{receivedOn: 2026-02-12}", "[]", "\"2026-02-12\"", "{\"receivedOn\":\"2026-02-12\"}}" })
        {
            var response = await app.Anonymous().PostJsonAsync("/api/deadlines/reply", body);
            await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        }
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_a_413_problem()
    {
        // 11 MB against the 10 MB limit. "Expect: 100-continue" lets the server answer before the body is sent;
        // the long timeout keeps the client from sending it anyway on a slow machine.
        using var client = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromMinutes(1) }) { BaseAddress = app.BaseAddress };
        var padding = new string('x', 11 * 1024 * 1024);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/deadlines/reply")
        {
            Content = new StringContent($$"""{"receivedOn":"2026-02-12","padding":"{{padding}}"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.ExpectContinue = true;

        var response = await client.SendAsync(request);

        await response.ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_refused_with_a_problem()
    {
        var response = await app.Anonymous().PostAsync("/api/deadlines/reply",
            new StringContent("receivedOn=2026-02-12", new MediaTypeHeaderValue("application/x-www-form-urlencoded")));

        await response.ReadProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    private async Task<JsonObject> Reply(string body) =>
        await (await app.Anonymous().PostJsonAsync("/api/deadlines/reply", body)).ReadJsonAsync();
}
