using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Fees;
using static CaseFlow.Domain.Tests.TestSupport;

namespace CaseFlow.Domain.Tests.Cases;

/// <summary>Lifecycle v2 rules on the aggregate (domain.md §2.2, 2.4, 2.5, 2.7): late correction notice, recorded delivery,
/// the officer's decision at the end of a period, computed fees, no acts after the deadline. Received Thu 2026-02-12:
/// correction notice due 2026-02-28 (02-13=1, 02-14 make-up=2, 02-24..27=3..6, 02-28 make-up=7), reply due 2026-03-18.</summary>
public class NoticeAndFeeRulesTests
{
    private static DisclosureRequest Register() => DisclosureRequestTests.Register();

    [Fact]
    public void A_notice_after_the_seventh_working_day_needs_acknowledgement_and_does_not_restart_the_clock()
    {
        var c = Register();
        var e = Assert.Throws<CaseRuleException>(() => c.RequestCorrection(D("2026-03-02"), "请写明文号", 15, Shipped, DeliveryMethod.Online, lateNoticeAcknowledged: false));
        Assert.Equal("lateNoticeAcknowledged", e.Field);
        Assert.Contains("2026-02-28", e.Message);

        c.RequestCorrection(D("2026-03-02"), "请写明文号", 15, Shipped, DeliveryMethod.Online, lateNoticeAcknowledged: true);
        Assert.True(c.Details.Correction!.SentLate);
        // delivered online the day sent: 03-03..06=1..4, 03-09..13=5..9, 03-16..20=10..14, 03-23=15
        Assert.Equal(D("2026-03-23"), c.Details.Correction.DueOn);
        c.ReceiveCorrection(D("2026-03-10"));
        c.Recompute(Shipped);
        Assert.Equal(D("2026-03-18"), c.ReplyDueOn); // still counted from 02-12
    }

    [Fact]
    public void A_posted_notice_has_no_period_end_until_its_delivery_is_recorded()
    {
        var c = Register();
        c.RequestCorrection(D("2026-02-13"), "请写明文号", 15, Shipped, DeliveryMethod.Post, lateNoticeAcknowledged: false);
        Assert.Null(c.Details.Correction!.DueOn);
        Assert.True(c.CorrectionNoticeUndelivered);
        Assert.False(c.CorrectionPeriodEnded(D("2026-12-31")));
        Assert.Equal("deliveredOn", Assert.Throws<CaseRuleException>(() => c.RecordCorrectionNoticeDelivery(D("2026-02-12"), Shipped)).Field);

        c.RecordCorrectionNoticeDelivery(D("2026-02-24"), Shipped);
        // 02-25..27=1..3, 02-28 make-up=4, 03-02..06=5..9, 03-09..13=10..14, 03-16=15
        Assert.Equal(D("2026-03-16"), c.Details.Correction.DueOn);
        Assert.False(c.CorrectionNoticeUndelivered);
    }

    [Fact]
    public void At_the_end_of_the_period_the_officer_confirms_abandonment_on_the_last_day()
    {
        var c = Register();
        c.RequestCorrection(D("2026-02-13"), "请写明文号", 15, Shipped, DeliveryMethod.Post);
        c.RecordCorrectionNoticeDelivery(D("2026-02-24"), Shipped);
        Assert.Equal("state", Assert.Throws<CaseRuleException>(() => c.ConfirmCorrectionAbandoned(D("2026-03-16"))).Field);
        Assert.Equal("receivedOn", Assert.Throws<CaseRuleException>(() => c.ReceiveCorrection(D("2026-03-17"))).Field);
        c.ConfirmCorrectionAbandoned(D("2026-03-17"));
        Assert.Equal("Other.NoCorrection", c.Outcome);
        Assert.Equal(D("2026-03-16"), c.ConcludedOn);
    }

    [Fact]
    public void A_late_correction_with_a_good_reason_restarts_the_clock_from_its_receipt()
    {
        var c = Register();
        c.RequestCorrection(D("2026-02-13"), "请写明文号", 15, Shipped, DeliveryMethod.Post);
        c.RecordCorrectionNoticeDelivery(D("2026-02-24"), Shipped);
        Assert.Equal("reason", Assert.Throws<CaseRuleException>(() => c.AcceptLateCorrection(D("2026-03-18"), " ", D("2026-03-18"))).Field);
        c.AcceptLateCorrection(D("2026-03-18"), "申请人住院，提供了病历", D("2026-03-18"));
        c.Recompute(Shipped);
        // day 0 = 03-18: 03-19..20=1..2, 03-23..27=3..7, 03-30..04-03=8..12, 04-07..10=13..16, 04-13..16=17..20
        Assert.Equal(D("2026-04-16"), c.ReplyDueOn);
        Assert.Equal("申请人住院，提供了病历", c.Details.Correction!.LateCorrectionReason);
    }

