using CaseFlow.Data.Agencies;
using CaseFlow.Data.Calendar;
using CaseFlow.Domain.Calendar;
using CaseFlow.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Data.Tests;

/// <summary>Rows written through EF on a migrated database read back unchanged.</summary>
[Trait("TimeZone", "Sensitive")]
public sealed class RoundTripTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Agency_tree(DatabaseProvider provider)
    {
        var database = await databases.MigratedAsync(provider);
        var prefix = $"T{Guid.NewGuid():N}"[..10];
        await using (var db = database.CreateContext())
        {
            var root = new Agency { Code = prefix, Name = "某市人民政府" };
            root.Children.Add(new Agency { Code = prefix + "-FIN", Name = "某市财政局", CorrectionPeriodWorkingDays = 10 });
            root.Children.Add(new Agency { Code = prefix + "-EDU", Name = "某市教育局", CorrectionPeriodWorkingDays = 0 });
            db.Agencies.Add(root);
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateContext())
        {
            var root = await db.Agencies.Include(a => a.Children).SingleAsync(a => a.Code == prefix);
            Assert.Null(root.ParentCode);
            Assert.Equal("某市人民政府", root.Name);
            Assert.Equal(15, root.CorrectionPeriodWorkingDays);
            Assert.Equal(
                [(prefix + "-EDU", 0), (prefix + "-FIN", 10)],
                root.Children.OrderBy(c => c.Code).Select(c => (c.Code, c.CorrectionPeriodWorkingDays)));
            Assert.All(root.Children, c => Assert.Equal(prefix, c.ParentCode));
        }

        await using (var db = database.CreateContext())
        {
            // The database default applies to rows inserted by SQL; deleting a parent with children is refused.
            await db.Database.ExecuteSqlRawAsync("INSERT INTO \"Agencies\" (\"Code\", \"Name\") VALUES ({0}, {1})", prefix + "-SQL", "SQL");
            Assert.Equal(15, (await db.Agencies.SingleAsync(a => a.Code == prefix + "-SQL")).CorrectionPeriodWorkingDays);
            db.Agencies.Remove(await db.Agencies.SingleAsync(a => a.Code == prefix));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Calendar_days_and_changes(DatabaseProvider provider)
    {
        var database = await databases.MigratedAsync(provider);
        var agency = $"A{Guid.NewGuid():N}"[..10];
        var changedAt = new DateTime(2024, 12, 31, 16, 30, 5, 123, DateTimeKind.Utc); // 2025-01-01 00:30 in Beijing
        await using (var db = database.CreateContext())
        {
            db.CalendarDays.AddRange(
                new CalendarDayRow { NoticeYear = 2025, Date = new DateOnly(2025, 1, 1), Kind = CalendarDayKind.DayOff, Source = CalendarSource.National, Name = "元旦" },
                new CalendarDayRow { NoticeYear = 2025, Date = new DateOnly(2025, 1, 26), Kind = CalendarDayKind.MakeUpWorkday, Source = CalendarSource.Local, AgencyCode = agency, Name = "调休上班" });
            db.CalendarChanges.AddRange(
                new CalendarChange { Year = 2025, Version = 1, ChangedBy = "admin", ChangedAtUtc = changedAt, Summary = "导入 2025 年通知", AfterJson = """{"year":2025}""" },
                new CalendarChange { Year = 2025, AgencyCode = agency, Version = 1, ChangedBy = "admin", ChangedAtUtc = changedAt, Summary = "本地调休", BeforeJson = "{}", AfterJson = "{}" });
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateContext())
        {
            var local = await db.CalendarDays.SingleAsync(d => d.AgencyCode == agency);
            Assert.Equal((2025, new DateOnly(2025, 1, 26), CalendarDayKind.MakeUpWorkday, CalendarSource.Local, "调休上班"),
                (local.NoticeYear, local.Date, local.Kind, local.Source, local.Name));
            Assert.Contains(await db.CalendarDays.Where(d => d.AgencyCode == null && d.Date == new DateOnly(2025, 1, 1)).ToListAsync(),
                d => d is { Kind: CalendarDayKind.DayOff, Source: CalendarSource.National, Name: "元旦" });
            var kinds = await db.Database.SqlQueryRaw<string>(
                "SELECT \"Kind\" AS \"Value\" FROM \"CalendarDays\" WHERE \"AgencyCode\" = {0}", agency).ToListAsync();
            Assert.Equal(["MakeUpWorkday"], kinds); // enums are stored by name

            var changes = await db.CalendarChanges.Where(c => c.AgencyCode == agency || c.AgencyCode == CalendarChange.National)
                .OrderBy(c => c.AgencyCode).ToListAsync();
            Assert.Equal([CalendarChange.National, agency], changes.Select(c => c.AgencyCode));
            Assert.All(changes, c => Assert.Equal((changedAt, DateTimeKind.Utc), (c.ChangedAtUtc, c.ChangedAtUtc.Kind)));
            Assert.Equal(("导入 2025 年通知", null, """{"year":2025}"""), (changes[0].Summary, changes[0].BeforeJson, changes[0].AfterJson));
        }

        await using (var db = database.CreateContext())
        {
            // National changes are stored with AgencyCode "", so the unique index also stops a second national version 1.
            db.CalendarChanges.Add(new CalendarChange { Year = 2025, Version = 1, ChangedBy = "other", ChangedAtUtc = changedAt, Summary = "", AfterJson = "{}" });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_local_time_is_stored_as_the_same_instant_in_UTC(DatabaseProvider provider)
    {
        var database = await databases.MigratedAsync(provider);
        var utc = new DateTime(2025, 3, 1, 1, 2, 3, DateTimeKind.Utc);
        long id;
        await using (var db = database.CreateContext())
        {
            var change = new CalendarChange { Year = 2031, Version = 1, ChangedBy = "x", ChangedAtUtc = utc.ToLocalTime(), Summary = "", AfterJson = "{}" };
            db.CalendarChanges.Add(change);
            await db.SaveChangesAsync();
            id = change.Id;
        }
        await using (var db = database.CreateContext())
        {
            var read = await db.CalendarChanges.SingleAsync(c => c.Id == id);
            Assert.Equal(DateTimeKind.Utc, read.ChangedAtUtc.Kind);
            Assert.Equal(utc, read.ChangedAtUtc);
        }
    }
}
