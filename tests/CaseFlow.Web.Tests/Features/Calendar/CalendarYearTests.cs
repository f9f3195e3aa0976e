using System.Net;
using System.Text.Json.Nodes;
using CaseFlow.Web.Tests.Infrastructure;

namespace CaseFlow.Web.Tests.Features.Calendar;

/// <summary>GET and PUT /api/calendar/{year}: the national notices (lists written out by hand from domain.md §3).</summary>
[Trait("TimeZone", "Sensitive")]
public abstract class CalendarYearTests(CaseFlowApp app)
{
    public sealed class OnSqlite(SqliteApp app) : CalendarYearTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : CalendarYearTests(app), IClassFixture<PostgresApp>;

    /// <summary>A made-up 2027 notice, a test fixture only (not the real State Council notice): New Year Fri–Sun,
    /// Spring Festival Sat 02-06 to Sun 02-14, one make-up Saturday 02-20.</summary>
    private const string Fake2027 = """
        {"source":"测试用 2027 年安排（虚构，非国务院通知）",
         "daysOff":[{"name":"元旦","from":"2027-01-01","to":"2027-01-03"},
                    {"name":"春节","from":"2027-02-06","to":"2027-02-14"}],
         "makeUpWorkdays":["2027-02-20"]}
        """;

    /// <summary>Version 2 of the fake: adds 清明节 Sat 04-03 to Mon 04-05 and drops the 02-20 make-up day.</summary>
    private const string Fake2027Revised = """
        {"source":"测试用 2027 年安排（虚构，第二版）",
         "daysOff":[{"name":"元旦","from":"2027-01-01","to":"2027-01-03"},
                    {"name":"春节","from":"2027-02-06","to":"2027-02-14"},
                    {"name":"清明节","from":"2027-04-03","to":"2027-04-05"}],
         "makeUpWorkdays":[]}
        """;

    [Fact]
    public async Task Year_2026_lists_every_national_day_off_and_make_up_day()
    {
        var year = await (await app.Anonymous().GetAsync("/api/calendar/2026")).ReadJsonAsync();

        Assert.Equal(2026, (int?)year["year"]);
        Assert.True((bool)year["loaded"]!);
        Assert.Equal(
        [
            "2026-01-01", "2026-01-02", "2026-01-03",
            "2026-02-15", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-02-21", "2026-02-22", "2026-02-23",
            "2026-04-04", "2026-04-05", "2026-04-06",
            "2026-05-01", "2026-05-02", "2026-05-03", "2026-05-04", "2026-05-05",
            "2026-06-19", "2026-06-20", "2026-06-21",
            "2026-09-25", "2026-09-26", "2026-09-27",
            "2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07",
        ], year["daysOff"].Strings());
        Assert.Equal(["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"], year["makeUpWorkdays"].Strings());

        var days = year["days"]!.AsArray().Select(d => d!.AsObject()).ToList();
        Assert.Equal(33 + 6, days.Count);
        Assert.All(days, d =>
        {
            Assert.Equal("National", (string?)d["source"]);
            Assert.Equal(2026, (int?)d["noticeYear"]);
            Assert.Null((string?)d["agency"]);
        });
        var spring = days.Single(d => (string?)d["date"] == "2026-02-17");
        Assert.Equal("DayOff", (string?)spring["kind"]);
        Assert.Equal("春节", (string?)spring["name"]);
        Assert.Equal("MakeUpWorkday", (string?)days.Single(d => (string?)d["date"] == "2026-02-28")["kind"]);

        // Loaded at start-up from the calendar shipped with CaseFlow.
        var history = Assert.Single(year["history"]!.AsArray());
        Assert.Equal(1, (int?)history!["number"]);
        Assert.Equal("system", (string?)history["changedBy"]);
    }

