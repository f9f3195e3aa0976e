using System.Globalization;
using CaseFlow.Domain.Calendar;

namespace CaseFlow.Domain.Deadlines;

public enum PauseKind
{
    Unspecified,
    ThirdPartyConsultation,
    AgencyConsultation,
    FeeWait,
}

/// <summary>A period not counted in the reply deadline: working days d with From &lt; d ≤ To are left out.
/// <see cref="To"/> is null while the pause is still open.</summary>
public sealed record ClockPause(DateOnly From, DateOnly? To, PauseKind Kind = PauseKind.Unspecified);

public sealed record ReplyClockInput(
    DateOnly ReceivedOn,
    DateOnly? CorrectionReceivedOn = null,
    IReadOnlyList<ClockPause>? Pauses = null,
    int ExtensionDays = 0,
    DateOnly? Article35ReplyOn = null,
    DateOnly? ReopenedOn = null)
{
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (CorrectionReceivedOn is { } c && c < ReceivedOn)
            errors.Add(new("correctionReceivedOn", "补正后申请的收到日期不能早于原申请收到日期。"));
        if (ExtensionDays is < 0 or > StatutoryPeriods.MaxExtensionWorkingDays)
            errors.Add(new("extensionDays", $"延期须在 0 至 {StatutoryPeriods.MaxExtensionWorkingDays} 个工作日之间。"));
        if (Article35ReplyOn is { } a && a < ReceivedOn)
            errors.Add(new("article35ReplyOn", "第三十五条确定的答复日期不能早于收到申请之日。"));
        var pauses = Pauses ?? [];
        for (var i = 0; i < pauses.Count; i++)
        {
            if (pauses[i].To is { } to && to < pauses[i].From)
                errors.Add(new($"pauses[{i}].to", "中止期间的结束日期早于开始日期。"));
            if (pauses[i].From < ReceivedOn)
                errors.Add(new($"pauses[{i}].from", "中止期间不能早于收到申请之日开始。"));
        }
        if (pauses.Count(p => p.To is null) > 1)
            errors.Add(new("pauses", "同一时间只能有一个尚未结束的中止期间。"));
        return errors;
    }
}

/// <summary>The reply deadline of one case. While a pause is open there is no date: <see cref="DaysUsed"/>
/// and <see cref="DaysRemaining"/> say where the clock stopped.</summary>
public sealed record ReplyClock(
    DateOnly DayZero,
    int WorkingDays,
    DateOnly? DueOn,
    bool Provisional,
    bool Paused,
    int? DaysUsed,
    int? DaysRemaining,
    IReadOnlyList<string> Explanation);

/// <summary>The statutory clock (domain.md §3): pure, deterministic, explained in Chinese line by line.</summary>
public static class StatutoryClock
{
    public static ReplyClock Reply(WorkingDayCalendar calendar, ReplyClockInput input, bool explain = true)
    {
        var dayZero = input.ReopenedOn ?? input.CorrectionReceivedOn ?? input.ReceivedOn;
        var total = StatutoryPeriods.ReplyWorkingDays + input.ExtensionDays;
        var pauses = input.Pauses ?? [];

        // Pauses as (from, to] day-number intervals; an open pause runs to int.MaxValue.
        Span<(int From, int To)> spans = pauses.Count <= 16 ? stackalloc (int, int)[pauses.Count] : new (int, int)[pauses.Count];
        for (var i = 0; i < pauses.Count; i++)
            spans[i] = (pauses[i].From.DayNumber, pauses[i].To?.DayNumber ?? int.MaxValue);

        var year = dayZero.Year;
        var nextYearStart = new DateOnly(year + 1, 1, 1).DayNumber;
        var provisional = !calendar.IsLoaded(year);
        var counted = 0;
        var d = dayZero.DayNumber;
        DateOnly? due = null;
        var paused = false;
        while (true)
        {
            d++;
            if (d >= nextYearStart)
            {
                year++;
                nextYearStart = new DateOnly(year + 1, 1, 1).DayNumber;
                provisional |= !calendar.IsLoaded(year);
            }
            if (!calendar.IsWorkingDayNumber(d)) continue;
            var excluded = false;
            foreach (var (from, to) in spans)
            {
                if (d <= from || d > to) continue;
                if (to == int.MaxValue) paused = true;
                excluded = true;
            }
            if (paused) break;
            if (excluded) continue;
            if (++counted == total)
            {
                due = DateOnly.FromDayNumber(d);
                break;
            }
        }

        if (input.Article35ReplyOn is { } art35)
        {
            // The art 35 date replaces the statutory count entirely.
            due = art35;
            paused = false;
            provisional = false;
        }

        var clock = new ReplyClock(
            dayZero, total, due, provisional, paused,
            paused ? counted : null,
            paused ? total - counted : null,
            []);
        return explain ? clock with { Explanation = Explain(calendar, input, clock) } : clock;
    }

