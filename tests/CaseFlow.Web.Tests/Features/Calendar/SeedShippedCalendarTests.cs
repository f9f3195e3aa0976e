using CaseFlow.Data;
using CaseFlow.Data.Calendar;
using CaseFlow.Domain.Calendar;
using CaseFlow.Tests.Shared;
using CaseFlow.Web.Features.Calendar;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Web.Tests.Features.Calendar;

/// <summary>Start-up asks with one plain query which shipped national years the database lacks, and loads through EF
/// only those. The shipped years are 2019–2026 (national-calendar.json).</summary>
[Trait("TimeZone", "Sensitive")]
public sealed class SeedShippedCalendarTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    private static readonly int[] Shipped = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026];

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_plain_check_names_exactly_the_national_years_that_are_missing(DatabaseProvider provider)
    {
        var database = await databases.CreateEmptyAsync(provider);
        await database.MigrateAsync();

        Assert.Equal(Shipped, await MissingAsync(database));

        await using (var db = database.CreateContext())
            Assert.Equal(Shipped, await SeedShippedCalendar.RunAsync(db, TimeProvider.System));
        Assert.Empty(await MissingAsync(database));

        await using (var db = database.CreateContext())
        {
            // An agency's own 2024 days are not the national notice: with the national 2024 rows (and their change record)
            // gone, 2024 is missing.
            db.CalendarDays.Add(new CalendarDayRow
            {
                NoticeYear = 2024, Date = new DateOnly(2024, 6, 3), Kind = CalendarDayKind.DayOff, Source = CalendarSource.Local, AgencyCode = "local", Name = "本地放假",
            });
            await db.SaveChangesAsync();
            await db.CalendarDays.Where(d => d.NoticeYear == 2024 && d.Source == CalendarSource.National).ExecuteDeleteAsync();
            await db.CalendarChanges.Where(c => c.Year == 2024 && c.AgencyCode == CalendarChange.National).ExecuteDeleteAsync();
        }
        Assert.Equal([2024], await MissingAsync(database));

        await using (var db = database.CreateContext())
            Assert.Equal([2024], await SeedShippedCalendar.RunAsync(db, TimeProvider.System));
        Assert.Empty(await MissingAsync(database));
    }

    private static async Task<IReadOnlyList<int>> MissingAsync(TestDatabase database)
    {
        await using var connection = await DatabaseProviders.OpenConnectionAsync(database.Options);
        return await SeedShippedCalendar.MissingYearsAsync(connection);
    }
}
