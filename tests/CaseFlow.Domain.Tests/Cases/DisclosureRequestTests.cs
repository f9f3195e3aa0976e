using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Fees;
using static CaseFlow.Domain.Tests.TestSupport;

namespace CaseFlow.Domain.Tests.Cases;

/// <summary>The case aggregate against domain.md §2, with every date counted by hand on the 2026 calendar
/// (days off 02-15..23, 04-04..06, 05-01..05, 06-19..21, 10-01..07; make-up days 02-14, 02-28, 05-09, 09-20, 10-10).</summary>
public class DisclosureRequestTests
{
    private static readonly DateTime Now = new(2026, 2, 12, 2, 0, 0, DateTimeKind.Utc);

    internal static DisclosureRequest Register(string submittedOn = "2026-02-12", Channel channel = Channel.InPerson, string? confirmedOn = null, int sequence = 1) =>
        DisclosureRequest.Register(
            new DisclosureRequest.Registration(channel, D(submittedOn), confirmedOn is null ? null : D(confirmedOn), null,
                ApplicantColumn.NaturalPerson, "张三", "11010519491231002X", "13800000000", null, null, "2025年某项目的环评批复", "纸质", "邮寄"),
            "demo", sequence, "disclosure-request", 1, "registered", "officer", Now, Shipped);

    [Theory]
    [InlineData(Channel.InPerson, "2026-03-02", null, "2026-03-02")]
    [InlineData(Channel.RegisteredPost, "2026-03-02", null, "2026-03-02")]
    [InlineData(Channel.OrdinaryLetter, "2026-03-02", "2026-03-04", "2026-03-04")]
    [InlineData(Channel.Online, "2026-03-02", "2026-03-03", "2026-03-03")]
    [InlineData(Channel.Fax, "2026-03-02", "2026-03-02", "2026-03-02")]
    [InlineData(Channel.Email, "2026-03-02", "2026-03-05", "2026-03-05")]
    public void Receipt_date_follows_the_channel(Channel channel, string submitted, string? confirmed, string expected)
    {
        Assert.Equal(D(expected), Register(submitted, channel, confirmed).ReceivedOn);
    }

    [Theory]
    [InlineData(Channel.OrdinaryLetter)]
    [InlineData(Channel.Online)]
    [InlineData(Channel.Fax)]
    [InlineData(Channel.Email)]
    public void Confirmation_date_is_required_where_it_decides_receipt(Channel channel)
    {
        var e = Assert.Throws<CaseRuleException>(() => Register("2026-03-02", channel));
        Assert.Equal("confirmedOn", e.Field);
    }

    [Fact]
    public void Registration_sets_number_and_due_dates()
    {
        var c = Register(sequence: 7);
        Assert.Equal("demo-2026-0007", c.CaseNumber);
        Assert.Equal(D("2026-03-18"), c.ReplyDueOn);
        Assert.Equal(D("2026-02-28"), c.CorrectionNoticeDueOn);
        Assert.Equal(1, c.Version);
    }

    [Fact]
    public void Correction_restarts_the_clock_from_the_corrected_application()
    {
        var c = Register();
        // period 15 working days from 02-13: 02-14(make-up)=1, 02-24..27=2..5, 02-28(make-up)=6, 03-02..06=7..11, 03-09..12=12..15
        c.RequestCorrection(D("2026-02-13"), "请写明文件名称或文号", 15, Shipped);
        Assert.Equal(D("2026-03-12"), c.Details.Correction!.DueOn);
        Assert.False(c.Details.Correction.SentLate);

        // day 0 = 03-02; 03-03..06=1..4, 03-09..13=5..9, 03-16..20=10..14, 03-23..27=15..19, 03-30=20
        c.ReceiveCorrection(D("2026-03-02"));
        c.Recompute(Shipped);
        Assert.Equal(D("2026-03-30"), c.ReplyDueOn);

        var again = Assert.Throws<CaseRuleException>(() => c.RequestCorrection(D("2026-03-03"), "再次补正", 15, Shipped));
        Assert.Equal("items", again.Field);
    }

    [Fact]
    public void Unanswered_correction_concludes_as_no_correction_on_the_last_day()
    {
        var c = Register();
        c.RequestCorrection(D("2026-02-13"), "请写明文件名称", 15, Shipped);
        c.ExpireCorrection();
        Assert.Equal("Other.NoCorrection", c.Outcome);
        Assert.Equal(D("2026-03-12"), c.ConcludedOn);
    }