    private static bool IsInClosedPause(IReadOnlyList<ClockPause> pauses, DateOnly d)
    {
        for (var i = 0; i < pauses.Count; i++)
            if (pauses[i].To is { } to && d > pauses[i].From && d <= to) return true;
        return false;
    }

    private static List<string> Explain(WorkingDayCalendar calendar, ReplyClockInput input, ReplyClock clock)
    {
        var lines = new List<string>();
        if (input.ReopenedOn is { } reopened)
        {
            lines.Add($"{Day(input.ReceivedOn)} 收到申请");
            lines.Add($"{Day(reopened)} 行政复议或诉讼结果为纠正，重新答复，期限自该日重新计算（第0日）");
        }
        else if (input.CorrectionReceivedOn is { } corrected)
        {
            lines.Add($"{Day(input.ReceivedOn)} 收到申请");
            lines.Add($"{Day(corrected)} 收到补正后的申请，答复期限自该日重新计算（第0日）");
        }
        else
        {
            lines.Add($"{Day(input.ReceivedOn)} 收到申请（第0日）");
        }

        if (input.Article35ReplyOn is { } art35)
        {
            lines.Add($"依条例第三十五条确定合理的答复期限，答复期限为 {Day(art35)}");
            return lines;
        }

        lines.Add($"答复期限为收到申请之日起{StatutoryPeriods.ReplyWorkingDays}个工作日（条例第三十三条第二款）");
        if (input.ExtensionDays > 0)
            lines.Add($"经政府信息公开工作机构负责人同意延长答复期限{input.ExtensionDays}个工作日（条例第三十三条第二款）");

        var end = clock.DueOn ?? DateOnly.MaxValue;
        var pauses = (input.Pauses ?? []).OrderBy(p => p.From).ToList();
        var sum = 0;
        foreach (var p in pauses)
        {
            var label = PauseLabel(p.Kind);
            if (p.To is { } to)
            {
                var n = CountExcluded(calendar, clock.DayZero, p.From, to < end ? to : end);
                sum += n;
                lines.Add($"{Iso(p.From)} 至 {Iso(to)} {label}，不计入答复期限（{n}个工作日）");
            }
            else
            {
                lines.Add($"{Iso(p.From)} 起 {label}，尚未结束，答复期限中止计算");
            }
        }
        var closed = pauses.Where(p => p.To is not null).ToList();
        if (closed.Count > 1)
        {
            var distinct = 0;
            for (var d = clock.DayZero.AddDays(1); d <= end && d <= closed.Max(p => p.To!.Value); d = d.AddDays(1))
                if (calendar.IsWorkingDay(d) && IsInClosedPause(closed, d)) distinct++;
            if (distinct != sum)
                lines.Add($"上述期间有重叠，重叠的工作日只计一次，共不计入{distinct}个工作日");
        }

        if (clock.Paused)
            lines.Add($"期限中止中：已用{clock.DaysUsed}个工作日，剩余{clock.DaysRemaining}个工作日");
        else
            lines.Add($"答复期限届满日：{Day(clock.DueOn!.Value)}（第{clock.WorkingDays}个计入的工作日）");

        if (clock.Provisional)
        {
            // The computation looked at dates up to the due date or, while paused, up to the start of the open pause.
            var lastSeen = clock.DueOn ?? (input.Pauses ?? []).Where(p => p.To is null).Select(p => p.From).DefaultIfEmpty(clock.DayZero).Max();
            if (lastSeen < clock.DayZero) lastSeen = clock.DayZero;
            var missing = Enumerable.Range(clock.DayZero.Year, lastSeen.Year - clock.DayZero.Year + 1)
                .Where(y => !calendar.IsLoaded(y));
            lines.Add($"注意：{string.Join("、", missing)}年的节假日安排尚未载入，仅按周六、周日休息计算，结果为暂定");
        }
        return lines;
    }

    private static int CountExcluded(WorkingDayCalendar calendar, DateOnly dayZero, DateOnly from, DateOnly to)
    {
        var start = from > dayZero ? from : dayZero;
        return to > start ? calendar.CountWorkingDays(start, to) : 0;
    }

    private static string PauseLabel(PauseKind kind) => kind switch
    {
        PauseKind.ThirdPartyConsultation => "征求第三方意见",
        PauseKind.AgencyConsultation => "征求其他机关意见",
        PauseKind.FeeWait => "等待缴纳信息处理费",
        _ => "中止计算",
    };

    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    private static string Day(DateOnly d) => $"{Iso(d)}（{Chinese.DateTimeFormat.GetDayName(d.DayOfWeek)}）";

    // Legal dates are Gregorian whatever the server's culture (th-TH would otherwise print Buddhist-era years).
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
