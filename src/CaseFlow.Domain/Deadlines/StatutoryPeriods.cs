using CaseFlow.Domain.Calendar;

namespace CaseFlow.Domain.Deadlines;

/// <summary>The fixed periods of domain.md §2–3. Every working-day period uses the same counting
/// convention: the starting day is day 0 and the deadline is the N-th working day after it.</summary>
public static class StatutoryPeriods
{
    public const int ReplyWorkingDays = 20;              // art 33 ¶2
    public const int MaxExtensionWorkingDays = 20;       // art 33 ¶2
    public const int CorrectionNoticeWorkingDays = 7;    // art 30
    public const int DefaultCorrectionPeriodWorkingDays = 15; // project convention, configurable per agency
    public const int ConsultationWorkingDays = 15;       // art 32, art 34
    public const int FeePaymentWorkingDays = 20;         // 国办函〔2020〕109号
    public const int ReviewReplyWorkingDays = 10;        // 行政复议法 art 48
    public const int ReviewReplySimpleWorkingDays = 5;   // 行政复议法 art 54
    public const int LawsuitDefenceCalendarDays = 15;    // 行政诉讼法 art 67

    public static WorkingDayResult CorrectionNoticeDue(WorkingDayCalendar calendar, DateOnly receivedOn) =>
        calendar.AddWorkingDays(receivedOn, CorrectionNoticeWorkingDays);

    public static WorkingDayResult CorrectionPeriodDue(WorkingDayCalendar calendar, DateOnly noticeDeliveredOn, int periodWorkingDays = DefaultCorrectionPeriodWorkingDays) =>
        calendar.AddWorkingDays(noticeDeliveredOn, periodWorkingDays);

    public static WorkingDayResult ConsultationDue(WorkingDayCalendar calendar, DateOnly consulteeReceivedOn) =>
        calendar.AddWorkingDays(consulteeReceivedOn, ConsultationWorkingDays);

    public static WorkingDayResult FeePaymentDue(WorkingDayCalendar calendar, DateOnly noticeReceivedOn) =>
        calendar.AddWorkingDays(noticeReceivedOn, FeePaymentWorkingDays);

    public static WorkingDayResult ReviewReplyDue(WorkingDayCalendar calendar, DateOnly copyReceivedOn, bool simpleProcedure) =>
        calendar.AddWorkingDays(copyReceivedOn, simpleProcedure ? ReviewReplySimpleWorkingDays : ReviewReplyWorkingDays);

    public static WorkingDayResult LawsuitDefenceDue(WorkingDayCalendar calendar, DateOnly complaintReceivedOn) =>
        CalendarDaysRolledForward(calendar, complaintReceivedOn, LawsuitDefenceCalendarDays);

    /// <summary>N calendar days after <paramref name="from"/>; a last day that is a rest day moves to the next working day.</summary>
    public static WorkingDayResult CalendarDaysRolledForward(WorkingDayCalendar calendar, DateOnly from, int days)
    {
        var result = calendar.NextWorkingDayOnOrAfter(from.AddDays(days));
        return result with { Provisional = result.Provisional || !calendar.IsLoaded(from.Year) };
    }
}