    [Fact]
    public void Unpaid_fee_waits_for_the_officer_to_confirm_or_accept_a_late_payment()
    {
        var c = Register();
        c.SendFeeNotice(D("2026-03-02"), null, ProcessingFees.PerPage(50), null, null, null, pausesClock: true, Shipped);
        // 03-03..06=1..4, 03-09..13=5..9, 03-16..20=10..14, 03-23..27=15..19, 03-30=20
        Assert.Equal(D("2026-03-30"), c.Details.Fee!.PaymentDueOn);
        Assert.False(c.FeePeriodEnded(D("2026-03-30")));
        Assert.Throws<CaseRuleException>(() => c.ConfirmFeeAbandoned(D("2026-03-30")));

        var late = Register();
        late.SendFeeNotice(D("2026-03-02"), null, ProcessingFees.PerPage(50), null, null, null, pausesClock: true, Shipped);
        late.AcceptLatePayment(D("2026-04-01"), 200m, "银行系统故障，凭证在案", D("2026-04-01"));
        Assert.Equal(200m, late.FeePaidYuan);
        Assert.Equal("银行系统故障，凭证在案", late.Details.Fee!.LatePaymentReason);

        c.ConfirmFeeAbandoned(D("2026-03-31"));
        Assert.Equal("Other.FeeUnpaid", c.Outcome);
        Assert.Equal(D("2026-03-30"), c.ConcludedOn);
    }

    [Fact]
    public void The_fee_is_computed_and_another_amount_needs_a_reason()
    {
        var c = Register();
        var noReason = Assert.Throws<CaseRuleException>(() => c.SendFeeNotice(D("2026-03-02"), null, ProcessingFees.PerPage(2219), 80000m, null, null, true, Shipped));
        Assert.Equal("amountReason", noReason.Field);
        Assert.Contains("83460", noReason.Message);
        c.SendFeeNotice(D("2026-03-02"), null, ProcessingFees.PerPage(2219), 80000m, "部分页面为申请人已持有的副本", null, true, Shipped);
        Assert.Equal(83460m, c.Details.Fee!.ComputedYuan);
        Assert.Equal(80000m, c.Details.Fee.AmountYuan);
        Assert.Equal(80000m, c.FeeNotifiedYuan);
        Assert.Equal(4, c.Details.Fee.Schedule!.Count);
        Assert.Contains("按量计收", c.Details.Fee.Basis);

        var free = Register();
        Assert.Equal("quantity", Assert.Throws<CaseRuleException>(() => free.SendFeeNotice(D("2026-03-02"), null, ProcessingFees.PerPage(30), null, null, null, true, Shipped)).Field);
    }

    [Fact]
    public void No_fee_notice_and_no_article_35_date_after_the_reply_deadline()
    {
        var c = Register();
        Assert.Throws<CaseRuleException>(() => c.SendFeeNotice(D("2026-03-19"), null, ProcessingFees.PerPage(50), null, null, null, true, Shipped));
        Assert.Equal("replyOn", Assert.Throws<CaseRuleException>(() => c.SetArticle35ReplyDate(D("2026-05-20"), "数量巨大", D("2026-03-19"))).Field);
        c.SetArticle35ReplyDate(D("2026-05-20"), "数量巨大", D("2026-03-18"));
        Assert.Equal(D("2026-03-18"), c.Details.Article35DecidedOn);
        c.Recompute(Shipped);
        Assert.Equal(D("2026-05-20"), c.ReplyDueOn);
    }

    [Theory]
    [InlineData(1, 0, "第1至10件")]
    [InlineData(10, 0, "第1至10件")]
    [InlineData(11, 100, "第11至30件")]
    [InlineData(30, 100, "第11至30件")]
    [InlineData(31, 200, "第31至40件")]
    [InlineData(45, 300, "第41至50件")]
    public void The_nth_application_of_the_month_carries_its_band_fee(int n, int yuan, string band)
    {
        var q = ProcessingFees.ForNthApplication(n);
        Assert.Equal(yuan, q.TotalYuan);
        Assert.Equal(FeeMethod.PerApplication, q.Method);
        Assert.Contains(band, Assert.Single(q.Breakdown).Description);
    }

    /// <summary>一事一申请: an application with three items, the applicant's 9th of the month, counts as the 9th, 10th
    /// and 11th: 0 + 0 + 100 yuan; one that is the 30th with two items: 100 (30th) + 200 (31st).</summary>
    [Theory]
    [InlineData(9, 3, 100, 11)]
    [InlineData(30, 2, 300, 31)]
    [InlineData(1, 5, 0, 5)]
    [InlineData(12, 1, 100, 12)]
    public void An_application_split_into_units_takes_one_line_per_unit(int first, int units, int yuan, int last)
    {
        var q = ProcessingFees.ForApplicationUnits(first, units);
        Assert.Equal(yuan, q.TotalYuan);
        Assert.Equal(last, q.Quantity);
        Assert.Equal(units, q.Breakdown.Count);
        Assert.Equal(first, q.Breakdown[0].From);
        Assert.Equal(last, q.Breakdown[^1].To);
    }

    [Fact]
    public void A_split_application_names_each_item_in_its_lines()
    {
        var q = ProcessingFees.ForApplicationUnits(10, 2);
        Assert.Equal("本月第10件（本申请第1个事项），第1至10件，免费，计0元", q.Breakdown[0].Description);
        Assert.Equal("本月第11件（本申请第2个事项），第11至30件，每件100元，计100元", q.Breakdown[1].Description);
    }
}
