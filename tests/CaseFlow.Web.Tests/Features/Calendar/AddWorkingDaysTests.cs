using System.Net;
using CaseFlow.Web.Tests.Infrastructure;

namespace CaseFlow.Web.Tests.Features.Calendar;

/// <summary>GET /api/calendar/add-working-days. Every expected date is counted by hand from domain.md §3:
/// the start is day 0, the result is the N-th working day after it.</summary>
[Trait("TimeZone", "Sensitive")]
public abstract class AddWorkingDaysTests(CaseFlowApp app)
{
    public sealed class OnSqlite(SqliteApp app) : AddWorkingDaysTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : AddWorkingDaysTests(app), IClassFixture<PostgresApp>;

    [Fact]
    public async Task The_documented_example_answers_exactly_as_documented()
    {
        var response = await app.Anonymous().GetAsync("/api/calendar/add-working-days?from=2026-02-12&days=20");

        var body = await response.ReadBodyAsync(HttpStatusCode.OK);
        Assert.Equal("""{"from":"2026-02-12","days":20,"result":"2026-03-18","provisional":false,"agency":null}""", body);
    }

    [Theory]
    // 2026 Spring Festival: 02-13 Fri, 02-14 make-up Sat, 02-15..02-23 off, then 02-24..02-27, 02-28 make-up Sat.
    [InlineData("2026-02-12", 7, "2026-02-28")]
    // National Day 2026: 10-01..10-07 off, 10-10 make-up Sat; Oct 31/Nov 1 weekend.
    [InlineData("2026-09-30", 20, "2026-11-03")]
    [InlineData("2026-02-12", 0, "2026-02-12")]
    // Backwards: the 20th working day before 03-18 is the day it was counted from.
    [InlineData("2026-03-18", -20, "2026-02-12")]
    // Backwards over the Spring Festival onto the make-up Saturday.
    [InlineData("2026-02-24", -1, "2026-02-14")]
    // 2020: the Spring Festival extended to 02-02 and the 02-01 make-up day cancelled, so Mon 02-03 is next.
    [InlineData("2020-01-23", 1, "2020-02-03")]
    // 2020-01-19 is a make-up Sunday.
    [InlineData("2020-01-18", 1, "2020-01-19")]
    // 2019 National Day 10-01..10-07; 10-12 make-up Sat is the 5th.
    [InlineData("2019-09-30", 1, "2019-10-08")]
    [InlineData("2019-09-30", 5, "2019-10-12")]
    // 2021 Spring Festival 02-11..02-17; 02-18 Thu, 02-19 Fri, 02-20 make-up Sat.
    [InlineData("2021-02-10", 3, "2021-02-20")]
    // 2022: two make-up days in a row, Sat 01-29 and Sun 01-30.
    [InlineData("2022-01-28", 2, "2022-01-30")]
    // The 2023 notice starts on 2022-12-31: 12-31..01-02 off.
    [InlineData("2022-12-30", 1, "2023-01-03")]
    [InlineData("2023-01-03", -1, "2022-12-30")]
    // 2023 Mid-Autumn + National Day 09-29..10-06, make-up Sat 10-07.
    [InlineData("2023-09-28", 1, "2023-10-07")]
    // 2024 Spring Festival 02-10..02-17, make-up Sun 02-18.
    [InlineData("2024-02-08", 2, "2024-02-18")]
    [InlineData("2024-02-28", 1, "2024-02-29")]
    // 2025 Dragon Boat 05-31..06-02.
    [InlineData("2025-05-30", 1, "2025-06-03")]
    // 2025 make-up Sun 09-28 before National Day.
    [InlineData("2025-09-26", 2, "2025-09-29")]
    public async Task Counts_working_days_of_the_national_calendar(string from, int days, string expected)
    {
        var json = await Get($"from={from}&days={days}");

        Assert.Equal(expected, (string?)json["result"]);
        Assert.Equal(days, (int?)json["days"]);
        Assert.False((bool)json["provisional"]!);
    }

    [Theory]
    // 2027's notice is not loaded: weekends only. 2027-01-01 is a Friday, 01-02/03 the weekend.
    [InlineData("2026-12-31", 1, "2027-01-01")]
    [InlineData("2026-12-31", 2, "2027-01-04")]
    public async Task A_result_in_a_year_without_a_notice_is_provisional(string from, int days, string expected)
    {
        var json = await Get($"from={from}&days={days}");

        Assert.Equal(expected, (string?)json["result"]);
        Assert.True((bool)json["provisional"]!);
    }

    [Theory]
    [InlineData("from=2026-02-30&days=20", "from")]
    [InlineData("from=abc&days=20", "from")]
    [InlineData("from=2026-2-12&days=20", "from")]
    [InlineData("days=20", "from")]
    [InlineData("from=&days=20", "from")]
    [InlineData("from=9999-12-31&days=1", "from")]
    [InlineData("from=0001-01-01&days=-1", "from")]
    [InlineData("from=2026-02-12&days=x", "days")]
    [InlineData("from=2026-02-12&days=1.5", "days")]
    [InlineData("from=2026-02-12", "days")]
    [InlineData("from=2026-02-12&days=1001", "days")]
    [InlineData("from=2026-02-12&days=-1001", "days")]
    [InlineData("from=2026-02-12&days=99999999999", "days")]
    [InlineData("from=2026-02-12&days=1&agency=no-such-agency", "agency")]
    public async Task Bad_input_is_a_400_problem_naming_the_field(string query, string field)
    {
        var response = await app.Anonymous().GetAsync($"/api/calendar/add-working-days?{query}");

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.FieldErrors(field));
    }

    private async Task<System.Text.Json.Nodes.JsonObject> Get(string query) =>
        await (await app.Anonymous().GetAsync($"/api/calendar/add-working-days?{query}")).ReadJsonAsync();
}
