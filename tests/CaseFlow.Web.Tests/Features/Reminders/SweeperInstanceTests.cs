using System.Net;
using CaseFlow.Data;
using CaseFlow.Tests.Shared;
using CaseFlow.Web.Features.Reminders;
using CaseFlow.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CaseFlow.Web.Tests.Features.Cases.CaseApi;

namespace CaseFlow.Web.Tests.Features.Reminders;

/// <summary>
/// The sweeper across host lifetimes, each test on a database of its own: a restart catches up and fires each
/// due row once; a claim left by a dead instance is taken over after the lease; two hosts on one database sweeping
/// at the same moment never fire a row twice; a national calendar change recomputes open cases; the jobs status.
/// Received Thu 2026-02-12: correction notice due 02-28; reply due 03-18, reminders 03-11, 03-13, 03-17, 03-18
/// at 08:00 China time, overdue escalations from 03-19.
/// </summary>
[Trait("TimeZone", "Sensitive")]
public abstract class SweeperInstanceTests(DatabaseProvider provider)
{
    public sealed class OnSqlite() : SweeperInstanceTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : SweeperInstanceTests(DatabaseProvider.Postgres);

    [Fact]
    public async Task After_a_restart_each_due_timer_fires_once_and_a_further_restart_fires_none_again()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Desk desk;
        long assigned, unassigned;
        await using (var first = await StartAsync(database))
        {
            desk = await first.DeskAsync();
            assigned = Id(await first.RegisterAssignedAsync(desk));
            unassigned = Id(await desk.Officer.RegisterAsync(Reminders.Received));
        } // the host stops before any timer is due

        // Down from 02-12 to 03-18 09:00: the correction-notice reminder and four reply reminders of each case are due.
        await using (var second = await StartAsync(database))
        {
            second.At(3, 18, 9, 0);
            second.Services.GetRequiredService<TimerSweeper>().BatchSize = 3; // 10 rows: four batches
            Assert.Equal(10, await second.SweepAsync());
            Assert.Equal(0, await second.SweepAsync());
            foreach (var id in new[] { assigned, unassigned })
            {
                var notes = await second.NotificationsAsync(id);
                Assert.Equal(["CorrectionNoticeDue", "ReplyReminder", "ReplyReminder", "ReplyReminder", "ReplyReminder"], notes.Select(n => n.Kind));
                Assert.Equal(["还有5个工作日到期", "还有3个工作日到期", "还有1个工作日到期", "今日答复期限届满"],
                    notes.Skip(1).Select(n => n.Title.Split(' ')[1]));
                Assert.All(notes, n => Assert.Equal(desk.OfficerName, n.UserName));
            }
        }

        await using (var third = await StartAsync(database))
        {
            third.At(3, 18, 10, 0);
            Assert.Equal(0, await third.SweepAsync());
            Assert.Equal(5, (await third.NotificationsAsync(assigned)).Count);

            third.At(3, 19, 8, 0);
            Assert.Equal(2, await third.SweepAsync()); // the first overdue escalation of each case
        }

