using System.Security.Claims;
using CaseFlow.Data;
using CaseFlow.Domain.Calendar;
using CaseFlow.Web.Errors;
using CaseFlow.Web.Features.Calendar;
using CaseFlow.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.Web.Tests.Features.Calendar;

/// <summary><see cref="LocalDaysOff"/>, which the calendar page uses to add or remove one local day off through the
/// PUT /api/calendar/{year}?agency= handler. Dates: Wed 2026-03-04, Thu 03-05, Fri 03-06 are working days in the 2026
/// national calendar (domain.md §3 lists no day off in March).</summary>
[Trait("TimeZone", "Sensitive")]
public abstract class LocalDaysOffTests(CaseFlowApp app)
{
    public sealed class OnSqlite(SqliteApp app) : LocalDaysOffTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : LocalDaysOffTests(app), IClassFixture<PostgresApp>;

    private static readonly ClaimsPrincipal Admin = new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "local-admin")], "test"));

    private async Task AddAsync(string agency, DayOffRange range)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        await LocalDaysOff.AddAsync(2026, agency, range, Admin, sp.GetRequiredService<CaseFlowDbContext>(), sp.GetRequiredService<CalendarProvider>(),
            sp.GetServices<ICalendarChangeListener>(), sp.GetRequiredService<TimeProvider>(), CancellationToken.None);
    }

    private async Task<bool> RemoveAsync(string agency, DateOnly from, DateOnly to)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        return await LocalDaysOff.RemoveAsync(2026, agency, from, to, Admin, sp.GetRequiredService<CaseFlowDbContext>(), sp.GetRequiredService<CalendarProvider>(),
            sp.GetServices<ICalendarChangeListener>(), sp.GetRequiredService<TimeProvider>(), CancellationToken.None);
    }

    private async Task<string> NextWorkingDayAsync(string agency) =>
        (string)(await (await app.Anonymous().GetAsync($"/api/calendar/add-working-days?from=2026-03-04&days=1&agency={agency}")).ReadJsonAsync())["result"]!;

    [Fact]
    public async Task Adding_keeps_the_ranges_already_there_and_each_change_counts_in_working_days_and_is_a_version()
    {
        await app.EnsureAgencyAsync("local-city");
        await app.EnsureAgencyAsync("local-dept", "local-city");
        Assert.Equal("2026-03-05", await NextWorkingDayAsync("local-dept"));

        await AddAsync("local-city", new DayOffRange("三月三", new DateOnly(2026, 3, 5), new DateOnly(2026, 3, 5)));
        await AddAsync("local-city", new DayOffRange("本地节日", new DateOnly(2026, 7, 1), new DateOnly(2026, 7, 2)));

        // The parent's local day off applies below it too.
        Assert.Equal("2026-03-06", await NextWorkingDayAsync("local-dept"));
        var year = await (await app.Anonymous().GetAsync("/api/calendar/2026?agency=local-city")).ReadJsonAsync();
        var local = year["days"]!.AsArray().Where(d => (string?)d!["source"] == "Local").Select(d => $"{d!["date"]} {d["name"]}").ToList();
        Assert.Equal(["2026-03-05 三月三", "2026-07-01 本地节日", "2026-07-02 本地节日"], local);
        var versions = year["history"]!.AsArray().Where(h => (string?)h!["agency"] == "local-city").ToList();
        Assert.Equal([1, 2], versions.Select(v => (int)v!["number"]!));
        Assert.All(versions, v => Assert.Equal("local-admin", (string?)v!["changedBy"]));

        Assert.True(await RemoveAsync("local-city", new DateOnly(2026, 3, 5), new DateOnly(2026, 3, 5)));
        Assert.False(await RemoveAsync("local-city", new DateOnly(2026, 3, 5), new DateOnly(2026, 3, 5)));
        Assert.Equal("2026-03-05", await NextWorkingDayAsync("local-dept"));
        year = await (await app.Anonymous().GetAsync("/api/calendar/2026?agency=local-city")).ReadJsonAsync();
        Assert.Equal(["2026-07-01", "2026-07-02"], year["days"]!.AsArray().Where(d => (string?)d!["source"] == "Local").Select(d => (string)d!["date"]!));
    }

    [Fact]
    public async Task A_range_that_repeats_a_stored_day_is_refused_naming_the_new_range_and_nothing_changes()
    {
        await app.EnsureAgencyAsync("local-twice");
        await AddAsync("local-twice", new DayOffRange("三月三", new DateOnly(2026, 3, 5), new DateOnly(2026, 3, 6)));

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            AddAsync("local-twice", new DayOffRange("重复", new DateOnly(2026, 3, 6), new DateOnly(2026, 3, 9))));

        Assert.Equal("daysOff[1]", Assert.Single(refused.Errors).Field);
        Assert.Contains("2026-03-06", refused.Errors[0].Message);
        var year = await (await app.Anonymous().GetAsync("/api/calendar/2026?agency=local-twice")).ReadJsonAsync();
        Assert.Equal(["2026-03-05", "2026-03-06"], year["days"]!.AsArray().Where(d => (string?)d!["source"] == "Local").Select(d => (string)d!["date"]!));
    }
}
