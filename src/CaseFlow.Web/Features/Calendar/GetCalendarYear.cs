using CaseFlow.Data;
using CaseFlow.Data.Agencies;
using CaseFlow.Data.Calendar;
using CaseFlow.Data.Identity;
using CaseFlow.Domain.Calendar;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Web.Features.Calendar;

public static class GetCalendarYear
{
    public sealed record Day(DateOnly Date, CalendarDayKind Kind, CalendarSource Source, string? Name, int NoticeYear, string? Agency);

    public sealed record Version(int Number, string ChangedBy, DateTime ChangedAtUtc, string Summary, string? Agency);

    public sealed record Response(
        int Year,
        bool Loaded,
        string? Agency,
        IReadOnlyList<DateOnly> DaysOff,
        IReadOnlyList<DateOnly> MakeUpWorkdays,
        IReadOnlyList<Day> Days,
        IReadOnlyList<Version> History);

    /// <summary>GET /api/calendar/{year}[?agency=CODE] — anonymous. The days announced by the year's notice
    /// and any other dates falling in the year; without an agency, every agency's local days are listed.</summary>
    public static async Task<Response> Handle(int year, string? agency, CaseFlowDbContext db, CalendarProvider calendars, CancellationToken ct)
    {
        var input = new Errors.Input();
        input.YearInRange(year, "year");
        input.ThrowIfInvalid();
        var applies = await AgencyChain(db, agency, ct);
        var rows = await db.CalendarDays.AsNoTracking()
            .Where(d => d.NoticeYear == year || (d.Date >= new DateOnly(year, 1, 1) && d.Date <= new DateOnly(year, 12, 31)))
            .ToListAsync(ct);
        var days = rows
            .Where(r => r.Source == CalendarSource.National || applies is null || applies.Contains(r.AgencyCode!))
            .OrderBy(r => r.Date).ThenBy(r => r.Source)
            .Select(r => new Day(r.Date, r.Kind, r.Source, r.Name, r.NoticeYear, r.AgencyCode))
            .ToList();

        var history = await db.CalendarChanges.AsNoTracking()
            .Where(c => c.Year == year)
            .OrderBy(c => c.Id)
            .Select(c => new Version(c.Version, c.ChangedBy, c.ChangedAtUtc, c.Summary, c.AgencyCode == CalendarChange.National ? null : c.AgencyCode))
            .ToListAsync(ct);

        var calendar = await calendars.GetAsync(null, ct);
        return new Response(
            year,
            calendar.IsLoaded(year),
            agency,
            [.. days.Where(d => d.Kind == CalendarDayKind.DayOff).Select(d => d.Date).Distinct()],
            [.. days.Where(d => d.Kind == CalendarDayKind.MakeUpWorkday).Select(d => d.Date).Distinct()],
            days,
            history);
    }

    /// <summary>The agency and its ancestors, whose local days apply to it; null means "all agencies".</summary>
    private static async Task<HashSet<string>?> AgencyChain(CaseFlowDbContext db, string? agency, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(agency)) return null;
        var parents = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.ParentCode, ct);
        if (!parents.ContainsKey(agency)) throw new Errors.NotFoundException($"机关代码“{agency}”不存在。");
        return [.. Agencies.AgencyTree.Chain(parents, agency)];
    }
}