    [Fact]
    public void Third_party_consultation_pauses_the_clock_until_the_reply()
    {
        var c = Register();
        var k = c.StartConsultation(ConsultationKind.ThirdParty, "某公司", D("2026-03-02"), D("2026-03-03"), Shipped);
        // 15 working days after 03-03: 03-04..06=1..3, 03-09..13=4..8, 03-16..20=9..13, 03-23=14, 03-24=15
        Assert.Equal(D("2026-03-24"), k.DueOn);

        c.Recompute(Shipped);
        Assert.Null(c.ReplyDueOn);
        var open = c.Clock(Shipped);
        // used by 03-02: 02-13, 02-14, 02-24..27, 02-28, 03-02 = 8
        Assert.True(open.Paused);
        Assert.Equal(8, open.DaysUsed);
        Assert.Equal(12, open.DaysRemaining);

        // pause (03-02, 03-10] leaves out 6 working days: 03-18 + 6 → 03-19, 20, 23, 24, 25, 26
        c.RecordConsultationReply(k.Id, D("2026-03-10"), ConsultationOpinion.Objection, "不同意公开");
        c.Recompute(Shipped);
        Assert.Equal(D("2026-03-26"), c.ReplyDueOn);
        Assert.False(c.HasOpenConsultation);
    }

    [Fact]
    public void Silent_agency_is_deemed_to_consent_and_the_pause_ends_with_its_period()
    {
        var c = Register();
        // 15 working days after 03-02: 03-03..06=1..4, 03-09..13=5..9, 03-16..20=10..14, 03-23=15
        var k = c.StartConsultation(ConsultationKind.Agency, "市发展改革委", D("2026-03-02"), null, Shipped);
        Assert.Equal(D("2026-03-23"), k.DueOn);

        var expired = c.ExpireConsultation(k.Id);
        Assert.Equal(ConsultationOpinion.NoReplyDeemedConsent, expired.Opinion);
        // 8 used by 03-02; then 03-24..27=9..12, 03-30..04-03=13..17, 04-04..06 off, 04-07..09=18..20
        c.Recompute(Shipped);
        Assert.Equal(D("2026-04-09"), c.ReplyDueOn);
    }

    [Fact]
    public void Fee_wait_pauses_the_clock_and_payment_ends_it()
    {
        var c = Register();
        c.SendFeeNotice(D("2026-03-02"), D("2026-03-03"), ProcessingFees.PerPage(50), null, null, "国办函〔2020〕109号，按量收费", pausesClock: true, Shipped);
        // 20 working days after 03-03: 03-04..06=3, 03-09..13=8, 03-16..20=13, 03-23..27=18, 03-30=19, 03-31=20
        Assert.Equal(D("2026-03-31"), c.Details.Fee!.PaymentDueOn);

        // pause (03-02, 03-05] = 03-03, 04, 05: 03-18 + 3 → 03-19, 20, 23
        c.RecordPayment(D("2026-03-05"), 200m);
        c.Recompute(Shipped);
        Assert.Equal(D("2026-03-23"), c.ReplyDueOn);
        Assert.Equal(200m, c.FeePaidYuan);
        Assert.Equal(200m, c.FeeNotifiedYuan);
    }

    [Fact]
    public void Unpaid_fee_concludes_as_fee_unpaid_on_the_last_day_of_payment()
    {
        var c = Register();
        c.SendFeeNotice(D("2026-03-02"), D("2026-03-03"), ProcessingFees.ForNthApplication(11), null, null, "按件收费", pausesClock: true, Shipped);
        Assert.Throws<CaseRuleException>(() => c.RecordPayment(D("2026-04-01"), 100m));
        c.ExpireFeePayment();
        Assert.Equal("Other.FeeUnpaid", c.Outcome);
        Assert.Equal(D("2026-03-31"), c.ConcludedOn);
    }

    [Fact]
    public void Fee_wait_does_not_pause_when_the_definition_says_so()
    {
        var c = Register();
        c.SendFeeNotice(D("2026-03-02"), null, ProcessingFees.PerPage(50), null, null, "按量收费", pausesClock: false, Shipped);
        c.Recompute(Shipped);
        Assert.Equal(D("2026-03-18"), c.ReplyDueOn);
    }

    [Fact]
    public void Extension_once_at_most_twenty_days_before_the_deadline()
    {
        var c = Register();
        Assert.Equal("days", Assert.Throws<CaseRuleException>(() => c.RequestExtension(21, "材料多", "officer", D("2026-03-10"))).Field);
        c.RequestExtension(20, "涉及多个单位", "officer", D("2026-03-10"));
        Assert.True(c.ExtensionRequested);
        c.DecideExtension(true, "head", D("2026-03-12"));
        Assert.Equal(D("2026-03-12"), c.Details.Extension!.DecidedOn);
        Assert.Equal(D("2026-03-12"), c.Details.Extension!.NotifiedOn); // the notice goes out with the approval
        c.Recompute(Shipped);
        Assert.Equal(D("2026-04-16"), c.ReplyDueOn);
        Assert.Throws<CaseRuleException>(() => c.RequestExtension(5, "再延", "officer", D("2026-03-20")));
    }

