using CaseFlow.Domain.Deadlines;
using static CaseFlow.Domain.Tests.TestSupport;

namespace CaseFlow.Domain.Tests.Deadlines;

public class StatutoryPeriodsTests
{
    [Fact]
    public void Period_lengths_match_the_rule_book()
    {
        Assert.Equal(20, StatutoryPeriods.ReplyWorkingDays);
        Assert.Equal(20, StatutoryPeriods.MaxExtensionWorkingDays);
        Assert.Equal(7, StatutoryPeriods.CorrectionNoticeWorkingDays);
        Assert.Equal(15, StatutoryPeriods.DefaultCorrectionPeriodWorkingDays);
        Assert.Equal(15, StatutoryPeriods.ConsultationWorkingDays);
        Assert.Equal(20, StatutoryPeriods.FeePaymentWorkingDays);
        Assert.Equal(10, StatutoryPeriods.ReviewReplyWorkingDays);
        Assert.Equal(5, StatutoryPeriods.ReviewReplySimpleWorkingDays);
        Assert.Equal(15, StatutoryPeriods.LawsuitDefenceCalendarDays);
    }

    [Theory]
    // worked example: day0 Thu 02-12; 02-13=1, 02-14(Sat make-up)=2, 02-15..23 off, 02-24..27=3..6, 02-28(Sat make-up)=7
    [InlineData("2026-02-12", "2026-02-28")]
    // day0 Fri 2025-09-26; 09-28(Sun make-up)=1, 09-29=2, 09-30=3, 10-01..08 off, 10-09=4, 10-10=5, 10-11(Sat make-up)=6, 10-13=7
    [InlineData("2025-09-26", "2025-10-13")]
    // day0 Mon 2020-01-20; 01-21..23=1..3, 01-24..02-02 off, 02-03..06=4..7
    [InlineData("2020-01-20", "2020-02-06")]
    // day0 Wed 2026-03-04; 03-05,06=1,2, 03-09..13=3..7
    [InlineData("2026-03-04", "2026-03-13")]
    public void Correction_notice_is_due_7_working_days_after_receipt(string received, string expected)
    {
        var r = StatutoryPeriods.CorrectionNoticeDue(Shipped, D(received));
        Assert.Equal(D(expected), r.Date);
        Assert.False(r.Provisional);
    }

    [Theory]
    // default 15: day0 Mon 03-02; 03-03..06=1..4, 03-09..13=5..9, 03-16..20=10..14, 03-23=15
    [InlineData("2026-03-02", 15, "2026-03-23")]
    // agency-set 10: 03-03..06=1..4, 03-09..13=5..9, 03-16=10
    [InlineData("2026-03-02", 10, "2026-03-16")]
    public void Correction_period(string delivered, int days, string expected) =>
        Assert.Equal(D(expected), StatutoryPeriods.CorrectionPeriodDue(Shipped, D(delivered), days).Date);

    [Fact]
    public void Correction_period_defaults_to_15_working_days() =>
        // day0 Mon 03-02 → 03-23 (see above)
        Assert.Equal(D("2026-03-23"), StatutoryPeriods.CorrectionPeriodDue(Shipped, D("2026-03-02")).Date);

    [Theory]
    // day0 Mon 2026-03-30; 03-31..04-03=1..4, 04-04..06 off, 04-07..10=5..8, 04-13..17=9..13, 04-20=14, 04-21=15
    [InlineData("2026-03-30", "2026-04-21")]
    // day0 Fri 2024-09-20; 09-23..27=1..5, 09-29(Sun make-up)=6, 09-30=7, 10-01..07 off, 10-08..11=8..11, 10-12(Sat make-up)=12, 10-14..16=13..15
    [InlineData("2024-09-20", "2024-10-16")]
    // day0 Fri 2021-01-29; 02-01..05=1..5, 02-07(Sun make-up)=6, 02-08..10=7..9, 02-11..17 off, 02-18,19=10,11, 02-20(Sat make-up)=12, 02-22..24=13..15
    [InlineData("2021-01-29", "2021-02-24")]
    public void Consultation_reply_is_due_15_working_days_after_receipt(string received, string expected) =>
        Assert.Equal(D(expected), StatutoryPeriods.ConsultationDue(Shipped, D(received)).Date);