    [Fact]
    public async Task Year_2019_includes_the_2018_dates_of_its_notice_which_also_show_under_2018()
    {
        var year = await (await app.Anonymous().GetAsync("/api/calendar/2019")).ReadJsonAsync();

        Assert.True((bool)year["loaded"]!);
        Assert.Equal(
        [
            "2018-12-30", "2018-12-31", "2019-01-01",
            "2019-02-04", "2019-02-05", "2019-02-06", "2019-02-07", "2019-02-08", "2019-02-09", "2019-02-10",
            "2019-04-05",
            "2019-05-01", "2019-05-02", "2019-05-03", "2019-05-04",
            "2019-06-07",
            "2019-09-13",
            "2019-10-01", "2019-10-02", "2019-10-03", "2019-10-04", "2019-10-05", "2019-10-06", "2019-10-07",
        ], year["daysOff"].Strings());
        Assert.Equal(["2018-12-29", "2019-02-02", "2019-02-03", "2019-04-28", "2019-05-05", "2019-09-29", "2019-10-12"], year["makeUpWorkdays"].Strings());
        var newYearsEve = year["days"]!.AsArray().Single(d => (string?)d!["date"] == "2018-12-31")!;
        Assert.Equal(2019, (int?)newYearsEve["noticeYear"]);
        Assert.Equal("元旦", (string?)newYearsEve["name"]);

        var y2018 = await (await app.Anonymous().GetAsync("/api/calendar/2018")).ReadJsonAsync();
        Assert.False((bool)y2018["loaded"]!);
        Assert.Equal(["2018-12-30", "2018-12-31"], y2018["daysOff"].Strings());
        Assert.Equal(["2018-12-29"], y2018["makeUpWorkdays"].Strings());
    }

    [Fact]
    public async Task Loading_a_year_needs_a_signed_in_administrator()
    {
        const string notice = """{"daysOff":[{"name":"元旦","from":"2029-01-01","to":"2029-01-01"}]}""";
        var anonymous = await app.Anonymous().PutJsonAsync("/api/calendar/2029", notice);
        await anonymous.ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Null(anonymous.Headers.Location);

        var officer = await app.SignedInAsync("cal-officer", "Officer");
        await (await officer.PutJsonAsync("/api/calendar/2029", notice)).ReadProblemAsync(HttpStatusCode.Forbidden);

        var year = await (await app.Anonymous().GetAsync("/api/calendar/2029")).ReadJsonAsync();
        Assert.False((bool)year["loaded"]!);
        Assert.Empty(year["history"]!.AsArray());
    }

    [Fact]
    public async Task An_administrator_loads_next_years_notice_and_each_change_is_a_version()
    {
        var anonymous = app.Anonymous();
        var before = await AddWorkingDays(anonymous, "2026-12-31", 1);
        Assert.Equal("2027-01-01", (string?)before["result"]);
        Assert.True((bool)before["provisional"]!);

        // The change is stamped with the app's clock: 23:30 in Beijing is 15:30 UTC the same day.
        app.Clock.SetChinaTime(new DateOnly(2026, 2, 12), new TimeOnly(23, 30));
        var admin = await app.SignedInAsync("cal-admin", "Admin");
        var put = await (await admin.PutJsonAsync("/api/calendar/2027", Fake2027)).ReadJsonAsync();
        Assert.True((bool)put["loaded"]!);

        var year = await (await anonymous.GetAsync("/api/calendar/2027")).ReadJsonAsync();
        Assert.True((bool)year["loaded"]!);
        Assert.Equal(
        [
            "2027-01-01", "2027-01-02", "2027-01-03",
            "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09", "2027-02-10", "2027-02-11", "2027-02-12", "2027-02-13", "2027-02-14",
        ], year["daysOff"].Strings());
        Assert.Equal(["2027-02-20"], year["makeUpWorkdays"].Strings());
        var v1 = Assert.Single(year["history"]!.AsArray())!;
        Assert.Equal(1, (int?)v1["number"]);
        Assert.Equal("cal-admin", (string?)v1["changedBy"]);
        Assert.Equal("2026-02-12T15:30:00Z", (string?)v1["changedAtUtc"]);

        // New Year Fri–Sun is off: the first working day after 2026-12-31 is Mon 2027-01-04.
        await AssertAddWorkingDays(anonymous, "2026-12-31", 1, "2027-01-04");
        await AssertAddWorkingDays(anonymous, "2027-02-05", 1, "2027-02-15");
        await AssertAddWorkingDays(anonymous, "2027-02-19", 1, "2027-02-20");
        await AssertAddWorkingDays(anonymous, "2027-04-02", 1, "2027-04-05");

        await (await admin.PutJsonAsync("/api/calendar/2027", Fake2027Revised)).ReadJsonAsync();

        year = await (await anonymous.GetAsync("/api/calendar/2027")).ReadJsonAsync();
        Assert.Empty(year["makeUpWorkdays"]!.AsArray());
        var history = year["history"]!.AsArray();
        Assert.Equal([1, 2], history.Select(h => (int)h!["number"]!));
        var summary = (string)history[1]!["summary"]!;
        Assert.Contains("2027-04-03", summary);
        Assert.Contains("2027-04-05", summary);
        Assert.Contains("2027-02-20", summary);
        await AssertAddWorkingDays(anonymous, "2027-04-02", 1, "2027-04-06");
        await AssertAddWorkingDays(anonymous, "2027-02-19", 1, "2027-02-22");
    }

