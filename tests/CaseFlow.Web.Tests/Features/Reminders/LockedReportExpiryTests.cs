using System.Net.Http.Json;
using CaseFlow.Data;
using CaseFlow.Tests.Shared;
using CaseFlow.Web.Tests.Infrastructure;
using static CaseFlow.Web.Tests.Features.Cases.CaseApi;

namespace CaseFlow.Web.Tests.Features.Reminders;

/// <summary>
/// An expiry that fires late, after the office locked the year's report, would conclude a case inside the locked
/// year: it is held back a day at a time, the officer, head and office are told, and it runs once the report is
/// unlocked. Received Tue 2026-12-01; correction notice 12-02 with 5 working days: 12-03=1, 12-04=2, 12-07=3,
/// 12-08=4, 12-09=5 → the period ends 12-09 and the expiry is due at the start of 12-10.
/// </summary>
[Trait("TimeZone", "Sensitive")]
public abstract class LockedReportExpiryTests(DatabaseProvider provider)
{
    public sealed class OnSqlite() : LockedReportExpiryTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : LockedReportExpiryTests(DatabaseProvider.Postgres);

    [Fact]
    public async Task An_expiry_that_would_change_a_locked_report_waits_until_it_is_unlocked()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        // v1: the expiry is a System action (v2 only reminds; the officer decides).
        await using var app = new CaseFlowApp(database, V1Workflows.Settings());
        await app.InitializeAsync();
        var desk = await app.DeskAsync();

        app.At(12, 1);
        var c = await desk.Officer.RegisterAsync(Reminders.Received.Replace("2026-02-12", "2026-12-01"));
        c = await desk.Officer.DoAsync(c, "assign", $$"""{"officer":"{{desk.OfficerName}}"}""");
        app.At(12, 2);
        c = await desk.Officer.DoAsync(c, "requestCorrection", """{"items":"请写明文件名称或文号","periodWorkingDays":5}""");
        Assert.Contains("correction-expired 2026-12-10", await app.PendingAsync(Id(c)));

        // The sweeper was down over the turn of the year; the office locked 2026 with the case carried over.
        Set(app, 2027, 1, 6, 9);
        var report = await (await desk.Office.GetAsync($"/api/reports/annual/2026?agency={desk.Agency}")).ReadJsonAsync();
        Assert.Equal(1, (int)report["table3"]!["rows"]!["CarriedOut"]![6]!);
        await (await desk.Office.PostAsync($"/api/reports/annual/2026/lock?agency={desk.Agency}", null)).ReadJsonAsync();

        await app.SweepAsync();
        c = await desk.Officer.GetCaseAsync(Id(c));
        Assert.Equal("awaitingCorrection", (string?)c["state"]);
        Assert.Contains("correction-expired 2026-12-10", await app.PendingAsync(Id(c)));
        var told = await app.NotificationsAsync(Id(c), "LockedReportBlocksExpiry");
        Assert.Equal(
            new[] { desk.HeadName, desk.OfficeName, desk.OfficerName }.Order(),
            told.Select(n => n.UserName).Where(u => u.StartsWith(desk.Agency, StringComparison.Ordinal)).Order());
        Assert.Contains("已锁定", told[0].Body);

        // Later the same day: not tried again before a day has passed.
        Set(app, 2027, 1, 6, 15);
        await app.SweepAsync();
        Assert.Equal(told.Count, (await app.NotificationsAsync(Id(c), "LockedReportBlocksExpiry")).Count);

        await (await desk.Office.PostAsJsonAsync($"/api/reports/annual/2026/unlock?agency={desk.Agency}", new { reason = "补正期限届满的案件需办结" })).ReadJsonAsync();
        Set(app, 2027, 1, 7, 10);
        await app.SweepAsync();
        c = await desk.Officer.GetCaseAsync(Id(c));
        Assert.Equal("concluded", (string?)c["state"]);
        Assert.Equal("Other.NoCorrection", (string?)c["outcome"]);
        Assert.Equal("2026-12-09", (string?)c["concludedOn"]);
    }

    private static void Set(CaseFlowApp app, int year, int month, int day, int hour) =>
        app.Clock.SetChinaTime(new DateOnly(year, month, day), new TimeOnly(hour, 0));
}
