using CaseFlow.Domain.Calendar;
using CaseFlow.Domain.Deadlines;
using CaseFlow.Domain.Outcomes;

namespace CaseFlow.Domain.Cases;

/// <summary>A case rule was broken (wrong order, second extension, date out of range). Field-level when it can be.</summary>
public sealed class CaseRuleException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>
/// One 政府信息公开申请. State changes only through methods, each checking the rules of domain.md §2; the
/// workflow runtime decides which actions are offered and moves <see cref="State"/>. Columns that lists and
/// reports filter on are properties; the rest lives in <see cref="Details"/>.
/// </summary>
public sealed partial class DisclosureRequest
{
    private DisclosureRequest() { }

    public long Id { get; private set; }
    public string AgencyCode { get; private set; } = "";
    public string CaseNumber { get; private set; } = "";
    public int NumberYear { get; private set; }
    public int Sequence { get; private set; }

    public string WorkflowId { get; private set; } = "";
    public int WorkflowVersion { get; private set; }
    public string State { get; private set; } = "";

    /// <summary>Optimistic concurrency: +1 per committed step; clients send it back with each action.</summary>
    public int Version { get; private set; }

    public Channel Channel { get; private set; }
    public DateOnly SubmittedOn { get; private set; }
    public DateOnly? ConfirmedOn { get; private set; }
    public DateTime? ArrivedAtUtc { get; private set; }
    public DateOnly ReceivedOn { get; private set; }

    public ApplicantColumn ApplicantColumn { get; private set; }
    public string ApplicantName { get; private set; } = "";
    public string? IdDocumentNumber { get; private set; }
    public string? Contact { get; private set; }
    public string? Email { get; private set; }
    public string? Address { get; private set; }
    public string RequestedInformation { get; private set; } = "";
    public string? RequestedForm { get; private set; }
    public string? DeliveryChannel { get; private set; }

    public string? AssignedOfficer { get; private set; }
    public DateOnly? CorrectionReceivedOn { get; private set; }
    public int ExtensionDays { get; private set; }
    public DateOnly? Article35ReplyOn { get; private set; }
    public DateOnly CorrectionNoticeDueOn { get; private set; }
    public DateOnly? ReplyDueOn { get; private set; }
    public bool DueProvisional { get; private set; }

    /// <summary>The case waits on someone outside the office — a consultation, the fee, the applicant's correction — so
    /// the work queue puts it after the cases due soon (stored for the queue's ORDER BY).</summary>
    public bool WaitsOnOthers { get; private set; }
    public int Round { get; private set; } = 1;

    public string? Outcome { get; private set; }
    public DateOnly? ConcludedOn { get; private set; }
    public bool IsVoid { get; private set; }
    public string? VoidReason { get; private set; }
    public bool IsImported { get; private set; }

    public decimal? FeeNotifiedYuan { get; private set; }
    public decimal? FeePaidYuan { get; private set; }

    /// <summary>The dates the fee figures count on in the annual report (section 六).</summary>
    public DateOnly? FeeNotifiedOn { get; private set; }
    public DateOnly? FeePaidOn { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }
    public string CreatedBy { get; private set; } = "";

    public CaseDetails Details { get; private set; } = new();

    public bool IsConcluded => ConcludedOn is not null;

    public sealed record Registration(
        Channel Channel, DateOnly SubmittedOn, DateOnly? ConfirmedOn, DateTime? ArrivedAtUtc,
        ApplicantColumn ApplicantColumn, string ApplicantName, string? IdDocumentNumber, string? Contact, string? Email, string? Address,
        string RequestedInformation, string? RequestedForm, string? DeliveryChannel, IReadOnlyList<string>? Items = null);

    public static DisclosureRequest Register(
        Registration r, string agencyCode, int sequence, string workflowId, int workflowVersion, string initialState,
        string actor, DateTime nowUtc, WorkingDayCalendar calendar)
    {
        // A value without a name would be stored as a number that no report column or channel can map.
        if (!Enum.IsDefined(r.Channel)) throw new CaseRuleException("channel", "收件渠道无法识别。");
        if (!Enum.IsDefined(r.ApplicantColumn)) throw new CaseRuleException("organisationType", "申请人类型无法识别。");
        var errors = ReceiptDate.Resolve(r.Channel, r.SubmittedOn, r.ConfirmedOn, out var receivedOn);
        if (errors.Count > 0) throw new CaseRuleException(errors[0].Field, errors[0].Message);
        var c = new DisclosureRequest
        {
            AgencyCode = agencyCode,
            NumberYear = receivedOn.Year,
            Sequence = sequence,
            CaseNumber = $"{agencyCode}-{receivedOn.Year}-{sequence:D4}",
            WorkflowId = workflowId,
            WorkflowVersion = workflowVersion,
            State = initialState,
            Version = 1,
            Channel = r.Channel,
            SubmittedOn = r.SubmittedOn,
            ConfirmedOn = r.ConfirmedOn,
            ArrivedAtUtc = r.ArrivedAtUtc,
            ReceivedOn = receivedOn,
            ApplicantColumn = r.ApplicantColumn,
            ApplicantName = r.ApplicantName.Trim(),
            // Upper case, as the documents print them (an ID card's check letter X may be typed either way), so that
            // matching the applicant's other applications is an index lookup.
            IdDocumentNumber = r.IdDocumentNumber?.Trim().ToUpperInvariant(),
            Contact = r.Contact?.Trim(),
            Email = r.Email?.Trim(),
            Address = r.Address?.Trim(),
            RequestedInformation = r.RequestedInformation.Trim(),
            RequestedForm = r.RequestedForm,
            DeliveryChannel = r.DeliveryChannel,
            CreatedAtUtc = nowUtc,
            CreatedBy = actor,
        };
        c.Details.RequestedItems = [.. (r.Items ?? []).Select(x => x.Trim()).Where(x => x.Length > 0)];
        c.Recompute(calendar);
        return c;
    }

