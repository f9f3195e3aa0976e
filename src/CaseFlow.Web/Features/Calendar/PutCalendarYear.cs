using CaseFlow.Web.Hosting;
using System.Security.Claims;
using System.Text.Json;
using CaseFlow.Data;
using CaseFlow.Data.Agencies;
using CaseFlow.Data.Calendar;
using CaseFlow.Data.Identity;
using CaseFlow.Domain;
using CaseFlow.Domain.Calendar;
using CaseFlow.Web.Errors;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Web.Features.Calendar;

/// <summary>Something that must react when the calendar changes (open cases' due dates, timers).</summary>
public interface ICalendarChangeListener
{
    Task CalendarChangedAsync(int year, string? agencyCode, string changedBy, CancellationToken ct);
}

public static class PutCalendarYear
{
    public sealed record DayOffBody(string? Name, DateOnly? From, DateOnly? To);

    public sealed record Body(string? Source, List<DayOffBody>? DaysOff, List<DateOnly>? MakeUpWorkdays);

    /// <summary>PUT /api/calendar/{year}[?agency=CODE] — administrators. Without an agency it replaces the year's
    /// national notice; with one, that agency's local days off for the year. Each call is a new version.</summary>
    public static async Task<GetCalendarYear.Response> Handle(
        int year, string? agency, Body? body, ClaimsPrincipal user, CaseFlowDbContext db, CalendarProvider calendars,
        IEnumerable<ICalendarChangeListener> listeners, TimeProvider time, CancellationToken ct)
    {
        var notice = Validate(year, agency, body);
        if (agency is not null && !await db.Agencies.AnyAsync(a => a.Code == agency, ct))
            throw new ValidationFailedException("agency", $"机关代码“{agency}”不存在。");

        var source = agency is null ? CalendarSource.National : CalendarSource.Local;
        var key = agency ?? CalendarChange.National;
        var changedBy = user.Identity?.Name ?? "unknown";

        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var existing = await db.CalendarDays
                .Where(d => d.NoticeYear == year && d.Source == source && d.AgencyCode == agency)
                .ToListAsync(ct);
            var lastVersion = await db.CalendarChanges.Where(c => c.Year == year && c.AgencyCode == key)
                .MaxAsync(c => (int?)c.Version, ct) ?? 0;
            var before = existing.Count == 0 ? null : CalendarRows.ToNotice(year, null, existing);

            db.CalendarDays.RemoveRange(existing);
            db.CalendarDays.AddRange(CalendarRows.From(notice.ToEntries(source, agency)));
            db.CalendarChanges.Add(new CalendarChange
            {
                Year = year,
                AgencyCode = key,
                Version = lastVersion + 1,
                ChangedBy = changedBy,
                ChangedAtUtc = time.GetUtcNow().UtcDateTime,
                Summary = Summarize(year, agency, existing, notice),
                BeforeJson = before is null ? null : JsonSerializer.Serialize(before, JsonDefaults.Options),
                AfterJson = JsonSerializer.Serialize(notice, JsonDefaults.Options),
            });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }

        calendars.Invalidate();
        foreach (var listener in listeners)
            await listener.CalendarChangedAsync(year, agency, changedBy, ct);
        return await GetCalendarYear.Handle(year, agency, db, calendars, ct);
    }

    private static CalendarYearNotice Validate(int yearNumber, string? agency, Body? body)
    {
        var range = new Input();
        range.YearInRange(yearNumber, "year");
        range.ThrowIfInvalid();
        var errors = new List<FieldError>();
        if (body is null) throw new ValidationFailedException("body", "请求体不能为空。");
        if (body.DaysOff is null) errors.Add(new("daysOff", agency is null ? "必填：放假日期段列表。" : "必填：放假日期段列表（可为空列表）。"));
        // A national notice always announces days off; an empty one would leave the year looking not loaded.
        else if (agency is null && body.DaysOff.Count == 0) errors.Add(new("daysOff", "全国节假日安排至少包含一个放假日期段。"));
        var ranges = new List<DayOffRange>();
        for (var i = 0; i < (body.DaysOff?.Count ?? 0); i++)
        {
            var r = body.DaysOff![i];
            if (r is null) { errors.Add(new($"daysOff[{i}]", "不能为 null。")); continue; }
            if (r.From is null) errors.Add(new($"daysOff[{i}].from", "必填，格式为 YYYY-MM-DD。"));
            if (r.To is null) errors.Add(new($"daysOff[{i}].to", "必填，格式为 YYYY-MM-DD。"));
            if (r.Name is { Length: > 50 }) errors.Add(new($"daysOff[{i}].name", "名称不能超过 50 个字符。"));
            if (r.From is { } f && r.To is { } t) ranges.Add(new DayOffRange(r.Name, f, t));
        }
        var makeUp = body.MakeUpWorkdays ?? [];
        if (agency is not null && makeUp.Count > 0)
            errors.Add(new("makeUpWorkdays", "机关只能增加本地放假日；调休上班日由国务院办公厅通知确定。"));
        if (body.Source is { Length: > 200 }) errors.Add(new("source", "来源不能超过 200 个字符。"));
        ValidationFailedException.ThrowIfAny(errors);

        var notice = new CalendarYearNotice(yearNumber, body.Source, ranges, makeUp);
        ValidationFailedException.ThrowIfAny(notice.Validate());
        return notice;
    }

    private static string Summarize(int year, string? agency, List<CalendarDayRow> before, CalendarYearNotice after)
    {
        var old = before.Select(r => (r.Date, r.Kind)).ToHashSet();
        var now = after.ToEntries(CalendarSource.National).Select(e => (e.Date, e.Kind)).ToHashSet();
        var added = now.Except(old).OrderBy(x => x.Date).ToList();
        var removed = old.Except(now).OrderBy(x => x.Date).ToList();
        static string Show(IEnumerable<(DateOnly Date, CalendarDayKind Kind)> xs) =>
            string.Join("、", xs.Select(x => $"{x.Date:yyyy-MM-dd}{(x.Kind == CalendarDayKind.DayOff ? "放假" : "上班")}"));
        var who = agency is null ? $"{year} 年全国节假日安排" : $"{agency} {year} 年本地放假日";
        var text = $"更新{who}：新增 {added.Count} 天{(added.Count > 0 ? $"（{Show(added.Take(20))}）" : "")}，删除 {removed.Count} 天{(removed.Count > 0 ? $"（{Show(removed.Take(20))}）" : "")}";
        return text.Length <= 1000 ? text : text[..997] + "…";
    }
}
