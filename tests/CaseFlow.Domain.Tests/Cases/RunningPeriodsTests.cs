using CaseFlow.Domain.Calendar;
using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Fees;
using static CaseFlow.Domain.Tests.TestSupport;

namespace CaseFlow.Domain.Tests.Cases;

/// <summary>A calendar change moves the periods that are still running (correction, consultation, fee payment,
/// the agency's reply or defence in a proceeding) and leaves the ended ones alone. The changed calendar is the
/// shipped 2026 one with Tue 2026-03-10 (and, for the lawsuit, Wed 2026-09-30) as a local day off; every date
/// is counted by hand.</summary>
public class RunningPeriodsTests
{
    private static readonly WorkingDayCalendar Changed = Shipped.WithLocalDays([Off("2026-03-10"), Off("2026-09-30")]);

    private static CalendarEntry Off(string date) => new(2026, D(date), CalendarDayKind.DayOff, CalendarSource.Local, "本地假日", "demo");

    private static DisclosureRequest Register() => DisclosureRequestTests.Register();

    [Fact]
    public void A_running_correction_period_moves()
    {
        var c = Register();
        c.RequestCorrection(D("2026-02-13"), "请写明文件名称或文号", 15, Shipped);
        Assert.Equal(D("2026-03-12"), c.Details.Correction!.DueOn);
        // without 03-10: 02-14=1, 02-24..27=2..5, 02-28=6, 03-02..06=7..11, 03-09=12, 03-11=13, 03-12=14, 03-13=15
        c.Recompute(Changed);
        Assert.Equal(D("2026-03-13"), c.Details.Correction!.DueOn);
        Assert.Equal(D("2026-03-13"), c.DueDates()["correctionPeriodDueOn"]);
    }

    [Fact]
    public void An_answered_correction_keeps_its_period()
    {
        var c = Register();
        c.RequestCorrection(D("2026-02-13"), "请写明文件名称或文号", 15, Shipped);
        c.ReceiveCorrection(D("2026-03-02"));
        c.Recompute(Changed);
        Assert.Equal(D("2026-03-12"), c.Details.Correction!.DueOn);
    }

    [Fact]
    public void An_open_consultation_moves_and_an_answered_one_does_not()
    {
        var c = Register();
        var open = c.StartConsultation(ConsultationKind.ThirdParty, "某公司", D("2026-03-02"), D("2026-03-03"), Shipped);
        var answered = c.StartConsultation(ConsultationKind.Agency, "市发展改革委", D("2026-03-02"), null, Shipped);
        Assert.Equal(D("2026-03-24"), open.DueOn);
        Assert.Equal(D("2026-03-23"), answered.DueOn);
        c.RecordConsultationReply(answered.Id, D("2026-03-05"), ConsultationOpinion.Consent, null);

        c.Recompute(Changed);
        // 15 working days after the party's receipt on 03-03, without 03-10:
        // 03-04..06=1..3, 03-09=4, 03-11..13=5..7, 03-16..20=8..12, 03-23..25=13..15
        Assert.Equal(D("2026-03-25"), c.Details.Consultations[0].DueOn);
        Assert.Equal(D("2026-03-23"), c.Details.Consultations[1].DueOn);
    }

    [Fact]
    public void A_consultation_recorded_without_its_day_zero_is_left_as_it_was()
    {
        var c = Register();
        c.Details.Consultations.Add(new Consultation(1, ConsultationKind.ThirdParty, "某公司", D("2026-03-02"), D("2026-03-24")));
        c.Recompute(Changed);
        Assert.Equal(D("2026-03-24"), c.Details.Consultations[0].DueOn);
    }

    [Fact]
    public void An_unpaid_fee_notice_moves_and_a_paid_one_does_not()
    {
        var unpaid = Register();
        unpaid.SendFeeNotice(D("2026-03-02"), D("2026-03-03"), ProcessingFees.PerPage(50), null, null, "按量收费", pausesClock: true, Shipped);
        Assert.Equal(D("2026-03-31"), unpaid.Details.Fee!.PaymentDueOn);
        unpaid.Recompute(Changed);
        // 20 working days after 03-03, without 03-10: 03-04..06=1..3, 03-09=4, 03-11..13=5..7, 03-16..20=8..12,
        // 03-23..27=13..17, 03-30=18, 03-31=19, 04-01=20
        Assert.Equal(D("2026-04-01"), unpaid.Details.Fee!.PaymentDueOn);

        var paid = Register();
        paid.SendFeeNotice(D("2026-03-02"), D("2026-03-03"), ProcessingFees.PerPage(50), null, null, "按量收费", pausesClock: true, Shipped);
        paid.RecordPayment(D("2026-03-05"), 200m);
        paid.Recompute(Changed);
        Assert.Equal(D("2026-03-31"), paid.Details.Fee!.PaymentDueOn);
    }

    [Theory]
    // review: 10 working days after 03-02, without 03-10: 03-03..06=1..4, 03-09=5, 03-11..13=6..8, 03-16=9, 03-17=10
    [InlineData(ProceedingKind.Review, "2026-03-02", "2026-03-16", "2026-03-17")]
    // lawsuit: 15 calendar days after 09-15 = 09-30; a day off now, and 10-01..07 too → 10-08
    [InlineData(ProceedingKind.Lawsuit, "2026-09-15", "2026-09-30", "2026-10-08")]
    public void A_pending_proceeding_s_due_date_moves(ProceedingKind kind, string copyReceived, string before, string after)
    {
        var c = Register();
        c.Withdraw(D("2026-02-20"), null);
        var p = c.RecordProceeding(kind, "市人民政府", D(copyReceived), D(copyReceived), false, Shipped);
        Assert.Equal(D(before), p.ResponseDueOn);
        c.Recompute(Changed);
        Assert.Equal(D(after), c.Details.Proceedings[0].ResponseDueOn);
        Assert.Equal(D(after), c.DueDates()["proceeding:1"]);
    }

    [Fact]
    public void A_decided_proceeding_keeps_its_due_date()
    {
        var c = Register();
        c.Withdraw(D("2026-02-20"), null);
        var p = c.RecordProceeding(ProceedingKind.Review, "市人民政府", D("2026-03-02"), D("2026-03-02"), false, Shipped);
        c.RecordProceedingResult(p.Id, ProceedingResult.Upheld, D("2026-03-05"));
        c.Recompute(Changed);
        Assert.Equal(D("2026-03-16"), c.Details.Proceedings[0].ResponseDueOn);
    }
}