    public sealed record LedgerEntry(
        string CaseNumber, ApplicantColumn ApplicantColumn, string ApplicantName, Channel Channel, DateOnly ReceivedOn, string Summary,
        string? Outcome, DateOnly? ConcludedOn, bool Extended, decimal? FeeNotifiedYuan, decimal? FeePaidYuan);

    /// <summary>A case from an office's ledger (historical, or received before go-live): history, not a workflow run.
    /// Its fee figures count in the year it concluded (or was received, while open). The ledger does not give the
    /// extension's length; an extended case is recorded with the maximum of 20 working days.</summary>
    public static DisclosureRequest Import(LedgerEntry e, string agencyCode, string workflowId, int workflowVersion, string state,
        string actor, DateTime nowUtc, WorkingDayCalendar calendar)
    {
        var feeOn = e.ConcludedOn ?? e.ReceivedOn;
        var c = new DisclosureRequest
        {
            AgencyCode = agencyCode,
            CaseNumber = e.CaseNumber.Trim(),
            NumberYear = e.ReceivedOn.Year,
            WorkflowId = workflowId,
            WorkflowVersion = workflowVersion,
            State = state,
            Version = 1,
            Channel = e.Channel,
            SubmittedOn = e.ReceivedOn,
            ReceivedOn = e.ReceivedOn,
            ApplicantColumn = e.ApplicantColumn,
            ApplicantName = e.ApplicantName.Trim(),
            RequestedInformation = e.Summary.Trim(),
            ExtensionDays = e.Extended ? StatutoryPeriods.MaxExtensionWorkingDays : 0,
            Outcome = e.Outcome,
            ConcludedOn = e.ConcludedOn,
            IsImported = true,
            FeeNotifiedYuan = e.FeeNotifiedYuan,
            FeeNotifiedOn = e.FeeNotifiedYuan is null ? null : feeOn,
            FeePaidYuan = e.FeePaidYuan,
            FeePaidOn = e.FeePaidYuan is null ? null : feeOn,
            CreatedAtUtc = nowUtc,
            CreatedBy = actor,
        };
        c.Recompute(calendar);
        return c;
    }

    /// <summary>A proceeding from a ledger: recorded as history; a corrected result does not reopen the case.</summary>
    public Proceeding ImportProceeding(ProceedingKind kind, DateOnly filedOn, ProceedingResult? result, DateOnly? decidedOn, WorkingDayCalendar calendar)
    {
        var due = ProceedingResponseDue(calendar, kind, filedOn, simpleProcedure: false);
        var p = new Proceeding(Details.Proceedings.Count + 1, kind, "（台账导入）", filedOn, filedOn, false, due, result, decidedOn, Imported: true);
        Details.Proceedings.Add(p);
        return p;
    }

    /// <summary>The inputs of the statutory clock for the current reply round.</summary>
    public ReplyClockInput ClockInput() => new(
        ReceivedOn,
        // A notice sent after the 7th working day does not restart the clock (domain.md §2.2): day 0 stays the receipt.
        Details.Correction is { SentLate: true } ? null : CorrectionReceivedOn,
        [.. Details.Pauses.Select(p => new ClockPause(p.From, p.To, p.Kind))],
        ExtensionDays,
        Article35ReplyOn,
        Details.ReopenedOn);

    public ReplyClock Clock(WorkingDayCalendar calendar, bool explain = true) => StatutoryClock.Reply(calendar, ClockInput(), explain);

    /// <summary>Refreshes the stored due dates (after every step, and when the calendar changes).</summary>
    public void Recompute(WorkingDayCalendar calendar)
    {
        var clock = Clock(calendar, explain: false);
        ReplyDueOn = clock.DueOn;
        DueProvisional = clock.Provisional;
        WaitsOnOthers = ConcludedOn is null && !IsVoid && (clock.Paused
            || Details.Consultations.Any(x => x.RepliedOn is null)
            || Details.Correction is not null && CorrectionReceivedOn is null
            || Details.Fee is { PaidOn: null, Expired: false });
        CorrectionNoticeDueOn = StatutoryPeriods.CorrectionNoticeDue(calendar, ReceivedOn).Date;
        RecomputeRunningPeriods(calendar);
    }