    [Fact]
    public void Extension_cannot_be_asked_or_granted_after_the_deadline()
    {
        var late = Register();
        Assert.Throws<CaseRuleException>(() => late.RequestExtension(10, "来不及", "officer", D("2026-03-19")));

        var c = Register();
        c.RequestExtension(10, "涉及多个单位", "officer", D("2026-03-17"));
        Assert.Equal("state", Assert.Throws<CaseRuleException>(() => c.DecideExtension(true, "head", D("2026-03-19"))).Field);
    }

    [Fact]
    public void Refused_extension_can_be_asked_again()
    {
        var c = Register();
        c.RequestExtension(20, "理由", "officer", D("2026-03-02"));
        c.DecideExtension(false, "head", D("2026-03-03"));
        Assert.True(c.ExtensionAvailable(D("2026-03-04")));
        Assert.Equal(0, c.ExtensionDays);
    }

    [Fact]
    public void Refusal_must_tell_the_applicant_that_review_comes_first()
    {
        var c = Register();
        Assert.Equal("text", Assert.Throws<CaseRuleException>(() => c.SubmitDraft("Withheld.StateSecret", "经审查，该信息属于国家秘密，不予公开。", "officer", Now)).Field);
        var d = c.SubmitDraft("Withheld.StateSecret", "经审查，该信息属于国家秘密，不予公开。如不服，应当先依法申请行政复议。", "officer", Now);
        Assert.Equal("Withheld.StateSecret", d.Outcome);
        Assert.Equal("outcome", Assert.Throws<CaseRuleException>(() => c.SubmitDraft("Nope", "x", "officer", Now)).Field);
    }

    [Fact]
    public void Delivery_concludes_with_the_draft_outcome_on_the_delivery_date()
    {
        var c = Register();
        c.SubmitDraft("予以公开", "现将所申请信息提供如下。", "officer", Now);
        c.ReviewDraft(true, "legal", null);
        c.SignOff("head");
        c.Deliver(DeliveryMethod.Post, D("2026-03-10"));
        Assert.Equal("Disclosed", c.Outcome);
        Assert.Equal(D("2026-03-10"), c.ConcludedOn);
        Assert.Equal("comments", Assert.Throws<CaseRuleException>(() => Register().ReviewDraft(false, "legal", " ")).Field);
    }

    [Fact]
    public void Withdrawal_concludes_as_other()
    {
        var c = Register();
        c.Withdraw(D("2026-02-20"), "申请人撤回");
        Assert.Equal("Other.Other", c.Outcome);
        Assert.Equal(D("2026-02-20"), c.ConcludedOn);
    }

    [Theory]
    // review: 10 working days after 04-02: 04-03=1, 04-04..06 off, 04-07..10=2..5, 04-13..17=6..10
    [InlineData(ProceedingKind.Review, "2026-04-02", false, "2026-04-17")]
    // simple procedure: 5 working days: 04-03=1, 04-07..10=2..5
    [InlineData(ProceedingKind.Review, "2026-04-02", true, "2026-04-10")]
    // lawsuit: 15 calendar days after 09-15 = 09-30, a Wednesday
    [InlineData(ProceedingKind.Lawsuit, "2026-09-15", false, "2026-09-30")]
    // 15 calendar days after 09-20 = 10-05, inside National Day → next working day 10-08
    [InlineData(ProceedingKind.LawsuitAfterReview, "2026-09-20", false, "2026-10-08")]
    public void Proceedings_get_their_response_due_dates(ProceedingKind kind, string copyReceived, bool simple, string expected)
    {
        var c = Register();
        c.Withdraw(D("2026-02-20"), null);
        var p = c.RecordProceeding(kind, "市人民政府", D(copyReceived), D(copyReceived), simple, Shipped);
        Assert.Equal(D(expected), p.ResponseDueOn);
    }

