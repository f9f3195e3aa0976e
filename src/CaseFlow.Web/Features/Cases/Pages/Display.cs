using System.Globalization;
using CaseFlow.Domain.Calendar;

namespace CaseFlow.Web.Features.Cases.Pages;

/// <summary>How the pages write dates and deadline states (ui-guide.md: YYYY-MM-DD, 星期X beside a deadline,
/// colour and words for the deadline state).</summary>
public static class Display
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    public static string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    public static string Weekday(DateOnly d) => Chinese.DateTimeFormat.GetDayName(d.DayOfWeek);

    public static string DateWithWeekday(DateOnly? d) => d is { } x ? $"{Date(x)}（{Weekday(x)}）" : "—";

    /// <summary>An instant (UTC) as China time, minute precision.</summary>
    public static string ChinaTime(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).AddHours(8).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public enum Urgency { Overdue, Within3, Within5, Paused, Normal, Closed }

    public sealed record DueState(Urgency Urgency, string Words, int? RemainingWorkingDays)
    {
        public string CssClass => Urgency switch
        {
            Urgency.Overdue => "overdue",
            Urgency.Within3 => "3",
            Urgency.Within5 => "5",
            Urgency.Paused => "paused",
            _ => "normal",
        };
    }

    /// <summary>The deadline state of an open case on <paramref name="today"/>. <paramref name="pausedBy"/> names what
    /// stopped the clock (征求意见, 缴费, 补正) or is null when it runs.</summary>
    public static DueState Due(DateOnly? dueOn, DateOnly today, bool concluded, bool isVoid, string? pausedBy, WorkingDayCalendar calendar)
    {
        if (isVoid) return new(Urgency.Closed, "已作废", null);
        if (concluded) return new(Urgency.Closed, "已办结", null);
        if (pausedBy is not null) return new(Urgency.Paused, $"中止计算（{pausedBy}）", null);
        if (dueOn is not { } due) return new(Urgency.Normal, "正常", null);
        if (due < today) return new(Urgency.Overdue, $"已超期{calendar.CountWorkingDays(due, today)}个工作日", -calendar.CountWorkingDays(due, today));
        var remaining = calendar.CountWorkingDays(today, due);
        return remaining switch
        {
            <= 3 => new(Urgency.Within3, "3个工作日内到期", remaining),
            <= 5 => new(Urgency.Within5, "5个工作日内到期", remaining),
            _ => new(Urgency.Normal, "正常", remaining),
        };
    }

    /// <summary>What stops the clock now: an open consultation, the fee wait, or a pending correction.</summary>
    public static string? PausedBy(string state, Domain.Cases.CaseDetails details)
    {
        var reasons = new List<string>();
        if (details.Consultations.Any(c => c.RepliedOn is null)) reasons.Add("征求意见");
        if (state == "awaitingPayment" || details.Pauses.Any(p => p.To is null && p.Kind == Domain.Deadlines.PauseKind.FeeWait)) reasons.Add("缴费");
        // A notice after the 7th working day stops nothing: the reply deadline keeps running (domain.md §2.2).
        if (state == "awaitingCorrection" && details.Correction is not { SentLate: true }) reasons.Add("补正");
        return reasons.Count == 0 ? null : string.Join("、", reasons);
    }

    /// <summary>A draft's legal review as the pages say it (the stored result is an English code).</summary>
    public static string ReviewResult(string? result, string? reviewer) => result switch
    {
        "Approved" => $"已审核通过（{reviewer}）",
        "Returned" => $"已退回修改（{reviewer}）",
        _ => "待审核",
    };

    public static string Truncate(string text, int length) => text.Length <= length ? text : text[..length] + "…";
}