    [Theory]
    // day0 Wed 2026-09-30; 10-01..07 off, 10-08,09=1,2, 10-10(Sat make-up)=3, 10-12..16=4..8, 10-19..23=9..13, 10-26..30=14..18, 11-02=19, 11-03=20
    [InlineData("2026-09-30", "2026-11-03")]
    // day0 Mon 2023-01-16; 01-17..20=1..4, 01-21..27 off, 01-28(Sat)=5, 01-29(Sun)=6 make-up, 01-30..02-03=7..11, 02-06..10=12..16, 02-13..16=17..20
    [InlineData("2023-01-16", "2023-02-16")]
    public void Fee_payment_is_due_20_working_days_after_the_notice_is_received(string received, string expected) =>
        Assert.Equal(D(expected), StatutoryPeriods.FeePaymentDue(Shipped, D(received)).Date);

    [Theory]
    // day0 Thu 2026-04-30; 05-01..05 off, 05-06..08=1..3, 05-09(Sat make-up)=4, 05-11..15=5..9, 05-18=10
    [InlineData("2026-04-30", false, "2026-05-18")]
    // simple: 05-06..08=1..3, 05-09(Sat make-up)=4, 05-11=5
    [InlineData("2026-04-30", true, "2026-05-11")]
    // day0 Fri 2019-09-27; 09-29(Sun make-up)=1, 09-30=2, 10-01..07 off, 10-08..11=3..6, 10-12(Sat make-up)=7, 10-14..16=8..10
    [InlineData("2019-09-27", false, "2019-10-16")]
    // simple: 09-29=1, 09-30=2, 10-08=3, 10-09=4, 10-10=5
    [InlineData("2019-09-27", true, "2019-10-10")]
    public void Review_reply_is_due_10_or_5_working_days_after_receipt(string received, bool simple, string expected) =>
        Assert.Equal(D(expected), StatutoryPeriods.ReviewReplyDue(Shipped, D(received), simple).Date);

    [Theory]
    // Mon 03-02 + 15 calendar days = Tue 03-17, a working day
    [InlineData("2026-03-02", "2026-03-17", false)]
    // Fri 03-06 + 15 = Sat 03-21 (rest) → Mon 03-23
    [InlineData("2026-03-06", "2026-03-23", false)]
    // Wed 09-16 + 15 = Thu 10-01 (National Day, off to 10-07) → Thu 10-08
    [InlineData("2026-09-16", "2026-10-08", false)]
    // Sun 02-01 + 15 = Mon 02-16 (Spring Festival, off to 02-23) → Tue 02-24
    [InlineData("2026-02-01", "2026-02-24", false)]
    // Fri 02-13 + 15 = Sat 02-28, a make-up working day: no roll
    [InlineData("2026-02-13", "2026-02-28", false)]
    // Sat 09-05 + 15 = Sun 09-20, a make-up working day: no roll
    [InlineData("2026-09-05", "2026-09-20", false)]
    // Fri 2020-01-10 + 15 = Sat 01-25 (extended Spring Festival to 02-02, 02-01 make-up cancelled) → Mon 02-03
    [InlineData("2020-01-10", "2020-02-03", false)]
    // Thu 2026-12-10 + 15 = Fri 12-25
    [InlineData("2026-12-10", "2026-12-25", false)]
    // Sun 2026-12-20 + 15 = Mon 2027-01-04: 2027 not loaded → provisional
    [InlineData("2026-12-20", "2027-01-04", true)]
    // Sat 2026-12-26 + 15 = Sun 2027-01-10 → Mon 01-11, provisional
    [InlineData("2026-12-26", "2027-01-11", true)]
    public void Lawsuit_defence_is_15_calendar_days_rolled_to_a_working_day(string received, string expected, bool provisional)
    {
        var r = StatutoryPeriods.LawsuitDefenceDue(Shipped, D(received));
        Assert.Equal(D(expected), r.Date);
        Assert.Equal(provisional, r.Provisional);
    }
}