    /// <summary>Periods still running are dated again from their day 0, so a changed calendar moves them as it moves
    /// the reply date; a period that has ended keeps the date it ended on.</summary>
    private void RecomputeRunningPeriods(WorkingDayCalendar calendar)
    {
        var d = Details;
        if (!IsConcluded)
        {
            if (d.Correction is { } notice && CorrectionReceivedOn is null && notice.PeriodStart() is { } correctionFrom)
                d.Correction = notice with { DueOn = StatutoryPeriods.CorrectionPeriodDue(calendar, correctionFrom, notice.PeriodWorkingDays).Date };
            for (var i = 0; i < d.Consultations.Count; i++)
                if (d.Consultations[i] is { RepliedOn: null, PeriodStartsOn: { } from } k)
                    d.Consultations[i] = k with { DueOn = StatutoryPeriods.ConsultationDue(calendar, from).Date };
            if (d.Fee is { PaidOn: null, Expired: false, PeriodStartsOn: { } feeFrom } fee)
                d.Fee = fee with { PaymentDueOn = StatutoryPeriods.FeePaymentDue(calendar, feeFrom).Date };
        }
        RecomputeOpenRound(calendar);
        for (var i = 0; i < d.Proceedings.Count; i++)
            if (d.Proceedings[i] is { Result: null, Imported: false } p)
                d.Proceedings[i] = p with { ResponseDueOn = ProceedingResponseDue(calendar, p.Kind, p.CopyReceivedOn, p.SimpleProcedure) };
    }

    /// <summary>Every stored due date a calendar change can move, by name (the journal of a recomputation lists the
    /// ones that moved).</summary>
    public IReadOnlyDictionary<string, DateOnly?> DueDates()
    {
        var dates = new Dictionary<string, DateOnly?>
        {
            ["replyDueOn"] = ReplyDueOn,
            ["correctionNoticeDueOn"] = CorrectionNoticeDueOn,
        };
        if (Details.Correction is { } notice) dates["correctionPeriodDueOn"] = notice.DueOn;
        foreach (var k in Details.Consultations) dates[$"consultation:{k.Id}"] = k.DueOn;
        if (Details.Fee is { } fee) dates["feePaymentDueOn"] = fee.PaymentDueOn;
        foreach (var p in Details.Proceedings) dates[$"proceeding:{p.Id}"] = p.ResponseDueOn;
        return dates;
    }

    // ---- workflow bookkeeping (called by the runtime only) ----

    public void MoveTo(string state) => State = state;

    public void CommitStep() => Version++;

    public void Reopen(DateOnly on)
    {
        Details.ReopenedOn = on;
        Round++;
        Outcome = null;
        ConcludedOn = null;
        ExtensionDays = 0;
        Details.Extension = null;
        Article35ReplyOn = null;
    }

    // ---- handling ----

    public void AssignOfficer(string userName) => AssignedOfficer = userName;

    /// <summary>The notice goes out today (<paramref name="sentOn"/> is the server's date). After the 7th working day it
    /// may still go out once the officer has acknowledged that it will not restart the clock. In person, online or by
    /// e-mail the applicant receives it the day it is sent; by post the period waits for the recorded delivery
    /// (<paramref name="method"/> null: delivered the day sent, as before delivery was recorded).</summary>
    public void RequestCorrection(DateOnly sentOn, string items, int periodWorkingDays, WorkingDayCalendar calendar,
        DeliveryMethod? method = null, bool lateNoticeAcknowledged = true)
    {
        EnsureOpen();
        if (Details.Correction is not null) throw new CaseRuleException("items", "补正告知只能一次性发出（条例第三十条），本案已发出过补正告知书。");
        if (sentOn < ReceivedOn) throw new CaseRuleException("items", "补正告知日期不能早于收到申请之日。");
        if (string.IsNullOrWhiteSpace(items)) throw new CaseRuleException("items", "须一次性写明需要补正的事项。");
        if (periodWorkingDays is < 1 or > 60) throw new CaseRuleException("periodWorkingDays", "补正期限须在 1 至 60 个工作日之间。");
        var late = sentOn > CorrectionNoticeDueOn;
        if (late && !lateNoticeAcknowledged)
            throw new CaseRuleException("lateNoticeAcknowledged", CorrectionRules.LateNoticeWarning(CorrectionNoticeDueOn));
        if (method is not null && !Enum.IsDefined(method.Value)) throw new CaseRuleException("method", "送达方式无法识别。");
        DateOnly? deliveredOn = method == DeliveryMethod.Post ? null : sentOn;
        DateOnly? due = deliveredOn is { } from ? StatutoryPeriods.CorrectionPeriodDue(calendar, from, periodWorkingDays).Date : null;
        Details.Correction = new CorrectionNotice(sentOn, items.Trim(), periodWorkingDays, due, late, method, method is null ? null : deliveredOn);
    }

    /// <summary>The post signed for the notice on <paramref name="deliveredOn"/> (an outside event): the period runs from it.</summary>
    public void RecordCorrectionNoticeDelivery(DateOnly deliveredOn, WorkingDayCalendar calendar)
    {
        EnsureOpen();
        var notice = Details.Correction ?? throw new CaseRuleException("deliveredOn", "本案没有补正告知。");
        if (notice.PeriodStart() is not null) throw new CaseRuleException("deliveredOn", "补正告知书的送达已登记。");
        if (deliveredOn < notice.SentOn) throw new CaseRuleException("deliveredOn", $"签收日期不能早于补正告知书发出之日（{notice.SentOn:yyyy-MM-dd}）。");
        Details.Correction = notice with
        {
            DeliveredOn = deliveredOn,
            DueOn = StatutoryPeriods.CorrectionPeriodDue(calendar, deliveredOn, notice.PeriodWorkingDays).Date,
        };
    }

    public bool CorrectionNoticeUndelivered => Details.Correction is { } n && n.PeriodStart() is null && CorrectionReceivedOn is null;

