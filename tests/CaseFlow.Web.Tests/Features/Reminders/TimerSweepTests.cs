using System.Net;
using CaseFlow.Data.Cases;
using CaseFlow.Web.Tests.Infrastructure;
using static CaseFlow.Web.Tests.Features.Cases.CaseApi;

namespace CaseFlow.Web.Tests.Features.Reminders;

/// <summary>
/// Each timer kind fires at its instant (one minute before: nothing; at the instant: exactly one notification or
/// effect; sweeping again: nothing more) and does what the issue says. The sweeper is called by hand with the fake
/// clock. Dates are counted by hand from domain.md §3 on the 2026 calendar (days off 02-15..23, 04-04..06,
/// 05-01..05; make-up days 02-14, 02-28, 05-09). Received Thu 2026-02-12: correction notice due Sat 2026-02-28
/// (make-up day), reply due Wed 2026-03-18. Reminders fire at 08:00 China time, expiry actions at 00:00 of the day
/// after the period. Each test has its own agency, so its recipients are its own on the class's database.
/// </summary>
[Trait("TimeZone", "Sensitive")]
public abstract class TimerSweepTests(CaseFlowApp app)
{
    public sealed class OnSqlite(SqliteApp app) : TimerSweepTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : TimerSweepTests(app), IClassFixture<PostgresApp>;

    [Fact]
    public async Task Reply_reminders_fire_at_8_on_the_5th_3rd_and_1st_working_day_before_and_on_the_due_day()
    {
        var desk = await app.DeskAsync();
        var c = await app.RegisterAssignedAsync(desk);
        Assert.Equal("2026-03-18", Due(c));
        var number = (string)c["caseNumber"]!;

        // 5 working days before 03-18: 03-17=1, 03-16=2, 03-13=3, 03-12=4, 03-11=5.
        var expected = new List<string>();
        foreach (var (month, day, title) in new[]
                 {
                     (3, 11, $"{number} 还有5个工作日到期"), (3, 13, $"{number} 还有3个工作日到期"),
                     (3, 17, $"{number} 还有1个工作日到期"), (3, 18, $"{number} 今日答复期限届满"),
                 })
        {
            await app.SweepAtAsync(month, day, 7, 59);
            Assert.Equal(expected, (await app.NotificationsAsync(Id(c), "ReplyReminder")).Select(n => n.Title));

            await app.SweepAtAsync(month, day, 8, 0);
            expected.Add(title);
            var notes = await app.NotificationsAsync(Id(c), "ReplyReminder");
            Assert.Equal(expected, notes.Select(n => n.Title));
            Assert.Equal(desk.OfficerName, notes[^1].UserName); // the assigned officer only

            await app.SweepAtAsync(month, day, 8, 1);
            await app.SweepAtAsync(month, day, 23, 59);
            Assert.Equal(expected.Count, (await app.NotificationsAsync(Id(c), "ReplyReminder")).Count);
        }
        var onTheDay = (await app.NotificationsAsync(Id(c), "ReplyReminder"))[^1];
        Assert.Contains("2026-03-18", onTheDay.Body);
        Assert.Contains("张三", onTheDay.Body);
    }

    [Fact]
    public async Task A_case_registered_late_gets_only_the_reminders_still_ahead()
    {
        var desk = await app.DeskAsync();
        app.At(3, 16);
        var c = await desk.Officer.RegisterAsync(Reminders.Received); // received 02-12, registered on Mon 03-16
        Assert.Equal("2026-03-18", Due(c));
        // 02-28 (correction notice), 03-11 (5 days) and 03-13 (3 days) have passed: "5 days left" would now be wrong.
        Assert.Equal(["reply-reminder:1 2026-03-17", "reply-reminder:0 2026-03-18", "overdue:2026-03-19 2026-03-19"], await app.PendingAsync(Id(c)));

        await app.SweepAtAsync(3, 16, 10, 0);
        Assert.Empty(await app.NotificationsAsync(Id(c)));
        await app.SweepAtAsync(3, 17, 8, 0);
        Assert.Equal([$"{c["caseNumber"]} 还有1个工作日到期"], (await app.NotificationsAsync(Id(c), "ReplyReminder")).Select(n => n.Title));
    }