    [Theory]
    [InlineData("""{"daysOff":[{"name":"元旦","from":"2028-01-03","to":"2028-01-01"}]}""", "daysOff[0].to")]
    [InlineData("""{"daysOff":[{"name":"元旦","from":"2028-01-01","to":"2028-01-01"},{"name":"x","from":"2029-06-01","to":"2029-06-02"}]}""", "daysOff[1].from")]
    [InlineData("""{"daysOff":[{"name":"元旦","from":"2028-01-01","to":"2028-01-01"}],"makeUpWorkdays":["2026-06-06"]}""", "makeUpWorkdays[0]")]
    [InlineData("""{"daysOff":[{"name":"元旦","from":"2028-01-01","to":"2028-01-03"},{"name":"x","from":"2028-01-03","to":"2028-01-04"}]}""", "daysOff[1]")]
    [InlineData("""{"daysOff":[{"name":"元旦","from":"2028-01-01","to":"2028-01-03"}],"makeUpWorkdays":["2028-01-02"]}""", "makeUpWorkdays[0]")]
    [InlineData("""{"daysOff":[{"name":"元旦","from":"2028-01-01","to":"2028-01-01"}],"makeUpWorkdays":["2028-01-09","2028-01-09"]}""", "makeUpWorkdays[1]")]
    [InlineData("""{"makeUpWorkdays":["2028-01-09"]}""", "daysOff")]
    [InlineData("""{"daysOff":[]}""", "daysOff")]
    [InlineData("""{"daysOff":[{"name":"元旦","to":"2028-01-01"}]}""", "daysOff[0].from")]
    [InlineData("""{"daysOff":[{"name":"元旦","from":"2028-02-30","to":"2028-03-01"}]}""", "daysOff[0].from")]
    [InlineData("""{"daysOff":[{"name":"元旦","from":"2028-01-01","to":"2028-01-01"}],"makeUpWorkdays":"2028-01-09"}""", "makeUpWorkdays")]
    [InlineData("""{"daysOff":[{"name":"元旦","from":"2028-01-01","to":"2028-03-01"}]}""", "daysOff[0].to")]
    [InlineData("""{"daysOff":[{"name":"元旦","from":"2028-01-01","to":"2028-01-01"}]""", "body")]
    [InlineData("", "body")]
    public async Task An_invalid_notice_is_a_400_naming_the_field_and_changes_nothing(string body, string field)
    {
        var admin = await app.SignedInAsync("cal-admin-2", "Admin");

        var response = await admin.PutJsonAsync("/api/calendar/2028", body);

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.FieldErrors(field));
        var year = await (await app.Anonymous().GetAsync("/api/calendar/2028")).ReadJsonAsync();
        Assert.Empty(year["history"]!.AsArray());
    }

    [Theory]
    [InlineData(1999)]
    [InlineData(2101)]
    [InlineData(0)]
    [InlineData(99999)]
    public async Task A_year_outside_2000_to_2100_is_a_400(int yearNumber)
    {
        var get = await app.Anonymous().GetAsync($"/api/calendar/{yearNumber}");
        Assert.NotEmpty((await get.ReadProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("year"));

        var admin = await app.SignedInAsync("cal-admin-3", "Admin");
        var put = await admin.PutJsonAsync($"/api/calendar/{yearNumber}", """{"daysOff":[{"name":"x","from":"2027-01-01","to":"2027-01-01"}]}""");
        Assert.NotEmpty((await put.ReadProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("year"));
    }

    private static async Task<JsonObject> AddWorkingDays(HttpClient client, string from, int days) =>
        await (await client.GetAsync($"/api/calendar/add-working-days?from={from}&days={days}")).ReadJsonAsync();

    private static async Task AssertAddWorkingDays(HttpClient client, string from, int days, string expected)
    {
        var json = await AddWorkingDays(client, from, days);
        Assert.Equal(expected, (string?)json["result"]);
        Assert.False((bool)json["provisional"]!);
    }
}

/// <summary>An agency's local days off (<c>PUT /api/calendar/{year}?agency=CODE</c>) count as rest days for it and
/// every agency below it, never for the national calendar.</summary>
[Trait("TimeZone", "Sensitive")]
public abstract class LocalDaysTests(CaseFlowApp app)
{
    public sealed class OnSqlite(SqliteApp app) : LocalDaysTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : LocalDaysTests(app), IClassFixture<PostgresApp>;

    [Fact]
    public async Task A_local_day_off_of_the_parent_agency_is_a_rest_day_for_its_child()
    {
        var admin = await app.SignedInAsync("local-admin", "Admin"); // creates agency demo
        await app.EnsureAgencyAsync("demo-district", parentCode: "demo");
        var anonymous = app.Anonymous();

        // Wed 2026-03-11, an ordinary working day nationally.
        var put = await admin.PutJsonAsync("/api/calendar/2026?agency=demo",
            """{"source":"本地放假通知（测试）","daysOff":[{"name":"本地假日","from":"2026-03-11","to":"2026-03-11"}]}""");
        await put.ReadJsonAsync();

        Assert.Equal("2026-03-12", await Result(anonymous, "from=2026-03-10&days=1&agency=demo-district"));
        Assert.Equal("2026-03-12", await Result(anonymous, "from=2026-03-10&days=1&agency=demo"));
        Assert.Equal("2026-03-11", await Result(anonymous, "from=2026-03-10&days=1"));
        var json = await (await anonymous.GetAsync("/api/calendar/add-working-days?from=2026-03-10&days=1&agency=demo-district")).ReadJsonAsync();
        Assert.Equal("demo-district", (string?)json["agency"]);

        // The reply deadline of 2026-02-12 moves from 03-18 to 03-19 for the district.
        var deadline = await (await anonymous.PostJsonAsync("/api/deadlines/reply", """{"receivedOn":"2026-02-12","agency":"demo-district"}""")).ReadJsonAsync();
        Assert.Equal("2026-03-19", (string?)deadline["dueOn"]);

        var year = await (await anonymous.GetAsync("/api/calendar/2026?agency=demo-district")).ReadJsonAsync();
        Assert.Contains("2026-03-11", year["daysOff"].Strings());
        var local = year["days"]!.AsArray().Single(d => (string?)d!["date"] == "2026-03-11")!;
        Assert.Equal("Local", (string?)local["source"]);
        Assert.Equal("demo", (string?)local["agency"]);
        Assert.Equal("本地假日", (string?)local["name"]);
        var change = year["history"]!.AsArray().Single(h => (string?)h!["agency"] == "demo")!;
        Assert.Equal(1, (int?)change["number"]);
        Assert.Equal("local-admin", (string?)change["changedBy"]);
    }

    [Fact]
    public async Task An_agency_cannot_announce_make_up_working_days()
    {
        var admin = await app.SignedInAsync("local-admin-2", "Admin");

        var response = await admin.PutJsonAsync("/api/calendar/2026?agency=demo",
            """{"daysOff":[{"name":"本地假日","from":"2026-03-13","to":"2026-03-13"}],"makeUpWorkdays":["2026-03-14"]}""");

        Assert.NotEmpty((await response.ReadProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("makeUpWorkdays"));
    }

    [Fact]
    public async Task An_unknown_agency_is_refused()
    {
        var admin = await app.SignedInAsync("local-admin-3", "Admin");
        var anonymous = app.Anonymous();

        var put = await admin.PutJsonAsync("/api/calendar/2026?agency=no-such-agency",
            """{"daysOff":[{"name":"本地假日","from":"2026-03-13","to":"2026-03-13"}]}""");
        Assert.NotEmpty((await put.ReadProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("agency"));

        await (await anonymous.GetAsync("/api/calendar/2026?agency=no-such-agency")).ReadProblemAsync(HttpStatusCode.NotFound);

        var add = await anonymous.GetAsync("/api/calendar/add-working-days?from=2026-03-10&days=1&agency=no-such-agency");
        Assert.NotEmpty((await add.ReadProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("agency"));

        var reply = await anonymous.PostJsonAsync("/api/deadlines/reply", """{"receivedOn":"2026-02-12","agency":"no-such-agency"}""");
        Assert.NotEmpty((await reply.ReadProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("agency"));
    }

    private static async Task<string?> Result(HttpClient client, string query) =>
        (string?)(await (await client.GetAsync($"/api/calendar/add-working-days?{query}")).ReadJsonAsync())["result"];
}