    /// <summary>The correction period has ended (today is after its last day) without a correction.</summary>
    public bool CorrectionPeriodEnded(DateOnly today) =>
        Details.Correction is { DueOn: { } due } && CorrectionReceivedOn is null && !IsConcluded && today > due;

    public void ReceiveCorrection(DateOnly receivedOn)
    {
        var notice = Details.Correction ?? throw new CaseRuleException("receivedOn", "本案没有补正告知。");
        if (receivedOn < notice.SentOn) throw new CaseRuleException("receivedOn", "补正收到日期不能早于补正告知日期。");
        if (notice.DueOn is { } due && receivedOn > due)
            throw new CaseRuleException("receivedOn", $"补正期限已于 {due:yyyy-MM-dd} 届满。逾期补正只有在申请人有正当理由时才能受理，请使用“受理逾期补正”并写明理由（条例第三十条）。");
        CorrectionReceivedOn = receivedOn;
    }

    /// <summary>A correction after the period, accepted for a good reason written down; the clock restarts from its receipt
    /// (unless the notice itself was late).</summary>
    public void AcceptLateCorrection(DateOnly receivedOn, string reason, DateOnly today)
    {
        var notice = Details.Correction ?? throw new CaseRuleException("receivedOn", "本案没有补正告知。");
        if (!CorrectionPeriodEnded(today) || notice.DueOn is not { } due) throw new CaseRuleException("receivedOn", "补正期限尚未届满，请使用“收到补正”。");
        if (string.IsNullOrWhiteSpace(reason)) throw new CaseRuleException("reason", "受理逾期补正须写明申请人的正当理由（条例第三十条）。");
        if (receivedOn <= due) throw new CaseRuleException("receivedOn", $"补正期限届满之日为 {due:yyyy-MM-dd}；期限内收到的补正请使用“收到补正”。");
        CorrectionReceivedOn = receivedOn;
        Details.Correction = notice with { LateCorrectionReason = reason.Trim() };
    }

    /// <summary>The officer confirms that the applicant did not correct in time: concluded on the period's last day (其他处理 1).</summary>
    public void ConfirmCorrectionAbandoned(DateOnly today)
    {
        if (!CorrectionPeriodEnded(today)) throw new CaseRuleException("state", "补正期限尚未届满（或补正告知书的送达尚未登记），不能确认视为放弃（条例第三十条）。");
        ExpireCorrection();
    }

    public void ExpireCorrection()
    {
        var notice = Details.Correction ?? throw new CaseRuleException("state", "本案没有补正告知。");
        var due = notice.DueOn ?? throw new CaseRuleException("state", "补正告知书的送达尚未登记，补正期限未起算。");
        Conclude(Outcomes.Outcomes.NoCorrection.Code, due);
    }

    public CoHandling RequestCoHandling(string unit, string request, DateOnly sentOn, DateOnly? dueOn)
    {
        EnsureOpen();
        if (string.IsNullOrWhiteSpace(unit)) throw new CaseRuleException("unit", "须填写协办单位。");
        if (dueOn is { } d && d < sentOn) throw new CaseRuleException("dueOn", "回复期限不能早于发函日期。");
        var item = new CoHandling(Details.CoHandlings.Count + 1, unit.Trim(), request?.Trim() ?? "", sentOn, dueOn);
        Details.CoHandlings.Add(item);
        return item;
    }

    public void RecordCoHandlingReply(int id, DateOnly repliedOn, string? summary)
    {
        var i = Details.CoHandlings.FindIndex(c => c.Id == id && c.RepliedOn is null);
        if (i < 0) throw new CaseRuleException("coHandlingId", $"没有编号为 {id} 的待回复协办。");
        if (repliedOn < Details.CoHandlings[i].SentOn) throw new CaseRuleException("repliedOn", "回复日期不能早于发函日期。");
        Details.CoHandlings[i] = Details.CoHandlings[i] with { RepliedOn = repliedOn, Summary = summary };
    }

    public Consultation StartConsultation(ConsultationKind kind, string party, DateOnly sentOn, DateOnly? partyReceivedOn, WorkingDayCalendar calendar)
    {
        EnsureOpen();
        if (string.IsNullOrWhiteSpace(party)) throw new CaseRuleException("party", "须填写被征求意见的第三方或机关。");
        if (sentOn < ReceivedOn) throw new CaseRuleException("sentOn", "征求意见日期不能早于收到申请之日。");
        if (partyReceivedOn is { } r && r < sentOn) throw new CaseRuleException("partyReceivedOn", "对方收到日期不能早于发出日期。");
        var from = partyReceivedOn ?? sentOn;
        var c = new Consultation(Details.Consultations.Count + 1, kind, party.Trim(), sentOn, StatutoryPeriods.ConsultationDue(calendar, from).Date, PeriodStartsOn: from);
        Details.Consultations.Add(c);
        Details.Pauses.Add(new PauseRecord($"consultation:{c.Id}", kind == ConsultationKind.ThirdParty ? PauseKind.ThirdPartyConsultation : PauseKind.AgencyConsultation, sentOn, null));
        return c;
    }

    public void RecordConsultationReply(int id, DateOnly repliedOn, ConsultationOpinion opinion, string? summary)
    {
        var i = OpenConsultation(id);
        if (repliedOn < Details.Consultations[i].SentOn) throw new CaseRuleException("repliedOn", "回复日期不能早于征求意见日期。");
        Details.Consultations[i] = Details.Consultations[i] with { RepliedOn = repliedOn, Opinion = opinion, Summary = summary };
        ClosePause($"consultation:{id}", repliedOn);
    }