    [Fact]
    public async Task Overdue_escalates_every_working_day_to_the_officer_the_head_and_the_offices()
    {
        var parent = "p" + Guid.NewGuid().ToString("N")[..10];
        var desk = await app.DeskAsync(parent);
        await app.CreateUserAsync($"{parent}-office", "Office", parent);       // the office of the agency above
        await app.CreateUserAsync($"{desk.Agency}-officer2", "Officer", desk.Agency); // not assigned: not told
        var c = await app.RegisterAssignedAsync(desk);
        string[] everyone = [.. new[] { desk.HeadName, desk.OfficeName, desk.OfficerName, $"{parent}-office" }.Order(StringComparer.Ordinal)];

        await app.SweepAtAsync(3, 18, 8, 0); // the last reminder, on the due day
        Assert.Empty(await app.NotificationsAsync(Id(c), "Overdue"));

        // First working day after 03-18 is Thu 03-19, then Fri 03-20, then Mon 03-23 (not the weekend).
        var days = new List<(int Month, int Day)>();
        foreach (var (month, day) in new[] { (3, 19), (3, 20), (3, 23) })
        {
            await app.SweepAtAsync(month, day, 7, 59);
            Assert.Equal(days.Count * 4, (await app.NotificationsAsync(Id(c), "Overdue")).Count);

            await app.SweepAtAsync(month, day, 8, 0);
            days.Add((month, day));
            var notes = await app.NotificationsAsync(Id(c), "Overdue");
            Assert.Equal(days.Count * 4, notes.Count);
            Assert.Equal(everyone, notes.TakeLast(4).Select(n => n.UserName).Order(StringComparer.Ordinal));
            Assert.All(notes, n => Assert.Equal($"{c["caseNumber"]} 已超过答复期限", n.Title));

            await app.SweepAtAsync(month, day, 12, 0);
            Assert.Equal(days.Count * 4, (await app.NotificationsAsync(Id(c), "Overdue")).Count);

            if ((month, day) == (3, 19))
            {
                // The officer works on the case after the escalation: tomorrow's escalation stays armed.
                app.At(3, 19, 10, 0);
                c = await desk.Officer.DoAsync(c, "requestCoHandling", """{"unit":"档案室","request":"请提供原件"}""");
                Assert.Contains("overdue:2026-03-20 2026-03-20", await app.PendingAsync(Id(c)));
            }
            if ((month, day) == (3, 20))
            {
                await app.SweepAtAsync(3, 21, 8, 0); // Saturday
                await app.SweepAtAsync(3, 22, 8, 0); // Sunday
                Assert.Equal(8, (await app.NotificationsAsync(Id(c), "Overdue")).Count);
            }
        }
        Assert.Equal(["overdue:2026-03-24 2026-03-24"], (await app.PendingAsync(Id(c))).Where(t => t.StartsWith("overdue", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_escalation_armed_twice_by_a_racing_step_goes_out_once()
    {
        var desk = await app.DeskAsync();
        var c = await app.RegisterAssignedAsync(desk);
        await app.SweepAtAsync(3, 19, 8, 0);
        Assert.Equal(3, (await app.NotificationsAsync(Id(c), "Overdue")).Count);
        // What a step committing at the same moment as the 03-19 escalation could leave behind: a second 03-20 row.
        await app.WithDbAsync(async db =>
        {
            var next = db.CaseTimers.Single(t => t.CaseId == Id(c) && t.Key == "overdue:2026-03-20" && t.ClaimedAtUtc == null);
            db.CaseTimers.Add(new CaseTimer { CaseId = next.CaseId, Key = next.Key, Kind = next.Kind, DueOn = next.DueOn, DueAtUtc = next.DueAtUtc });
            await db.SaveChangesAsync();
        });

        await app.SweepAtAsync(3, 20, 8, 0);
        Assert.Equal(6, (await app.NotificationsAsync(Id(c), "Overdue")).Count);
        Assert.Equal(["overdue:2026-03-23 2026-03-23"], (await app.PendingAsync(Id(c))).Where(t => t.StartsWith("overdue", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Correction_notice_due_reminds_every_officer_of_an_unassigned_case_on_the_7th_working_day()
    {
        var desk = await app.DeskAsync();
        await app.CreateUserAsync($"{desk.Agency}-officer2", "Officer", desk.Agency);
        app.At(2, 12);
        var c = await desk.Officer.RegisterAsync(Reminders.Received);
        Assert.Equal("2026-02-28", (string?)c["clock"]!["correctionNoticeDueOn"]);

        // 02-13=1, 02-14 (make-up Saturday)=2, 02-15..23 off, 02-24..27=3..6, 02-28 (make-up Saturday)=7.
        await app.SweepAtAsync(2, 27, 8, 0);
        await app.SweepAtAsync(2, 28, 7, 59);
        Assert.Empty(await app.NotificationsAsync(Id(c)));

        await app.SweepAtAsync(2, 28, 8, 0);
        var notes = await app.NotificationsAsync(Id(c));
        Assert.Equal([desk.OfficerName, $"{desk.Agency}-officer2"], notes.Select(n => n.UserName).Order(StringComparer.Ordinal));
        Assert.All(notes, n =>
        {
            Assert.Equal("CorrectionNoticeDue", n.Kind);
            Assert.Equal($"{c["caseNumber"]} 今日为补正告知期限", n.Title);
            Assert.Contains("2026-02-28", n.Body);
        });

        await app.SweepAtAsync(2, 28, 8, 1);
        Assert.Equal(2, (await app.NotificationsAsync(Id(c))).Count);
    }

    [Fact]
    public async Task At_the_end_of_the_correction_period_the_officer_is_reminded_and_confirms_abandonment_on_the_last_day()
    {
        var desk = await app.DeskAsync();
        app.At(2, 13);
        var c = await desk.Officer.RegisterAsync(Reminders.Received);
        c = await desk.Officer.DoAsync(c, "requestCorrection", """{"items":"请写明文件名称或文号","periodWorkingDays":15}""");
        // 15 working days after Fri 02-13: 02-14=1, 02-24..28=2..6, 03-02..06=7..11, 03-09..12=12..15.
        Assert.Equal("2026-03-12", (string?)c["details"]!["correction"]!["dueOn"]);
        Assert.Contains("correction-ended 2026-03-13", await app.PendingAsync(Id(c)));
        Assert.DoesNotContain(await app.PendingAsync(Id(c)), t => t.StartsWith("correction-notice-due", StringComparison.Ordinal));
        Assert.DoesNotContain("confirmCorrectionAbandoned", Actions(c));

        // v2: nothing concludes by itself; the officer is reminded on the morning after the period.
        await app.SweepAtAsync(3, 13, 8, 0);
        c = await desk.Officer.GetCaseAsync(Id(c));
        Assert.Equal("awaitingCorrection", (string?)c["state"]);
        var told = Assert.Single(await app.NotificationsAsync(Id(c), "CorrectionPeriodEnded"));
        Assert.Equal(desk.OfficerName, told.UserName);
        Assert.Contains("2026-03-12", told.Body);
        Assert.Equal(2, (await desk.Officer.JournalAsync(Id(c))).Count); // register, requestCorrection
        Assert.Contains("confirmCorrectionAbandoned", Actions(c));
        Assert.Contains("acceptLateCorrection", Actions(c));
        Assert.DoesNotContain("receiveCorrection", Actions(c));

        app.At(3, 16, 9, 0);
        c = await desk.Officer.DoAsync(c, "confirmCorrectionAbandoned");
        Assert.Equal("concluded", (string?)c["state"]);
        Assert.Equal("Other.NoCorrection", (string?)c["outcome"]);
        Assert.Equal("2026-03-12", (string?)c["concludedOn"]);
        var last = (await desk.Officer.JournalAsync(Id(c)))[^1]!;
        Assert.Equal("confirmCorrectionAbandoned", (string?)last["action"]);
        Assert.Equal(desk.OfficerName, (string?)last["actor"]);
        Assert.Empty(await app.PendingAsync(Id(c)));
    }

    [Fact]
    public async Task While_the_applicant_corrects_there_is_no_reply_reminder_or_overdue_escalation()
    {
        var desk = await app.DeskAsync();
        app.At(3, 10);
        var c = await desk.Officer.RegisterAsync(Reminders.Received.Replace("2026-02-12", "2026-03-10", StringComparison.Ordinal));
        c = await desk.Officer.DoAsync(c, "requestCorrection", """{"items":"请写明文件名称或文号","periodWorkingDays":15}""");
        // 15 working days after Tue 03-10: 03-11..13=1..3, 03-16..20=4..8, 03-23..27=9..13, 03-30=14, 03-31=15.
        Assert.Equal(["correction-ended 2026-04-01"], await app.PendingAsync(Id(c)));

        await app.SweepAtAsync(3, 31, 23, 59); // past every date the uncorrected application would have had
        Assert.Empty(await app.NotificationsAsync(Id(c)));

        app.At(3, 31, 10, 0);
        c = await desk.Officer.DoAsync(c, "receiveCorrection", """{"receivedOn":"2026-03-31"}""");
        // day 0 = 03-31: 04-01..03=1..3, 04-07..10=4..7, 04-13..17=8..12, 04-20..24=13..17, 04-27..29=18..20.
        Assert.Equal("2026-04-29", Due(c));
        Assert.Contains("reply-reminder:5 2026-04-22", await app.PendingAsync(Id(c)));
    }

    [Fact]
    public async Task Agency_consultation_expiry_records_consent_and_the_reply_due_date_moves()
    {
        var (desk, c) = await ConsultAsync("Agency");

        await app.SweepAtAsync(3, 24, 23, 59);
        Assert.Null((string?)(await desk.Officer.GetCaseAsync(Id(c)))["details"]!["consultations"]![0]!["opinion"]);

        await app.SweepAtAsync(3, 25, 0, 0);
        c = await desk.Officer.GetCaseAsync(Id(c));
        var k = c["details"]!["consultations"]![0]!;
        Assert.Equal("NoReplyDeemedConsent", (string?)k["opinion"]);
        Assert.Equal("2026-03-24", (string?)k["repliedOn"]);
        Assert.Equal("handling", (string?)c["state"]);
        // 9 working days used before the pause (02-13, 02-14, 02-24..28, 03-02, 03-03); the pause (03-03, 03-24] is not
        // counted; 11 remain: 03-25..27=1..3, 03-30..04-03=4..8, 04-04..06 off, 04-07..09=9..11.
        Assert.Equal("2026-04-09", Due(c));
        var last = (await desk.Officer.JournalAsync(Id(c)))[^1]!;
        Assert.Equal("expireConsultation", (string?)last["action"]);
        Assert.Equal("system", (string?)last["actor"]);
        var told = Assert.Single(await app.NotificationsAsync(Id(c), "ConsultationExpired"));
        Assert.Equal(desk.OfficerName, told.UserName);
        Assert.Contains("视为同意", told.Body);

        // The reply reminders are armed again for the new date: 04-08=1, 04-07=2, 04-03=3, 04-02=4, 04-01=5.
        Assert.Equal(
            ["reply-reminder:5 2026-04-01", "reply-reminder:3 2026-04-03", "reply-reminder:1 2026-04-08", "reply-reminder:0 2026-04-09", "overdue:2026-04-10 2026-04-10"],
            await app.PendingAsync(Id(c)));
        await app.SweepAtAsync(3, 25, 0, 1);
        Assert.Single(await app.NotificationsAsync(Id(c), "ConsultationExpired"));
    }

    [Fact]
    public async Task Third_party_consultation_expiry_tells_the_officer_to_decide()
    {
        var (desk, c) = await ConsultAsync("ThirdParty");

        await app.SweepAtAsync(3, 24, 23, 59);
        Assert.Empty(await app.NotificationsAsync(Id(c), "ConsultationExpired"));

        await app.SweepAtAsync(3, 25, 0, 0);
        c = await desk.Officer.GetCaseAsync(Id(c));
        Assert.Equal("NoReplyAgencyDecides", (string?)c["details"]!["consultations"]![0]!["opinion"]);
        Assert.Equal("2026-04-09", Due(c));
        var told = Assert.Single(await app.NotificationsAsync(Id(c), "ConsultationExpired"));
        Assert.Equal(desk.OfficerName, told.UserName);
        Assert.Contains("第三方", told.Body);
        Assert.Contains("决定", told.Body);
        Assert.DoesNotContain("视为同意", told.Body);
    }

    [Fact]
    public async Task At_the_end_of_the_payment_period_the_officer_confirms_the_fee_unpaid_or_accepts_a_late_payment()
    {
        var desk = await app.DeskAsync();
        var unpaid = await app.RegisterAssignedAsync(desk);
        var late = await app.RegisterAssignedAsync(desk);
        app.At(3, 3);
        unpaid = await desk.Officer.DoAsync(unpaid, "sendFeeNotice", """{"method":"PerPage","quantity":50}""");
        late = await desk.Officer.DoAsync(late, "sendFeeNotice", """{"method":"PerPage","quantity":50}""");
        // 20 working days after Tue 03-03: 03-04..06=1..3, 03-09..13=4..8, 03-16..20=9..13, 03-23..27=14..18, 03-30=19, 03-31=20.
        Assert.Equal("2026-03-31", (string?)unpaid["details"]!["fee"]!["paymentDueOn"]);
        Assert.Contains("fee-ended 2026-04-01", await app.PendingAsync(Id(unpaid)));

        await app.SweepAtAsync(4, 1, 8, 0);
        unpaid = await desk.Officer.GetCaseAsync(Id(unpaid));
        Assert.Equal("awaitingPayment", (string?)unpaid["state"]);
        Assert.Single(await app.NotificationsAsync(Id(unpaid), "FeePeriodEnded"));
        Assert.DoesNotContain("recordPayment", Actions(unpaid));

        app.At(4, 1, 9, 0);
        unpaid = await desk.Officer.DoAsync(unpaid, "confirmFeeAbandoned");
        Assert.Equal("Other.FeeUnpaid", (string?)unpaid["outcome"]);
        Assert.Equal("2026-03-31", (string?)unpaid["concludedOn"]);
        Assert.True((bool)unpaid["details"]!["fee"]!["expired"]!);

        late = await desk.Officer.GetCaseAsync(Id(late));
        var noReason = await (await desk.Officer.ActAsync(Id(late), "acceptLatePayment", Version(late), """{"paidOn":"2026-04-01","paidYuan":200}""")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(noReason.FieldErrors("reason"));
        late = await desk.Officer.DoAsync(late, "acceptLatePayment", """{"paidOn":"2026-04-01","paidYuan":200,"reason":"申请人提供了银行系统故障证明"}""");
        Assert.Equal("handling", (string?)late["state"]);
        Assert.Equal("申请人提供了银行系统故障证明", (string?)late["details"]!["fee"]!["latePaymentReason"]);
    }

    [Fact]
    public async Task Co_handling_unit_due_date_reminds_the_officer_at_8()
    {
        var desk = await app.DeskAsync();
        var c = await app.RegisterAssignedAsync(desk);
        app.At(2, 13);
        c = await desk.Officer.DoAsync(c, "requestCoHandling", """{"unit":"档案室","request":"请提供2025年环评批复原件","dueOn":"2026-02-27"}""");

        await app.SweepAtAsync(2, 27, 7, 59);
        Assert.Empty(await app.NotificationsAsync(Id(c), "CoHandlingDue"));
        await app.SweepAtAsync(2, 27, 8, 0);
        var told = Assert.Single(await app.NotificationsAsync(Id(c), "CoHandlingDue"));
        Assert.Equal(desk.OfficerName, told.UserName);
        Assert.Equal($"{c["caseNumber"]} 协办单位今日到期", told.Title);
        await app.SweepAtAsync(2, 27, 8, 1);
        Assert.Single(await app.NotificationsAsync(Id(c), "CoHandlingDue"));
    }

    [Fact]
    public async Task A_co_handling_reply_before_the_due_date_cancels_its_reminder()
    {
        var desk = await app.DeskAsync();
        var c = await app.RegisterAssignedAsync(desk);
        app.At(2, 13);
        c = await desk.Officer.DoAsync(c, "requestCoHandling", """{"unit":"档案室","request":"请提供原件","dueOn":"2026-02-27"}""");
        app.At(2, 26);
        c = await desk.Officer.DoAsync(c, "recordCoHandlingReply", """{"coHandlingId":1,"repliedOn":"2026-02-26","summary":"已提供"}""");
        await app.SweepAtAsync(2, 27, 8, 0);
        Assert.Empty(await app.NotificationsAsync(Id(c), "CoHandlingDue"));
    }

    [Fact]
    public async Task Review_reply_due_date_is_escalated_at_8_on_its_day()
    {
        var desk = await app.DeskAsync();
        app.At(2, 12);
        var c = await desk.Officer.RegisterAsync(Reminders.Received);
        var legal = await app.SignedInAsync($"{desk.Agency}-legal", "LegalAdviser", desk.Agency);
        c = await desk.Officer.ReplyOnTheSpotAsync(c, legal, desk.Head);
        app.At(4, 2);
        c = await desk.Officer.DoAsync(c, "recordProceeding", """{"kind":"Review","body":"市人民政府","filedOn":"2026-04-01","copyReceivedOn":"2026-04-02"}""");
        // 10 working days after Thu 04-02: 04-03=1, 04-04..06 off, 04-07..10=2..5, 04-13..17=6..10.
        Assert.Equal("2026-04-17", (string?)c["details"]!["proceedings"]![0]!["responseDueOn"]);

        await app.SweepAtAsync(4, 17, 7, 59);
        Assert.Empty(await app.NotificationsAsync(Id(c), "ReviewReplyDue"));
        await app.SweepAtAsync(4, 17, 8, 0);
        var notes = await app.NotificationsAsync(Id(c), "ReviewReplyDue");
        Assert.Equal([desk.HeadName, desk.OfficeName, desk.OfficerName], notes.Select(n => n.UserName).Order(StringComparer.Ordinal));
        Assert.All(notes, n => Assert.Equal($"{c["caseNumber"]} 行政复议答复今日到期", n.Title));
        await app.SweepAtAsync(4, 17, 8, 1);
        Assert.Equal(3, (await app.NotificationsAsync(Id(c), "ReviewReplyDue")).Count);
    }

    [Fact]
    public async Task Lawsuit_defence_due_date_rolls_past_the_holiday_and_is_escalated_at_8()
    {
        var desk = await app.DeskAsync();
        app.At(2, 12);
        var c = await desk.Officer.RegisterAsync(Reminders.Received);
        var legal = await app.SignedInAsync($"{desk.Agency}-legal", "LegalAdviser", desk.Agency);
        c = await desk.Officer.ReplyOnTheSpotAsync(c, legal, desk.Head);
        app.At(4, 20);
        c = await desk.Officer.DoAsync(c, "recordProceeding", """{"kind":"Lawsuit","body":"某区人民法院","filedOn":"2026-04-15","copyReceivedOn":"2026-04-20"}""");
        // 15 calendar days after 04-20 = 05-05, a day off (05-01..05): the next working day, Wed 05-06.
        Assert.Equal("2026-05-06", (string?)c["details"]!["proceedings"]![0]!["responseDueOn"]);

        await app.SweepAtAsync(5, 5, 8, 0);
        await app.SweepAtAsync(5, 6, 7, 59);
        Assert.Empty(await app.NotificationsAsync(Id(c), "LawsuitDefenceDue"));
        await app.SweepAtAsync(5, 6, 8, 0);
        var notes = await app.NotificationsAsync(Id(c), "LawsuitDefenceDue");
        Assert.Equal([desk.HeadName, desk.OfficeName, desk.OfficerName], notes.Select(n => n.UserName).Order(StringComparer.Ordinal));
        Assert.All(notes, n => Assert.Equal($"{c["caseNumber"]} 行政诉讼答辩今日到期", n.Title));

        // The result recorded: no further reminder for it.
        app.At(5, 20);
        c = await desk.Officer.DoAsync(c, "recordProceedingResult", """{"proceedingId":1,"result":"Upheld","decidedOn":"2026-05-20"}""");
        Assert.Empty(await app.PendingAsync(Id(c)));
    }

    [Fact]
    public async Task A_case_concluded_before_its_reminders_gets_none()
    {
        var desk = await app.DeskAsync();
        var c = await app.RegisterAssignedAsync(desk);
        await app.SweepAtAsync(2, 28, 8, 0);
        app.At(3, 5);
        c = await desk.Officer.DoAsync(c, "withdraw", """{"withdrawnOn":"2026-03-05","reason":"申请人书面撤回"}""");
        Assert.Equal("concluded", (string?)c["state"]);
        Assert.Empty(await app.PendingAsync(Id(c)));

        foreach (var (month, day) in new[] { (3, 11), (3, 13), (3, 17), (3, 18), (3, 19), (3, 20) })
            await app.SweepAtAsync(month, day, 8, 0);
        // Only the correction-notice reminder of 02-28, which fell before the withdrawal, was sent.
        Assert.Equal(["CorrectionNoticeDue"], (await app.NotificationsAsync(Id(c))).Select(n => n.Kind));

        // A reminder row that was already claimed when the case concluded fires without telling anyone.
        await app.WithDbAsync(async db =>
        {
            db.CaseTimers.Add(new CaseTimer
            {
                CaseId = Id(c), Key = "reply-reminder:1", Kind = "ReplyReminder", DueOn = new DateOnly(2026, 3, 17),
                DueAtUtc = new DateTime(2026, 3, 17, 0, 0, 0, DateTimeKind.Utc), Payload = "1",
            });
            await db.SaveChangesAsync();
        });
        await app.SweepAtAsync(3, 20, 9, 0);
        Assert.Equal(["CorrectionNoticeDue"], (await app.NotificationsAsync(Id(c))).Select(n => n.Kind));
        Assert.All(await app.TimersAsync(Id(c)), t => Assert.NotNull(t.FiredAtUtc));
    }

    [Fact]
    public async Task A_local_day_off_moves_the_due_date_of_the_agency_s_open_cases_and_rearms_their_reminders()
    {
        var desk = await app.DeskAsync();
        var c = await app.RegisterAssignedAsync(desk);
        var admin = await app.SignedInAsync("reminders-admin", "Admin");

        app.At(3, 2);
        var put = await admin.PutJsonAsync($"/api/calendar/2026?agency={desk.Agency}", """{"source":"本地放假","daysOff":[{"name":"本地放假","from":"2026-03-10","to":"2026-03-10"}]}""");
        await put.ReadJsonAsync();

        c = await desk.Officer.GetCaseAsync(Id(c));
        // Without 03-10, the 20th working day after 02-12 is 03-19; reminders 03-12 (5), 03-16 (3), 03-18 (1), 03-19 (0).
        Assert.Equal("2026-03-19", Due(c));
        Assert.Equal(
            ["correction-notice-due 2026-02-28", "reply-reminder:5 2026-03-12", "reply-reminder:3 2026-03-16", "reply-reminder:1 2026-03-18", "reply-reminder:0 2026-03-19", "overdue:2026-03-20 2026-03-20"],
            await app.PendingAsync(Id(c)));
        var last = (await desk.Officer.JournalAsync(Id(c)))[^1]!;
        Assert.Equal("recomputeDueDates", (string?)last["action"]);
        Assert.Equal("reminders-admin", (string?)last["actor"]);

        await app.SweepAtAsync(3, 11, 8, 0);
        Assert.Empty(await app.NotificationsAsync(Id(c), "ReplyReminder"));
        await app.SweepAtAsync(3, 12, 8, 0);
        Assert.Equal([$"{c["caseNumber"]} 还有5个工作日到期"], (await app.NotificationsAsync(Id(c), "ReplyReminder")).Select(n => n.Title));
    }

    [Fact]
    public async Task Notifications_are_listed_newest_first_and_can_be_marked_read()
    {
        var desk = await app.DeskAsync();
        var c = await app.RegisterAssignedAsync(desk);
        await app.SweepAtAsync(2, 28, 8, 0);
        await app.SweepAtAsync(3, 11, 8, 0);
        await app.SweepAtAsync(3, 13, 8, 0);

        var all = await desk.Officer.GetArrayAsync("/api/me/notifications");
        Assert.Equal(["ReplyReminder", "ReplyReminder", "CorrectionNoticeDue"], all.Select(n => (string)n!["kind"]!));
        Assert.Equal($"{c["caseNumber"]} 还有3个工作日到期", (string?)all[0]!["title"]);
        Assert.All(all, n =>
        {
            Assert.Equal(Id(c), (long)n!["caseId"]!);
            Assert.Null((string?)n["readAtUtc"]);
        });
        Assert.Empty(await desk.Head.GetArrayAsync("/api/me/notifications")); // not the head's

        var first = (long)all[2]!["id"]!;
        var notMine = await desk.Head.PostAsync($"/api/me/notifications/{first}/read", null);
        await notMine.ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NoContent, (await desk.Officer.PostAsync($"/api/me/notifications/{first}/read", null)).StatusCode);

        var unread = await desk.Officer.GetArrayAsync("/api/me/notifications?unread=true");
        Assert.Equal(2, unread.Count);
        Assert.DoesNotContain(unread, n => (long)n!["id"]! == first);
        all = await desk.Officer.GetArrayAsync("/api/me/notifications");
        Assert.NotNull((string?)all.Single(n => (long)n!["id"]! == first)!["readAtUtc"]);

        Assert.Equal(HttpStatusCode.NoContent, (await desk.Officer.PostAsync("/api/me/notifications/read-all", null)).StatusCode);
        Assert.Empty(await desk.Officer.GetArrayAsync("/api/me/notifications?unread=true"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync("/api/me/notifications")).StatusCode);
    }

    /// <summary>A case received 02-12, assigned, with a consultation sent and received 03-03 (due 03-24:
    /// 15 working days after Tue 03-03 = 03-04..06, 03-09..13, 03-16..20, 03-23, 03-24).</summary>
    private async Task<(Desk, System.Text.Json.Nodes.JsonObject)> ConsultAsync(string kind)
    {
        var desk = await app.DeskAsync();
        var c = await app.RegisterAssignedAsync(desk);
        app.At(3, 3);
        c = await desk.Officer.DoAsync(c, "startConsultation", $$"""{"kind":"{{kind}}","party":"某公司","partyReceivedOn":"2026-03-03"}""");
        Assert.Equal("2026-03-24", (string?)c["details"]!["consultations"]![0]!["dueOn"]);
        Assert.Contains("consultation-expired:1 2026-03-25", await app.PendingAsync(Id(c)));
        return (desk, c);
    }
}