    [Fact]
    public void Corrected_result_reopens_the_case_for_a_new_reply()
    {
        var c = Register();
        c.SubmitDraft("NotProcessed.Repeated", "重复申请，不予处理。", "officer", Now);
        c.Deliver(DeliveryMethod.Email, D("2026-03-10"));
        // Any state may have a proceeding (domain.md §2.9); v1 offers it only on concluded cases through its definition.
        Assert.Equal(1, Register().RecordProceeding(ProceedingKind.Review, "市政府", D("2026-04-01"), D("2026-04-02"), false, Shipped).Id);
        var p = c.RecordProceeding(ProceedingKind.Review, "市人民政府", D("2026-04-01"), D("2026-04-02"), false, Shipped);

        Assert.True(c.RecordProceedingResult(p.Id, ProceedingResult.Corrected, D("2026-05-06")));
        c.Recompute(Shipped);
        Assert.Equal(2, c.Round);
        Assert.Null(c.Outcome);
        Assert.Null(c.ConcludedOn);
        // day 0 = 05-06: 05-07,08=1,2, 05-09(make-up)=3, 05-11..15=4..8, 05-18..22=9..13, 05-25..29=14..18, 06-01=19, 06-02=20
        Assert.Equal(D("2026-06-02"), c.ReplyDueOn);
        Assert.Contains("2026-05-06（星期三） 行政复议或诉讼结果为纠正，重新答复，期限自该日重新计算（第0日）", c.Clock(Shipped).Explanation);
    }

    [Fact]
    public void A_round_keeps_the_first_conclusion_and_ends_with_its_own_outcome()
    {
        var c = Register();
        c.SubmitDraft("NotProcessed.Repeated", "重复申请，不予处理。", "officer", Now);
        c.Deliver(DeliveryMethod.Email, D("2026-03-10"));
        var review = c.RecordProceeding(ProceedingKind.Review, "市人民政府", D("2026-04-01"), D("2026-04-02"), false, Shipped);
        Assert.Throws<CaseRuleException>(() => c.RecordProceedingDecision(review.Id, ProceedingResult.Upheld, D("2026-05-06"), true, null, null, Shipped));
        // decision received 05-08 and naming no period: 05-09 (make-up)=1, 05-11..15=2..6, 05-18..22=7..11, 05-25..29=12..16, 06-01..04=17..20
        Assert.True(c.RecordProceedingDecision(review.Id, ProceedingResult.Corrected, D("2026-05-06"), true, D("2026-05-08"), null, Shipped));
        Assert.Equal(D("2026-06-04"), c.OpenRound!.DueOn);
        Assert.False(c.CanArchive);
        Assert.Equal(2, c.Round);
        Assert.Equal("NotProcessed.Repeated", c.Outcome);
        Assert.Equal(D("2026-03-10"), c.ConcludedOn);
        Assert.Throws<CaseRuleException>(() => c.Archive("WS-1", D("2026-05-10"), "office"));

        c.SubmitDraft("Disclosed", "现将所申请信息提供如下。", "officer", Now);
        Assert.Throws<CaseRuleException>(() => c.Deliver(DeliveryMethod.Post, D("2026-05-07")));
        c.Deliver(DeliveryMethod.Post, D("2026-05-20"));
        Assert.Null(c.OpenRound);
        Assert.Equal(("Disclosed", D("2026-05-20")), (c.Details.Rounds[0].Outcome, c.Details.Rounds[0].ConcludedOn));
        Assert.Equal(("NotProcessed.Repeated", D("2026-03-10")), (c.Outcome, c.ConcludedOn));
        c.Archive("WS-1", D("2026-05-21"), "office");
        Assert.Equal("WS-1", c.Details.Archive!.FileNumber);
    }

    [Fact]
    public void A_correction_that_does_not_order_a_new_reply_opens_no_round()
    {
        var c = Register();
        c.Withdraw(D("2026-02-20"), null);
        var p = c.RecordProceeding(ProceedingKind.Lawsuit, "区人民法院", D("2026-03-02"), D("2026-03-03"), false, Shipped);
        Assert.False(c.RecordProceedingDecision(p.Id, ProceedingResult.Corrected, D("2026-06-01"), false, null, null, Shipped));
        Assert.Null(c.OpenRound);
        Assert.True(c.CanArchive);
    }

    [Fact]
    public void Upheld_result_keeps_the_case_concluded()
    {
        var c = Register();
        c.Withdraw(D("2026-02-20"), null);
        var p = c.RecordProceeding(ProceedingKind.Lawsuit, "区人民法院", D("2026-03-02"), D("2026-03-03"), false, Shipped);
        Assert.False(c.RecordProceedingResult(p.Id, ProceedingResult.Upheld, D("2026-06-01")));
        Assert.Equal(D("2026-02-20"), c.ConcludedOn);
        Assert.False(c.HasPendingProceeding);
    }

    [Fact]
    public void Void_needs_a_reason()
    {
        var c = Register();
        Assert.Equal("reason", Assert.Throws<CaseRuleException>(() => c.Void(" ")).Field);
        c.Void("重复登记");
        Assert.True(c.IsVoid);
    }
}
