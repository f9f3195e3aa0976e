using CaseFlow.Data;
using CaseFlow.Data.Calendar;
using CaseFlow.Domain.Calendar;
using CaseFlow.Tests.Shared;
using System.Text.Json;
using CaseFlow.Web.Features.Calendar;
using CaseFlow.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Web.Tests.Features.Calendar;

/// <summary>Start-up asks with one plain query which shipped national years the database lacks and loads only those,
/// with plain INSERTs stored exactly as EF stores the same rows. The shipped years are 2019–2026 (national-calendar.json).</summary>
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

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_rows_are_stored_exactly_as_EF_stores_them(DatabaseProvider provider)
    {
        var at = new FixedClock(new DateTimeOffset(2026, 2, 12, 10, 30, 15, 123, TimeSpan.FromHours(8)));
        var plain = await databases.CreateEmptyAsync(provider);
        await plain.MigrateAsync();
        await using (var db = plain.CreateContext())
            Assert.Equal(Shipped, await SeedShippedCalendar.RunAsync(db, at));

        // What the EF version of the seeding wrote, row by row in the same order.
        var tracked = await databases.CreateEmptyAsync(provider);
        await tracked.MigrateAsync();
        await using (var db = tracked.CreateContext())
        {
            foreach (var notice in NationalCalendar.ShippedNotices)
            {
                db.CalendarDays.AddRange(notice.ToEntries(CalendarSource.National).Select(e => new CalendarDayRow
                {
                    NoticeYear = e.NoticeYear, Date = e.Date, Kind = e.Kind, Source = e.Source, AgencyCode = e.AgencyCode, Name = e.Name,
                }));
                db.CalendarChanges.Add(new CalendarChange
                {
                    Year = notice.Year, AgencyCode = CalendarChange.National, Version = 1, ChangedBy = SeedShippedCalendar.SystemUser,
                    ChangedAtUtc = at.GetUtcNow().UtcDateTime, Summary = $"载入随 CaseFlow 发布的 {notice.Year} 年全国节假日安排（{notice.Source}）",
                    AfterJson = JsonSerializer.Serialize(notice, JsonDefaults.Options),
                });
                await db.SaveChangesAsync();
            }
        }

        foreach (var table in new[] { "CalendarDays", "CalendarChanges" })
        {
            var expected = await StoredAsync(tracked, table);
            Assert.True(expected.Count >= 8, $"{table}: {expected.Count} rows");
            Assert.Equal(expected, await StoredAsync(plain, table));
        }
        await using (var db = plain.CreateContext())
        {
            var change = await db.CalendarChanges.SingleAsync(c => c.Year == 2026);
            Assert.Equal(new DateTime(2026, 2, 12, 2, 30, 15, 123, DateTimeKind.Utc), change.ChangedAtUtc);
            Assert.Equal(DateTimeKind.Utc, change.ChangedAtUtc.Kind);
            Assert.Contains(await db.CalendarDays.Where(d => d.NoticeYear == 2026).ToListAsync(),
                d => d.Date == new DateOnly(2026, 2, 15) && d.Kind == CalendarDayKind.DayOff && d.Source == CalendarSource.National && d.AgencyCode == null);
        }
    }

    /// <summary>Every row of <paramref name="table"/> in key order, each column as the database writes it as text:
    /// SQLite's quote() (storage class and exact text, e.g. of instants), PostgreSQL's text form of the row.</summary>
    private static async Task<List<string>> StoredAsync(TestDatabase database, string table)
    {
        await using var connection = await DatabaseProviders.OpenConnectionAsync(database.Options);
        var columns = new List<string>();
        await using (var names = connection.CreateCommand())
        {
            // Only the test's own table names go into this SQL.
            names.CommandText = database.Provider == DatabaseProvider.Sqlite
                ? $"SELECT name FROM pragma_table_info('{table}')"
                : $"SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '{table}' ORDER BY ordinal_position";
            await using var reader = await names.ExecuteReaderAsync();
            while (await reader.ReadAsync()) columns.Add(reader.GetString(0));
        }
        await using var command = connection.CreateCommand();
        command.CommandText = database.Provider == DatabaseProvider.Sqlite
            ? $"SELECT {string.Join(" || '|' || ", columns.Select(c => $"quote(\"{c}\")"))} FROM \"{table}\" ORDER BY \"Id\""
            : $"SELECT t::text FROM \"{table}\" t ORDER BY \"Id\"";
        var rows = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }

    private static async Task<IReadOnlyList<int>> MissingAsync(TestDatabase database)
    {
        await using var connection = await DatabaseProviders.OpenConnectionAsync(database.Options);
        return await SeedShippedCalendar.MissingYearsAsync(connection);
    }
}