    /// <summary>The consultation period ran out: an agency's silence is consent (art 34); for a third party the
    /// agency decides itself (art 32). The pause ends on the period's last day.</summary>
    public Consultation ExpireConsultation(int id)
    {
        var i = OpenConsultation(id);
        var c = Details.Consultations[i];
        var opinion = c.Kind == ConsultationKind.Agency ? ConsultationOpinion.NoReplyDeemedConsent : ConsultationOpinion.NoReplyAgencyDecides;
        Details.Consultations[i] = c with { RepliedOn = c.DueOn, Opinion = opinion, Summary = "期限届满未回复" };
        ClosePause($"consultation:{id}", c.DueOn);
        return Details.Consultations[i];
    }

    public bool HasOpenConsultation => Details.Consultations.Any(c => c.RepliedOn is null);

    public bool HasOpenCoHandling => Details.CoHandlings.Any(c => c.RepliedOn is null);

    /// <summary>The fee notice goes out today (<paramref name="sentOn"/>, the server's date) with the amount the schedule
    /// gives (<paramref name="quote"/>); another amount needs a written reason. Refused after the reply deadline.</summary>
    public void SendFeeNotice(DateOnly sentOn, DateOnly? applicantReceivedOn, Fees.FeeQuote quote, decimal? otherAmountYuan, string? amountReason,
        string? basis, bool pausesClock, WorkingDayCalendar calendar, int units = 1)
    {
        EnsureOpen();
        if (Details.Fee is not null) throw new CaseRuleException("method", "本案已发出过收费通知。");
        if (ReplyDueOn is { } due && sentOn > due)
            throw new CaseRuleException("method", $"答复期限已于 {due:yyyy-MM-dd} 届满，不能再发出收费通知（收费通知须在答复期限内发出，国办函〔2020〕109号）。");
        if (applicantReceivedOn is { } r && r < sentOn) throw new CaseRuleException("applicantReceivedOn", "申请人收到日期不能早于收费通知发出之日。");
        var amountYuan = otherAmountYuan ?? quote.TotalYuan;
        var differs = otherAmountYuan is { } other && other != quote.TotalYuan;
        if (differs && string.IsNullOrWhiteSpace(amountReason))
            throw new CaseRuleException("amountReason", $"按收费标准计算的金额为 {quote.TotalYuan:0.##} 元；收取其他金额须写明理由（将记入办理记录并提交法律审核）。");
        if (amountYuan <= 0)
            throw new CaseRuleException("quantity", $"按收费标准计算的金额为 0 元（在免费范围内），不发出收费通知。");
        var schedule = quote.Breakdown.Select(b => b.Description).ToList();
        var text = string.IsNullOrWhiteSpace(basis) ? Fees.ProcessingFees.BasisText(quote) : basis.Trim();
        var from = applicantReceivedOn ?? sentOn;
        Details.Fee = new FeeNotice(sentOn, StatutoryPeriods.FeePaymentDue(calendar, from).Date, quote.Method, quote.Quantity, amountYuan, text, PeriodStartsOn: from,
            ComputedYuan: quote.TotalYuan, Schedule: schedule, AmountReason: differs ? amountReason!.Trim() : null, Units: units > 1 ? units : null);
        FeeNotifiedYuan = amountYuan;
        FeeNotifiedOn = sentOn;
        if (pausesClock) Details.Pauses.Add(new PauseRecord("fee", PauseKind.FeeWait, sentOn, null));
    }

    /// <summary>The payment period has ended (today is after its last day) without payment.</summary>
    public bool FeePeriodEnded(DateOnly today) => Details.Fee is { PaidOn: null, Expired: false } fee && !IsConcluded && today > fee.PaymentDueOn;

    /// <summary>The officer confirms that the fee was not paid in time: concluded on the period's last day (其他处理 2).</summary>
    public void ConfirmFeeAbandoned(DateOnly today)
    {
        if (!FeePeriodEnded(today)) throw new CaseRuleException("state", "缴费期限尚未届满，不能确认视为放弃。");
        ExpireFeePayment();
    }

    /// <summary>A payment after the period, accepted for a good reason written down; the fee wait ends on the day paid.</summary>
    public void AcceptLatePayment(DateOnly paidOn, decimal paidYuan, string reason, DateOnly today)
    {
        var fee = Details.Fee ?? throw new CaseRuleException("paidOn", "本案没有收费通知。");
        if (!FeePeriodEnded(today)) throw new CaseRuleException("paidOn", "缴费期限尚未届满，请使用“登记缴费”。");
        if (string.IsNullOrWhiteSpace(reason)) throw new CaseRuleException("reason", "受理逾期缴费须写明申请人的正当理由。");
        if (paidOn <= fee.PaymentDueOn) throw new CaseRuleException("paidOn", $"缴费期限届满之日为 {fee.PaymentDueOn:yyyy-MM-dd}；期限内缴费请使用“登记缴费”。");
        if (paidYuan < fee.AmountYuan) throw new CaseRuleException("paidYuan", $"应缴 {fee.AmountYuan:0.##} 元。");
        Details.Fee = fee with { PaidOn = paidOn, PaidYuan = paidYuan, LatePaymentReason = reason.Trim() };
        FeePaidYuan = paidYuan;
        FeePaidOn = paidOn;
        ClosePause("fee", paidOn);
    }

