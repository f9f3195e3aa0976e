using CaseFlow.Domain.Calendar;
using CaseFlow.Domain.Cases;
using CaseFlow.Workflows.Definitions;

namespace CaseFlow.Workflows.Engine;

/// <summary>A timer a case should have now. <see cref="Action"/> is the System action it fires, if any;
/// otherwise it is a reminder. <see cref="Key"/> identifies it across recomputations.</summary>
public sealed record TimerSpec(string Key, string Kind, DateOnly DueOn, string? Action, string? Payload);

/// <summary>Timers are derived from the case, never edited by hand: after every step (and after a calendar or
/// definition change) the caller replaces the case's pending timers with this set.</summary>
public static class CaseTimers
{
    /// <param name="today">China date of the computation: the daily overdue escalation is armed for the first
    /// working day on or after it (and never before the first day past the deadline).</param>
    public static IReadOnlyList<TimerSpec> Desired(DisclosureRequest c, WorkflowDefinition def, WorkingDayCalendar calendar, DateOnly today)
    {
        var timers = new List<TimerSpec>();
        if (c.IsVoid) return timers;
        var d = c.Details;

        if (!c.IsConcluded)
        {
            if (c.ReplyDueOn is { } due)
            {
                foreach (var before in def.Settings.ReplyReminderWorkingDaysBefore)
                    timers.Add(new($"reply-reminder:{before}", "ReplyReminder", calendar.AddWorkingDays(due, -before).Date, null, before.ToString()));
                var firstOverdue = calendar.AddWorkingDays(due, 1).Date;
                var overdueOn = today > firstOverdue ? calendar.NextWorkingDayOnOrAfter(today).Date : firstOverdue;
                timers.Add(new($"overdue:{overdueOn:yyyy-MM-dd}", "Overdue", overdueOn, null, null));
            }
            if (d.Correction is null && c.CorrectionReceivedOn is null)
                timers.Add(new("correction-notice-due", "CorrectionNoticeDue", c.CorrectionNoticeDueOn, null, null));
            if (d.Correction is { } notice && c.CorrectionReceivedOn is null)
                timers.Add(new("correction-expired", "CorrectionExpired", notice.DueOn.AddDays(1), "expireCorrection", null));
            foreach (var k in d.Consultations.Where(k => k.RepliedOn is null))
                timers.Add(new($"consultation-expired:{k.Id}", "ConsultationExpired", k.DueOn.AddDays(1), "expireConsultation", $"{{\"consultationId\":{k.Id}}}"));
            if (d.Fee is { PaidOn: null, Expired: false } fee)
                timers.Add(new("fee-expired", "FeePaymentExpired", fee.PaymentDueOn.AddDays(1), "expireFeePayment", null));
            foreach (var h in d.CoHandlings.Where(h => h.RepliedOn is null && h.DueOn is not null))
                timers.Add(new($"co-handling-due:{h.Id}", "CoHandlingDue", h.DueOn!.Value, null, null));
        }
        foreach (var p in d.Proceedings.Where(p => p.Result is null))
            timers.Add(new($"proceeding-due:{p.Id}", p.Kind == ProceedingKind.Review ? "ReviewReplyDue" : "LawsuitDefenceDue", p.ResponseDueOn, null, null));
        return timers;
    }
}
