using System.Globalization;
using CaseFlow.Domain.Calendar;
using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Fees;
using CaseFlow.Workflows.Definitions;
using CaseFlow.Workflows.Engine;

namespace CaseFlow.Workflows.Tests.Engine;

/// <summary>The published v2: at the end of a correction or payment period the timers only remind (domain.md §2.2);
/// a posted notice waits for its recorded delivery; a late notice keeps the reply reminders. Received Thu
/// 2026-02-12 (reply due 03-18); 2026 calendar: days off 02-15..23, make-up days 02-14, 02-28.</summary>
public class V2PeriodTimersTests
{
    private static readonly WorkingDayCalendar Calendar = NationalCalendar.BuildShipped();
    private static readonly DefinitionCatalog Catalog = DefinitionLoader.LoadFolder(RepoPaths.Workflows);
    private static readonly WorkflowDefinition V1 = Catalog.Get("disclosure-request", 1);
    private static readonly WorkflowDefinition V2 = Catalog.Get("disclosure-request", 2);

    private static DateOnly D(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DisclosureRequest NewCase() => DisclosureRequest.Register(
        new DisclosureRequest.Registration(Channel.InPerson, D("2026-02-12"), null, null, ApplicantColumn.NaturalPerson, "张三", null, null, null, null, "某信息", null, null),
        "demo", 1, "disclosure-request", 2, "registered", "officer", new DateTime(2026, 2, 12, 2, 0, 0, DateTimeKind.Utc), Calendar);

    private static List<(string Kind, DateOnly DueOn, string? Action)> Timers(DisclosureRequest c, WorkflowDefinition def, string today) =>
        [.. CaseTimers.Desired(c, def, Calendar, D(today)).Select(t => (t.Kind, t.DueOn, t.Action))];

    [Fact]
    public void A_posted_notice_reminds_to_record_its_delivery_and_its_period_end_only_reminds_in_v2()
    {
        var c = NewCase();
        c.RequestCorrection(D("2026-02-13"), "请写明文号", 15, Calendar, DeliveryMethod.Post);
        // 3 working days after 02-13: 02-14=1, 02-24=2, 02-25=3
        Assert.Equal([("CorrectionNoticeUndelivered", D("2026-02-25"), (string?)null)], Timers(c, V2, "2026-02-13"));

        c.RecordCorrectionNoticeDelivery(D("2026-02-24"), Calendar);
        // period ends 03-16 (02-25..27, 02-28, 03-02..06, 03-09..13, 03-16): v2 reminds the morning after; v1 concludes.
        Assert.Equal([("CorrectionPeriodEnded", D("2026-03-17"), (string?)null)], Timers(c, V2, "2026-02-24"));
        Assert.Equal([("CorrectionExpired", D("2026-03-17"), Registry.ExpireCorrection)], Timers(c, V1, "2026-02-24"));
    }

    [Fact]
    public void A_late_notice_keeps_the_reply_reminders_running()
    {
        var c = NewCase();
        c.RequestCorrection(D("2026-03-02"), "请写明文号", 15, Calendar, DeliveryMethod.Online, lateNoticeAcknowledged: true);
        var timers = Timers(c, V2, "2026-03-02");
        Assert.Contains(("ReplyReminder", D("2026-03-18"), (string?)null), timers);
        Assert.Contains(("CorrectionPeriodEnded", D("2026-03-24"), (string?)null), timers); // period ends 03-23
    }

    [Fact]
    public void An_unpaid_fee_only_reminds_in_v2()
    {
        var c = NewCase();
        c.SendFeeNotice(D("2026-03-02"), null, ProcessingFees.PerPage(50), null, null, null, pausesClock: true, Calendar);
        // payment due 03-30 (20 working days after 03-02)
        Assert.Contains(("FeePeriodEnded", D("2026-03-31"), (string?)null), Timers(c, V2, "2026-03-02"));
        Assert.Contains(("FeePaymentExpired", D("2026-03-31"), Registry.ExpireFeePayment), Timers(c, V1, "2026-03-02"));
    }
}