    public void RecordPayment(DateOnly paidOn, decimal paidYuan)
    {
        var fee = Details.Fee ?? throw new CaseRuleException("paidOn", "本案没有收费通知。");
        if (paidOn < fee.SentOn) throw new CaseRuleException("paidOn", "缴费日期不能早于收费通知日期。");
        if (paidOn > fee.PaymentDueOn) throw new CaseRuleException("paidOn", $"缴费期限已于 {fee.PaymentDueOn:yyyy-MM-dd} 届满。");
        if (paidYuan < fee.AmountYuan) throw new CaseRuleException("paidYuan", $"应缴 {fee.AmountYuan} 元。");
        Details.Fee = fee with { PaidOn = paidOn, PaidYuan = paidYuan };
        FeePaidYuan = paidYuan;
        FeePaidOn = paidOn;
        ClosePause("fee", paidOn);
    }

    public void ExpireFeePayment()
    {
        var fee = Details.Fee ?? throw new CaseRuleException("state", "本案没有收费通知。");
        Details.Fee = fee with { Expired = true };
        ClosePause("fee", fee.PaymentDueOn);
        Conclude(Outcomes.Outcomes.FeeUnpaid.Code, fee.PaymentDueOn);
    }

    public void AskReasons(DateOnly sentOn)
    {
        EnsureOpen();
        Details.ReasonsRequestedOn = sentOn;
    }

    /// <summary>The head sets the date today (<paramref name="today"/>, the server's date), before the running deadline expires.</summary>
    public void SetArticle35ReplyDate(DateOnly replyOn, string reason, DateOnly today)
    {
        EnsureOpen();
        if (ReplyDueOn is { } running && today > running)
            throw new CaseRuleException("replyOn", $"答复期限已于 {running:yyyy-MM-dd} 届满；合理答复期限须在期限届满前确定（条例第三十五条）。");
        if (replyOn <= ReceivedOn) throw new CaseRuleException("replyOn", "合理答复期限须晚于收到申请之日。");
        if (replyOn <= today) throw new CaseRuleException("replyOn", "合理答复期限须晚于今天。");
        Details.Article35DecidedOn = today;
        if (string.IsNullOrWhiteSpace(reason)) throw new CaseRuleException("reason", "须说明确定该期限的理由。");
        Article35ReplyOn = replyOn;
        Details.Article35Reason = reason.Trim();
    }

    public void RequestExtension(int days, string reason, string actor, DateOnly today)
    {
        EnsureOpen();
        if (Details.Extension is not null) throw new CaseRuleException("days", "延期答复只能一次（条例第三十三条第二款）。");
        if (days is < 1 or > StatutoryPeriods.MaxExtensionWorkingDays) throw new CaseRuleException("days", "延长的期限最长不得超过 20 个工作日。");
        if (string.IsNullOrWhiteSpace(reason)) throw new CaseRuleException("reason", "须说明延期理由。");
        if (ReplyDueOn is { } due && today > due) throw new CaseRuleException("days", $"答复期限已于 {due:yyyy-MM-dd} 届满，不能再延期。");
        Details.Extension = new ExtensionRequest(days, reason.Trim(), actor, today);
    }

    /// <summary>Approval and the notice to the applicant must both happen before the running deadline expires; both are
    /// dated today (<paramref name="today"/>, the server's date: the notice goes out with the approval).</summary>
    public void DecideExtension(bool approve, string actor, DateOnly today)
    {
        var request = Details.Extension ?? throw new CaseRuleException("state", "没有待审批的延期申请。");
        if (request.Approved is not null) throw new CaseRuleException("state", "延期申请已审批。");
        DateOnly? notifiedOn = null;
        if (approve)
        {
            if (ReplyDueOn is { } due && today > due) throw new CaseRuleException("state", $"答复期限已于 {due:yyyy-MM-dd} 届满，不能再批准延期（条例第三十三条第二款）。");
            notifiedOn = today;
            ExtensionDays = request.Days;
        }
        Details.Extension = request with { Approved = approve, DecidedBy = actor, DecidedOn = today, NotifiedOn = notifiedOn };
        if (!approve) Details.Extension = null; // a refused request does not use up the one extension
    }

    public bool ExtensionRequested => Details.Extension is { Approved: null };

    public bool ExtensionAvailable(DateOnly today) => Details.Extension is null && !IsConcluded && (ReplyDueOn is not { } due || today <= due);

    // ---- reply ----

    public Draft CurrentDraft => Details.Drafts.LastOrDefault(d => d.Round == Round)
        ?? throw new CaseRuleException("state", "尚无答复草稿。");

