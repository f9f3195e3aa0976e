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
    public const string ReplyReminderKey = "reply-reminder";
    public const string OverdueKey = "overdue";

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    /// <param name="today">China date of the computation. Reply reminders and the daily overdue escalation are
    /// chains: only the next link is a row (the first date on or after today that has not fired yet), and firing
    /// one arms the next.</param>
    /// <param name="fired">whether a timer with this key already fired for this date</param>
    public static IReadOnlyList<TimerSpec> Desired(DisclosureRequest c, WorkflowDefinition def, WorkingDayCalendar calendar, DateOnly today,
        Func<string, DateOnly, bool>? fired = null)
    {
        fired ??= (_, _) => false;
        var timers = new List<TimerSpec>();
        if (c.IsVoid) return timers;
        var d = c.Details;

        if (!c.IsConcluded)
        {
            if (c.ReplyDueOn is { } due)
            {
                var reminder = def.Settings.ReplyReminderWorkingDaysBefore.OrderDescending()
                    .Select(n => (Days: n, On: calendar.AddWorkingDays(due, -n).Date))
                    .FirstOrDefault(r => r.On >= today && !fired(ReplyReminderKey, r.On));
                if (reminder.On != default)
                    timers.Add(new(ReplyReminderKey, "ReplyReminder", reminder.On, null, reminder.Days.ToString(System.Globalization.CultureInfo.InvariantCulture)));

                var overdueOn = calendar.NextWorkingDayOnOrAfter(Max(calendar.AddWorkingDays(due, 1).Date, today)).Date;
                while (fired(OverdueKey, overdueOn)) overdueOn = calendar.AddWorkingDays(overdueOn, 1).Date;
                timers.Add(new(OverdueKey, "Overdue", overdueOn, null, null));
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