        await using (var fourth = await StartAsync(database))
        {
            fourth.At(3, 19, 9, 0);
            Assert.Equal(0, await fourth.SweepAsync());
            foreach (var id in new[] { assigned, unassigned })
            {
                var overdue = await fourth.NotificationsAsync(id, "Overdue");
                Assert.Equal([desk.HeadName, desk.OfficeName, desk.OfficerName], overdue.Select(n => n.UserName).Order(StringComparer.Ordinal));
                Assert.Contains("overdue:2026-03-20 2026-03-20", await fourth.PendingAsync(id));
            }
        }
    }

    [Fact]
    public async Task A_claim_left_by_an_instance_that_died_mid_sweep_fires_once_after_the_lease()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        long id;
        await using (var dying = await StartAsync(database))
        {
            var desk = await dying.DeskAsync();
            id = Id(await dying.RegisterAssignedAsync(desk));
            // It claimed the 02-28 08:00 reminder and died before firing it.
            await dying.WithDbAsync(db => db.CaseTimers.Where(t => t.CaseId == id && t.Key == "correction-notice-due")
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.ClaimedAtUtc, new DateTime(2026, 2, 28, 0, 0, 0, DateTimeKind.Utc)).SetProperty(t => t.ClaimedBy, "dead-host:1:x")));
        }

        await using var next = await StartAsync(database);
        next.At(2, 28, 8, 5);
        Assert.Equal(0, await next.SweepAsync());
        next.At(2, 28, 8, 10); // the lease (10 minutes) has not yet run out
        Assert.Equal(0, await next.SweepAsync());
        Assert.Empty(await next.NotificationsAsync(id));

        next.At(2, 28, 8, 11);
        Assert.Equal(1, await next.SweepAsync());
        Assert.Equal(0, await next.SweepAsync());
        Assert.Equal(["CorrectionNoticeDue"], (await next.NotificationsAsync(id)).Select(n => n.Kind));
    }

    [Fact]
    public async Task Two_hosts_on_one_database_sweeping_at_the_same_moment_never_fire_a_row_twice()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var a = await StartAsync(database);
        await using var b = await StartAsync(database);
        var desk = await a.DeskAsync();
        a.At(2, 12);
        var ids = new List<long>();
        for (var i = 0; i < 30; i++)
            ids.Add(Id(i % 2 == 0 ? await a.RegisterAssignedAsync(desk) : await desk.Officer.RegisterAsync(Reminders.Received)));

        // Small batches, so that the two hosts' transactions interleave many times.
        a.Services.GetRequiredService<TimerSweeper>().BatchSize = 7;
        b.Services.GetRequiredService<TimerSweeper>().BatchSize = 11;

        // 03-18 09:00: 5 rows per case; then one overdue escalation per case on 03-19 and on 03-20.
        foreach (var (day, hour, expected) in new[] { (18, 9, 150), (19, 8, 30), (20, 8, 30) })
        {
            a.At(3, day, hour, 0);
            b.At(3, day, hour, 0);
            var fired = await Task.WhenAll(a.SweepAsync(), b.SweepAsync(), a.SweepAsync(), b.SweepAsync());
            Assert.Equal(expected, fired.Sum());
        }

        await a.WithDbAsync(async db =>
        {
            var notes = await db.Notifications.AsNoTracking().Where(n => n.CaseId != null && ids.Contains(n.CaseId.Value)).ToListAsync();
            Assert.Equal(30 * 5 + 30 * 3 * 2, notes.Count); // overdue: officer, head and office
            var twice = notes.GroupBy(n => (n.CaseId, n.Kind, n.Title, n.UserName, n.CreatedAtUtc)).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            Assert.Empty(twice);
            var timers = await db.CaseTimers.AsNoTracking().Where(t => ids.Contains(t.CaseId) && t.ClaimedAtUtc != null).ToListAsync();
            Assert.Equal(150 + 30 + 30, timers.Count);
            Assert.All(timers, t => Assert.NotNull(t.FiredAtUtc));
        });
    }

    [Fact]
    public async Task A_national_calendar_change_moves_an_open_case_s_due_date_rearms_its_timers_and_journals_it()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = await StartAsync(database);
        var desk = await app.DeskAsync();
        var open = await app.RegisterAssignedAsync(desk);
        var closed = await app.RegisterAssignedAsync(desk);
        closed = await desk.Officer.DoAsync(closed, "withdraw", """{"withdrawnOn":"2026-02-12","reason":"申请人撤回"}""");
        var admin = await app.SignedInAsync("calendar-admin", "Admin");

        app.At(3, 2);
        await (await desk.Officer.PutJsonAsync("/api/calendar/2026", Reminders.National2026("2026-03-10"))).ReadProblemAsync(HttpStatusCode.Forbidden);
        var year = await (await admin.PutJsonAsync("/api/calendar/2026", Reminders.National2026("2026-03-10"))).ReadJsonAsync();
        Assert.Contains("2026-03-10", year["daysOff"].Strings());

        open = await desk.Officer.GetCaseAsync(Id(open));
        // Without Tue 03-10: 02-13, 02-14, 02-24..28, 03-02..06, 03-09, 03-11..13, 03-16..19 → the 20th is 03-19.
        Assert.Equal("2026-03-19", Due(open));
        Assert.Equal(
            ["correction-notice-due 2026-02-28", "reply-reminder:5 2026-03-12", "reply-reminder:3 2026-03-16", "reply-reminder:1 2026-03-18",
             "reply-reminder:0 2026-03-19", "overdue:2026-03-20 2026-03-20"],
            await app.PendingAsync(Id(open)));
        var last = (await desk.Officer.JournalAsync(Id(open)))[^1]!;
        Assert.Equal("recomputeDueDates", (string?)last["action"]);
        Assert.Equal("calendar-admin", (string?)last["actor"]);
        Assert.Equal("2026-03-18", (string?)last["facts"]!["replyDueOn"]!["before"]);
        Assert.Equal("2026-03-19", (string?)last["facts"]!["replyDueOn"]!["after"]);
        Assert.Equal(Version(open), (int)last["sequence"]!);
        Assert.DoesNotContain(await desk.Officer.JournalAsync(Id(closed)), j => (string?)j!["action"] == "recomputeDueDates");

        await app.SweepAtAsync(3, 11, 8, 0);
        Assert.Empty(await app.NotificationsAsync(Id(open), "ReplyReminder"));
        await app.SweepAtAsync(3, 12, 8, 0);
        Assert.Equal([$"{open["caseNumber"]} 还有5个工作日到期"], (await app.NotificationsAsync(Id(open), "ReplyReminder")).Select(n => n.Title));

        // Back to the published notice: the date returns, and so do the reminders not yet sent.
        await (await admin.PutJsonAsync("/api/calendar/2026", Reminders.National2026())).ReadJsonAsync();
        Assert.Equal("2026-03-18", Due(await desk.Officer.GetCaseAsync(Id(open))));
        Assert.Equal(["reply-reminder:3 2026-03-13", "reply-reminder:1 2026-03-17", "reply-reminder:0 2026-03-18", "overdue:2026-03-19 2026-03-19"],
            await app.PendingAsync(Id(open)));
    }

    [Fact]
    public async Task Admin_jobs_status_shows_the_last_sweep_timers_due_and_overdue_and_the_outbox()
    {
        await using var sink = await SmtpSink.StartNewAsync();
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = await StartAsync(database, sink.MailSettings);
        var desk = await app.DeskAsync();
        await app.SetEmailAsync(desk.OfficerName, "officer@example.gov.cn");
        var admin = await app.SignedInAsync("jobs-admin", "Admin");
        await app.RegisterAssignedAsync(desk);
        await desk.Officer.RegisterAsync(Reminders.ByEmail("reject-applicant@example.com")); // acknowledgement that will bounce

        await (await desk.Officer.GetAsync("/api/admin/jobs")).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await desk.Head.GetAsync("/api/admin/jobs")).ReadProblemAsync(HttpStatusCode.Forbidden);

        var jobs = await (await admin.GetAsync("/api/admin/jobs")).ReadJsonAsync();
        Assert.Null((string?)jobs["lastSweepUtc"]);
        Assert.Equal(12, (int)jobs["timers"]!["pending"]!); // per case: 02-28, four reminders, overdue 03-19
        Assert.Equal(0, (int)jobs["timers"]!["due"]!);
        Assert.Equal(Utc(2, 28, 0, 0), DateTimeOffset.Parse((string)jobs["timers"]!["nextDueUtc"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal((1, 0, 0), Outbox(jobs));

        app.At(2, 28, 8, 4);
        jobs = await (await admin.GetAsync("/api/admin/jobs")).ReadJsonAsync();
        Assert.Equal((2, 0), ((int)jobs["timers"]!["due"]!, (int)jobs["timers"]!["overdue"]!));
        app.At(2, 28, 8, 6); // due for more than five minutes: the sweeper is behind
        jobs = await (await admin.GetAsync("/api/admin/jobs")).ReadJsonAsync();
        Assert.Equal((2, 2), ((int)jobs["timers"]!["due"]!, (int)jobs["timers"]!["overdue"]!));

        Assert.Equal(2, await app.SweepAsync());
        jobs = await (await admin.GetAsync("/api/admin/jobs")).ReadJsonAsync();
        Assert.Equal(Utc(2, 28, 0, 6), DateTimeOffset.Parse((string)jobs["lastSweepUtc"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(2, (int)jobs["lastSweepFired"]!);
        Assert.Equal((10, 0, 0), ((int)jobs["timers"]!["pending"]!, (int)jobs["timers"]!["due"]!, (int)jobs["timers"]!["overdue"]!));
        Assert.Equal((3, 0, 0), Outbox(jobs)); // the acknowledgement and the officer's two reminders

        Assert.Equal(2, await app.DispatchAsync());
        jobs = await (await admin.GetAsync("/api/admin/jobs")).ReadJsonAsync();
        Assert.Equal((0, 2, 1), Outbox(jobs));
        Assert.NotNull((string?)jobs["lastMailRunUtc"]);

        app.At(3, 19, 10, 0);
        jobs = await (await admin.GetAsync("/api/admin/jobs")).ReadJsonAsync();
        Assert.Equal(2, (int)jobs["casesOverdue"]!);
        Assert.Equal((10, 10), ((int)jobs["timers"]!["due"]!, (int)jobs["timers"]!["overdue"]!));
    }

    private static (int Pending, int Sent, int DeadLettered) Outbox(System.Text.Json.Nodes.JsonObject jobs) =>
        ((int)jobs["outbox"]!["pending"]!, (int)jobs["outbox"]!["sent"]!, (int)jobs["outbox"]!["deadLettered"]!);

    private static DateTimeOffset Utc(int month, int day, int hour, int minute) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    private static async Task<CaseFlowApp> StartAsync(TestDatabase database, IReadOnlyDictionary<string, string>? settings = null)
    {
        var app = new CaseFlowApp(database, settings);
        await app.InitializeAsync();
        return app;
    }
}