    /// <summary>A draft reply. With <paramref name="items"/> each item has its own outcome and the case's outcome follows
    /// §2.6 (<see cref="ReplyItems.CaseOutcome"/>); an <paramref name="outcome"/> given as well must be that one. Without
    /// items the outcome answers the whole application, as one item.</summary>
    public Draft SubmitDraft(string? outcome, string text, string actor, DateTime nowUtc, IReadOnlyList<ItemOutcome>? items = null, int? mainItem = null)
    {
        EnsureOpen();
        if (string.IsNullOrWhiteSpace(text)) throw new CaseRuleException("text", "答复书正文不能为空。");
        var listed = ReplyItemsFor(outcome, items);
        var decision = ReplyItems.CaseOutcome(listed, items is { Count: > 0 } ? mainItem : null);
        if (items is { Count: > 0 } && outcome is not null)
        {
            if (!Outcomes.Outcomes.TryParse(outcome, out var typed)) throw new CaseRuleException("outcome", $"“{outcome}”不是办理结果代码。");
            if (typed != decision.Outcome)
                throw new CaseRuleException("outcome", $"办理结果由各事项得出，应为“{decision.Outcome.Label}”：{decision.Rule}可不填写此项。");
        }
        var o = decision.Outcome;
        if ((o.RefusesDisclosure || listed.Any(x => Outcomes.Outcomes.Find(x.Outcome).RefusesDisclosure)) && !text.Contains("行政复议", StringComparison.Ordinal))
            throw new CaseRuleException("text", "不予公开的答复须告知申请人应当先申请行政复议（行政复议法第二十三条）。");
        var draft = new Draft(Details.Drafts.Count + 1, Round, o.Code, text, actor, nowUtc,
            Items: listed, MainItem: items is { Count: > 0 } ? mainItem : null, OutcomeRule: decision.Rule);
        Details.Drafts.Add(draft);
        return draft;
    }

    /// <summary>The items a draft answers: those given (an item left blank takes the registered item at its place), or the
    /// whole application as one item with the draft's outcome.</summary>
    private List<ItemOutcome> ReplyItemsFor(string? outcome, IReadOnlyList<ItemOutcome>? items)
    {
        if (items is not { Count: > 0 })
        {
            if (string.IsNullOrWhiteSpace(outcome)) throw new CaseRuleException("outcome", "必填。");
            if (!Outcomes.Outcomes.TryParse(outcome, out var single)) throw new CaseRuleException("outcome", $"“{outcome}”不是办理结果代码。");
            return [new ItemOutcome(Details.RequestedItems.Count == 1 ? Details.RequestedItems[0] : RequestedInformation, single.Code)];
        }
        if (items.Count > ReplyItems.MaxItems) throw new CaseRuleException("items", $"一份答复最多 {ReplyItems.MaxItems} 个事项。");
        if (items.Count < Details.RequestedItems.Count)
            throw new CaseRuleException("items", $"申请列有 {Details.RequestedItems.Count} 个事项，每个事项都须有办理结果（现有 {items.Count} 个）。");
        var listed = new List<ItemOutcome>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var x = items[i];
            var text = string.IsNullOrWhiteSpace(x.Item) && i < Details.RequestedItems.Count ? Details.RequestedItems[i] : x.Item?.Trim() ?? "";
            var item = x with
            {
                Item = text,
                Reasons = Blank(x.Reasons),
                ResponsibleAgency = Blank(x.ResponsibleAgency),
                ResponsibleAgencyContact = Blank(x.ResponsibleAgencyContact),
            };
            ReplyItems.CheckItem(item, i);
            listed.Add(item with { Outcome = Outcomes.Outcomes.Find(item.Outcome).Code });
        }
        return listed;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public void ReviewDraft(bool approve, string reviewer, string? comments)
    {
        if (!approve && string.IsNullOrWhiteSpace(comments)) throw new CaseRuleException("comments", "退回须写明修改意见。");
        var d = CurrentDraft;
        Details.Drafts[^1] = d with { ReviewResult = approve ? "Approved" : "Returned", Reviewer = reviewer, ReviewComments = comments };
    }

    public void SignOff(string head, DateOnly? today = null) => Details.Drafts[^1] = CurrentDraft with { SignedOffBy = head, SignedOffOn = today };

    public void Deliver(DeliveryMethod method, DateOnly deliveredOn)
    {
        var draft = CurrentDraft;
        if (deliveredOn < ReceivedOn) throw new CaseRuleException("deliveredOn", "送达日期不能早于收到申请之日。");
        if (OpenRound is { } round && deliveredOn < round.DecisionReceivedOn)
            throw new CaseRuleException("deliveredOn", $"重新答复的送达日期不能早于收到复议或诉讼结果之日 {round.DecisionReceivedOn:yyyy-MM-dd}。");
        Details.Deliveries.Add(new Delivery(Round, method, deliveredOn, draft.Outcome));
        Conclude(draft.Outcome, deliveredOn);
    }

    public void ReplyOnTheSpot(string? outcome, string text, string actor, DateTime nowUtc, IReadOnlyList<ItemOutcome>? items = null, int? mainItem = null)
    {
        EnsureOnTheSpotPossible(ReceivedOn);
        var draft = SubmitDraft(outcome, text, actor, nowUtc, items, mainItem);
        Details.Deliveries.Add(new Delivery(Round, DeliveryMethod.InPerson, ReceivedOn, draft.Outcome));
        Conclude(draft.Outcome, ReceivedOn);
    }

    /// <summary>当场答复 only to an applicant present in person, on the day the application is received (domain.md §2.8).</summary>
    public void EnsureOnTheSpotPossible(DateOnly today)
    {
        EnsureOpen();
        if (Channel != Channel.InPerson) throw new CaseRuleException("state", "只有当面提出的申请才能当场答复。");
        if (today != ReceivedOn) throw new CaseRuleException("state", "当场答复须在收到申请的当日办结。");
    }

