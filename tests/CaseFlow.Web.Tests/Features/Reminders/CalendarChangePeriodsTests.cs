using CaseFlow.Data;
using CaseFlow.Tests.Shared;
using CaseFlow.Web.Tests.Infrastructure;
using static CaseFlow.Web.Tests.Features.Cases.CaseApi;

namespace CaseFlow.Web.Tests.Features.Reminders;

/// <summary>
/// A local day off added after the periods started (Tue 2026-03-10 for the desk's agency) moves every period still
/// running — correction, consultation, fee payment, and a review's reply on a concluded case — re-arms the expiry
/// timers and journals what moved. Dates counted by hand on the 2026 calendar.
/// </summary>
[Trait("TimeZone", "Sensitive")]
public abstract class CalendarChangePeriodsTests(DatabaseProvider provider)
{
    public sealed class OnSqlite() : CalendarChangePeriodsTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : CalendarChangePeriodsTests(DatabaseProvider.Postgres);

    [Fact]
    public async Task A_calendar_change_moves_running_periods_rearms_their_timers_and_journals_them()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new CaseFlowApp(database);
        await app.InitializeAsync();
        var desk = await app.DeskAsync();
        var admin = await app.SignedInAsync("calendar-admin-p", "Admin");

        var correcting = await app.RegisterAssignedAsync(desk);
        var consulting = await app.RegisterAssignedAsync(desk);
        var paying = await app.RegisterAssignedAsync(desk);
        var appealed = await app.RegisterAssignedAsync(desk);

        app.At(2, 13);
        // 15 working days after 02-13: 02-14=1, 02-24..27=2..5, 02-28=6, 03-02..06=7..11, 03-09..12=12..15
        correcting = await desk.Officer.DoAsync(correcting, "requestCorrection", """{"items":"请写明文件名称或文号","periodWorkingDays":15}""");
        appealed = await desk.Officer.DoAsync(appealed, "withdraw", """{"withdrawnOn":"2026-02-13","reason":"申请人撤回"}""");
        app.At(3, 3);
        // 15 working days after the party's receipt on 03-03: 03-04..06=1..3, 03-09..13=4..8, 03-16..20=9..13, 03-23=14, 03-24=15
        consulting = await desk.Officer.DoAsync(consulting, "startConsultation", """{"kind":"ThirdParty","party":"某公司","partyReceivedOn":"2026-03-03"}""");
        // 20 working days after 03-03: … 03-30=19, 03-31=20
        paying = await desk.Officer.DoAsync(paying, "sendFeeNotice",
            """{"method":"PerPage","quantity":50}""");
        // review reply: 10 working days after 03-02: 03-03..06=1..4, 03-09..13=5..9, 03-16=10
        appealed = await desk.Office.DoAsync(appealed, "recordProceeding", """{"kind":"Review","body":"市人民政府","filedOn":"2026-03-01","copyReceivedOn":"2026-03-02"}""");

        Assert.Contains("correction-ended 2026-03-13", await app.PendingAsync(Id(correcting)));
        Assert.Contains("consultation-expired:1 2026-03-25", await app.PendingAsync(Id(consulting)));
        Assert.Contains("fee-ended 2026-04-01", await app.PendingAsync(Id(paying)));
        Assert.Contains("proceeding-due:1 2026-03-16", await app.PendingAsync(Id(appealed)));

        app.At(3, 4);
        await (await admin.PutJsonAsync($"/api/calendar/2026?agency={desk.Agency}",
            """{"source":"本地放假通知（测试）","daysOff":[{"name":"本地假日","from":"2026-03-10","to":"2026-03-10"}]}""")).ReadJsonAsync();

        // Each period gains one working day; the expiry action (consultation) and the v2 reminders (correction, fee) are due the day after the period's last day.
        Assert.Contains("correction-ended 2026-03-14", await app.PendingAsync(Id(correcting)));
        Assert.Contains("consultation-expired:1 2026-03-26", await app.PendingAsync(Id(consulting)));
        Assert.Contains("fee-ended 2026-04-02", await app.PendingAsync(Id(paying)));
        Assert.Contains("proceeding-due:1 2026-03-17", await app.PendingAsync(Id(appealed)));

        await AssertMovedAsync(desk, Id(correcting), "correctionPeriodDueOn", "2026-03-12", "2026-03-13");
        await AssertMovedAsync(desk, Id(consulting), "consultation:1", "2026-03-24", "2026-03-25");
        await AssertMovedAsync(desk, Id(paying), "feePaymentDueOn", "2026-03-31", "2026-04-01");
        await AssertMovedAsync(desk, Id(appealed), "proceeding:1", "2026-03-16", "2026-03-17");

        var view = await desk.Officer.GetCaseAsync(Id(consulting));
        Assert.Contains("2026-03-25", view.ToJsonString());
        Assert.DoesNotContain("2026-03-24", view["details"]!.ToJsonString());
    }

    private static async Task AssertMovedAsync(Desk desk, long id, string key, string before, string after)
    {
        var last = (await desk.Officer.JournalAsync(id))[^1]!;
        Assert.Equal("recomputeDueDates", (string?)last["action"]);
        Assert.Equal("calendar-admin-p", (string?)last["actor"]);
        Assert.Equal(before, (string?)last["facts"]![key]!["before"]);
        Assert.Equal(after, (string?)last["facts"]![key]!["after"]);
        // The case page names the step in Chinese.
        Assert.Contains("<th scope=\"row\">节假日安排变更后重新计算期限</th>", await (await desk.Officer.GetAsync($"/cases/{id}")).ReadBodyAsync(System.Net.HttpStatusCode.OK));
    }
}
