using System.Security.Claims;
using CaseFlow.Data;
using CaseFlow.Domain.Calendar;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Web.Features.Calendar;

/// <summary>An agency's local days off of one year, one range at a time. <c>PUT /api/calendar/{year}?agency=CODE</c>
/// replaces the whole list; the calendar page adds or removes one range, so this reads the stored list, changes it and
/// saves it through that same handler (same validation, a new version with who and when, recomputed due dates).</summary>
public static class LocalDaysOff
{
    public static async Task<IReadOnlyList<DayOffRange>> ReadAsync(CaseFlowDbContext db, int year, string agency, CancellationToken ct)
    {
        var rows = await db.CalendarDays.AsNoTracking()
            .Where(d => d.NoticeYear == year && d.Source == CalendarSource.Local && d.AgencyCode == agency).ToListAsync(ct);
        return CalendarRows.ToNotice(year, null, rows).DaysOff;
    }

    /// <summary>Every agency's local ranges of the year, by agency code.</summary>
    public static async Task<IReadOnlyList<(string Agency, DayOffRange Range)>> ReadAllAsync(CaseFlowDbContext db, int year, CancellationToken ct)
    {
        var rows = await db.CalendarDays.AsNoTracking().Where(d => d.NoticeYear == year && d.Source == CalendarSource.Local).ToListAsync(ct);
        return
        [
            .. rows.GroupBy(r => r.AgencyCode!).OrderBy(g => g.Key, StringComparer.Ordinal)
                .SelectMany(g => CalendarRows.ToNotice(year, null, g).DaysOff.Select(r => (g.Key, r))),
        ];
    }

    /// <summary>Adds <paramref name="range"/> after the stored ones. Its errors come back keyed
    /// <c>daysOff[N]…</c> with N = <c>(await ReadAsync(…)).Count</c>.</summary>
    public static async Task AddAsync(int year, string agency, DayOffRange range, ClaimsPrincipal user, CaseFlowDbContext db, CalendarProvider calendars,
        IEnumerable<ICalendarChangeListener> listeners, TimeProvider time, CancellationToken ct)
    {
        var ranges = (await ReadAsync(db, year, agency, ct)).ToList();
        ranges.Add(range);
        await SaveAsync(year, agency, ranges, user, db, calendars, listeners, time, ct);
    }

    public static async Task<bool> RemoveAsync(int year, string agency, DateOnly from, DateOnly to, ClaimsPrincipal user, CaseFlowDbContext db,
        CalendarProvider calendars, IEnumerable<ICalendarChangeListener> listeners, TimeProvider time, CancellationToken ct)
    {
        var ranges = (await ReadAsync(db, year, agency, ct)).ToList();
        if (ranges.RemoveAll(r => r.From == from && r.To == to) == 0) return false;
        await SaveAsync(year, agency, ranges, user, db, calendars, listeners, time, ct);
        return true;
    }

    private static Task SaveAsync(int year, string agency, List<DayOffRange> ranges, ClaimsPrincipal user, CaseFlowDbContext db, CalendarProvider calendars,
        IEnumerable<ICalendarChangeListener> listeners, TimeProvider time, CancellationToken ct) =>
        PutCalendarYear.Handle(year, agency,
            new PutCalendarYear.Body(null, [.. ranges.Select(r => new PutCalendarYear.DayOffBody(r.Name, r.From, r.To))], null),
            user, db, calendars, listeners, time, ct);
}
