using System.Globalization;
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
    public const string OverdueKind = "Overdue";
    public const string RoundReminderKind = "RoundReplyReminder";
    public const string RoundOverdueKind = "RoundOverdue";

    /// <summary>The daily escalation of an overdue case on <paramref name="on"/> (one key per day).</summary>
    public static TimerSpec Overdue(DateOnly on) => new($"overdue:{on:yyyy-MM-dd}", OverdueKind, on, null, null);

    /// <summary>A reminder for a day before <paramref name="today"/> is not armed anew (a late registration, a date
    /// moved back): it would arrive with a wrong text ("5 working days left", "due today"). One already armed for
    /// that day stays, so a sweep after downtime still catches it up. Expiry actions and the escalation always run.</summary>
    public static bool TooLateToArm(TimerSpec t, DateOnly today) => t.Action is null && t.Kind != OverdueKind && t.DueOn < today;

    /// <param name="today">China date of the computation: the daily overdue escalation is armed for the first
    /// working day on or after it (and never before the first day past the deadline).</param>
    public static IReadOnlyList<TimerSpec> Desired(DisclosureRequest c, WorkflowDefinition def, WorkingDayCalendar calendar, DateOnly today)
    {
        var timers = new List<TimerSpec>();
        if (c.IsVoid) return timers;
        var d = c.Details;

        if (!c.IsConcluded)
        {
            // While the applicant corrects, no reply deadline runs: it restarts from the corrected application (art 30).
            // A notice sent after the 7th working day restarts nothing: the reply deadline keeps running and reminding.
            var awaitingCorrection = d.Correction is { SentLate: false } && c.CorrectionReceivedOn is null;
            if (c.ReplyDueOn is { } due && !awaitingCorrection)
            {
                foreach (var before in def.Settings.ReplyReminderWorkingDaysBefore)
                    timers.Add(new($"reply-reminder:{before}", "ReplyReminder", calendar.AddWorkingDays(due, -before).Date, null, before.ToString(CultureInfo.InvariantCulture)));
                var firstOverdue = calendar.AddWorkingDays(due, 1).Date;
                timers.Add(Overdue(today > firstOverdue ? calendar.NextWorkingDayOnOrAfter(today).Date : firstOverdue));
            }
            if (d.Correction is null && c.CorrectionReceivedOn is null)
                timers.Add(new("correction-notice-due", "CorrectionNoticeDue", c.CorrectionNoticeDueOn, null, null));
            // v1 concludes by itself the day after the period; a definition without the System action (v2) reminds the
            // officer to confirm abandonment or accept a late correction.
            var correctionFires = def.Action(Registry.ExpireCorrection) is not null;
            if (d.Correction is { DueOn: { } correctionDue } && c.CorrectionReceivedOn is null)
                timers.Add(correctionFires
                    ? new("correction-expired", "CorrectionExpired", correctionDue.AddDays(1), Registry.ExpireCorrection, null)
                    : new("correction-ended", "CorrectionPeriodEnded", correctionDue.AddDays(1), null, null));
            if (c.CorrectionNoticeUndelivered && d.Correction is { } undelivered)
                timers.Add(new("correction-undelivered", "CorrectionNoticeUndelivered", calendar.AddWorkingDays(undelivered.SentOn, 3).Date, null, null));
            foreach (var k in d.Consultations.Where(k => k.RepliedOn is null))
                timers.Add(new($"consultation-expired:{k.Id}", "ConsultationExpired", k.DueOn.AddDays(1), Registry.ExpireConsultation, $"{{\"consultationId\":{k.Id}}}"));
            if (d.Fee is { PaidOn: null, Expired: false } fee)
                timers.Add(def.Action(Registry.ExpireFeePayment) is not null
                    ? new("fee-expired", "FeePaymentExpired", fee.PaymentDueOn.AddDays(1), Registry.ExpireFeePayment, null)
                    : new("fee-ended", "FeePeriodEnded", fee.PaymentDueOn.AddDays(1), null, null));
            foreach (var h in d.CoHandlings.Where(h => h.RepliedOn is null && h.DueOn is not null))
                timers.Add(new($"co-handling-due:{h.Id}", "CoHandlingDue", h.DueOn!.Value, null, null));
        }
        // A re-reply round has its own deadline and the same reminders and escalation as the first reply (§2.9).
        if (c.OpenRound is { } round)
        {
            // Keys carry the round, so a later round arms its reminders afresh; the payload says the round's due date.
            foreach (var before in def.Settings.ReplyReminderWorkingDaysBefore)
                timers.Add(new($"round-{round.Number}-reminder:{before}", RoundReminderKind, calendar.AddWorkingDays(round.DueOn, -before).Date, null,
                    $"{before.ToString(CultureInfo.InvariantCulture)}|{round.DueOn:yyyy-MM-dd}"));
            timers.Add(new($"round-{round.Number}-overdue", RoundOverdueKind, calendar.AddWorkingDays(round.DueOn, 1).Date, null, $"|{round.DueOn:yyyy-MM-dd}"));
        }
        foreach (var p in d.Proceedings.Where(p => p.Result is null))
            timers.Add(new($"proceeding-due:{p.Id}", p.Kind == ProceedingKind.Review ? "ReviewReplyDue" : "LawsuitDefenceDue", p.ResponseDueOn, null, null));
        return timers;
    }

    /// <summary>The timers the case wants now, by key. <paramref name="fired"/> tells whether a timer of that key and
    /// date was already claimed or fired: today's escalation that already went out (a step after it, e.g. at 10:00)
    /// is wanted for the next working day instead.</summary>
    public static Dictionary<string, TimerSpec> Wanted(DisclosureRequest c, WorkflowDefinition def, WorkingDayCalendar calendar, DateOnly today, Func<TimerSpec, bool> fired) =>
        Desired(c, def, calendar, today)
            .Select(s =>
            {
                while (s.Kind == OverdueKind && fired(s)) s = Overdue(calendar.NextWorkingDayOnOrAfter(s.DueOn.AddDays(1)).Date);
                return s;
            })
            .ToDictionary(t => t.Key);

    /// <summary>Whether a wanted timer without a row gets one: not a reminder that already fired for this very date, nor one too late to arm.</summary>
    public static bool Arms(TimerSpec spec, DateOnly today, Func<TimerSpec, bool> fired) => !fired(spec) && !TooLateToArm(spec, today);

    /// <summary>For a new case: nothing has fired yet.</summary>
    public static bool NeverFired(TimerSpec _) => false;
}
