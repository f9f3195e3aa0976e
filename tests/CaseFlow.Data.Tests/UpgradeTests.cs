using CaseFlow.Data.Agencies;
using CaseFlow.Data.Calendar;
using CaseFlow.Domain.Calendar;
using CaseFlow.Domain.Cases;
using CaseFlow.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Data.Tests;

/// <summary>A database of the first release (script 0001 only, with data in it) upgrades to the current schema
/// without losing anything, and the new tables work on it.</summary>
[Trait("TimeZone", "Sensitive")]
public sealed class UpgradeTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Release_one_database_with_data_upgrades_in_place(DatabaseProvider provider)
    {
        var database = await databases.CreateEmptyAsync(provider);
        var firstRelease = MigrationRunner.ScriptsFor(provider).Where(s => s.Number == 1).ToList();
        await using (var db = database.CreateContext())
        {
            Assert.Equal(["0001_initial.sql"], await MigrationRunner.ApplyAsync(db, firstRelease, CancellationToken.None));
            db.Agencies.Add(new Agency { Code = "changsha", Name = "长沙市人民政府" });
            db.CalendarDays.Add(new CalendarDayRow { NoticeYear = 2026, Date = new DateOnly(2026, 10, 1), Kind = CalendarDayKind.DayOff, Source = CalendarSource.National, Name = "国庆节" });
            db.CalendarChanges.Add(new CalendarChange { Year = 2026, Version = 1, ChangedBy = "admin", ChangedAtUtc = new DateTime(2026, 1, 5, 1, 0, 0, DateTimeKind.Utc), Summary = "载入", AfterJson = "{}" });
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateContext())
        {
            var applied = await db.MigrateAsync();
            Assert.Equal(MigrationRunner.ScriptsFor(provider).Where(s => s.Number > 1).Select(s => s.Name), applied);
        }

        await using (var db = database.CreateContext())
        {
            Assert.Equal("长沙市人民政府", (await db.Agencies.SingleAsync(a => a.Code == "changsha")).Name);
            Assert.Equal("国庆节", (await db.CalendarDays.SingleAsync()).Name);
            Assert.Equal("admin", (await db.CalendarChanges.SingleAsync()).ChangedBy);

            var calendar = NationalCalendar.BuildShipped();
            var c = DisclosureRequest.Register(
                new DisclosureRequest.Registration(Channel.InPerson, new DateOnly(2026, 2, 12), null, null, ApplicantColumn.Research, "某研究所", null, null, null, null, "某数据", null, null),
                "changsha", 1, "disclosure-request", 1, "registered", "officer", new DateTime(2026, 2, 12, 2, 0, 0, DateTimeKind.Utc), calendar);
            c.StartConsultation(ConsultationKind.Agency, "市发展改革委", new DateOnly(2026, 3, 2), null, calendar);
            db.Cases.Add(c);
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateContext())
        {
            var c = await db.Cases.SingleAsync();
            Assert.Equal("changsha-2026-0001", c.CaseNumber);
            Assert.Equal(ApplicantColumn.Research, c.ApplicantColumn);
            Assert.Equal(new DateOnly(2026, 3, 18), c.ReplyDueOn);
            var consultation = Assert.Single(c.Details.Consultations);
            Assert.Equal(new DateOnly(2026, 3, 23), consultation.DueOn); // 15 working days after 03-02, counted by hand
            Assert.Equal("市发展改革委", consultation.Party);
            Assert.Null(Assert.Single(c.Details.Pauses).To);
        }
    }
}