    public void Withdraw(DateOnly withdrawnOn, string? reason)
    {
        EnsureOpen();
        if (withdrawnOn < ReceivedOn) throw new CaseRuleException("withdrawnOn", "撤回日期不能早于收到申请之日。");
        Details.WithdrawalReason = reason;
        foreach (var p in Details.Pauses.Where(p => p.To is null).ToList()) ClosePause(p.Ref, withdrawnOn);
        Conclude(Outcomes.Outcomes.OtherOther.Code, withdrawnOn);
    }

    public void Void(string reason)
    {
        if (IsVoid) throw new CaseRuleException("state", "本案已作废。");
        if (string.IsNullOrWhiteSpace(reason)) throw new CaseRuleException("reason", "作废须说明理由。");
        if (Details.Proceedings.Count > 0) throw new CaseRuleException("state", "本案已登记行政复议或诉讼，不能作废（domain.md §2.10）。");
        IsVoid = true;
        VoidReason = reason.Trim();
    }

    // ---- after the reply ----

    /// <summary>A review or lawsuit can concern a case in any state (a suit over a missed deadline comes while it is
    /// open, domain.md §2.9); which states offer it is the definition's choice. A lawsuit after review may name the
    /// review on this case it follows.</summary>
    public Proceeding RecordProceeding(ProceedingKind kind, string body, DateOnly filedOn, DateOnly copyReceivedOn, bool simpleProcedure, WorkingDayCalendar calendar,
        int? reviewId = null)
    {
        if (IsVoid) throw new CaseRuleException("state", "本案已作废。");
        if (string.IsNullOrWhiteSpace(body)) throw new CaseRuleException("body", "须填写复议机关或法院。");
        if (copyReceivedOn < filedOn) throw new CaseRuleException("copyReceivedOn", "收到副本日期不能早于申请或起诉日期。");
        if (reviewId is { } rid)
        {
            if (kind != ProceedingKind.LawsuitAfterReview)
                throw new CaseRuleException("reviewId", "只有“复议后起诉”的行政诉讼才关联行政复议。");
            var review = Details.Proceedings.FirstOrDefault(x => x.Id == rid && x.Kind == ProceedingKind.Review)
                ?? throw new CaseRuleException("reviewId", $"本案没有编号为 {rid} 的行政复议。");
            if (review.DecidedOn is not { } decided)
                throw new CaseRuleException("reviewId", "该行政复议尚未作出决定，不能复议后起诉（行政诉讼法第四十五条）。");
            if (filedOn < decided) throw new CaseRuleException("filedOn", $"起诉日期不能早于复议决定日期 {decided:yyyy-MM-dd}。");
        }
        var simple = simpleProcedure && kind == ProceedingKind.Review;
        var p = new Proceeding(Details.Proceedings.Count + 1, kind, body.Trim(), filedOn, copyReceivedOn, simple, ProceedingResponseDue(calendar, kind, copyReceivedOn, simple),
            ReviewId: reviewId);
        Details.Proceedings.Add(p);
        return p;
    }

    /// <summary>The agency's written reply to a review (10, or 5 working days in the simple procedure) or its defence
    /// in a lawsuit (15 calendar days, rolled forward to a working day), from the day it received the copy.</summary>
    public static DateOnly ProceedingResponseDue(WorkingDayCalendar calendar, ProceedingKind kind, DateOnly copyReceivedOn, bool simpleProcedure) =>
        kind == ProceedingKind.Review
            ? StatutoryPeriods.ReviewReplyDue(calendar, copyReceivedOn, simpleProcedure).Date
            : StatutoryPeriods.LawsuitDefenceDue(calendar, copyReceivedOn).Date;

    public bool HasPendingProceeding => Details.Proceedings.Any(p => p.Result is null);

    /// <summary>Records the result; a corrected result (纠正) reopens the case for a new reply round.</summary>
    public bool RecordProceedingResult(int id, ProceedingResult result, DateOnly decidedOn)
    {
        var i = Details.Proceedings.FindIndex(p => p.Id == id && p.Result is null);
        if (i < 0) throw new CaseRuleException("proceedingId", $"没有编号为 {id} 的未审结复议或诉讼。");
        if (decidedOn < Details.Proceedings[i].FiledOn) throw new CaseRuleException("decidedOn", "结果日期不能早于申请或起诉日期。");
        Details.Proceedings[i] = Details.Proceedings[i] with { Result = result, DecidedOn = decidedOn };
        if (result != ProceedingResult.Corrected) return false;
        Reopen(decidedOn);
        return true;
    }

    private void Conclude(string outcome, DateOnly on)
    {
        // A re-reply round ends with its own outcome; the case keeps its first conclusion (domain.md §5).
        if (CloseOpenRound(outcome, on)) return;
        Outcome = outcome;
        ConcludedOn = on;
    }

    private void EnsureOpen()
    {
        if (IsConcluded && OpenRound is null) throw new CaseRuleException("state", "本案已办结。");
        if (IsVoid) throw new CaseRuleException("state", "本案已作废。");
    }

    private int OpenConsultation(int id)
    {
        var i = Details.Consultations.FindIndex(c => c.Id == id && c.RepliedOn is null);
        return i >= 0 ? i : throw new CaseRuleException("consultationId", $"没有编号为 {id} 的待回复征求意见。");
    }

    private void ClosePause(string reference, DateOnly on)
    {
        var i = Details.Pauses.FindIndex(p => p.Ref == reference && p.To is null);
        if (i >= 0) Details.Pauses[i] = Details.Pauses[i] with { To = on < Details.Pauses[i].From ? Details.Pauses[i].From : on };
    }
}
