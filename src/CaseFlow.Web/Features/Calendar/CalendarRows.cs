using CaseFlow.Data;
using CaseFlow.Data.Agencies;
using CaseFlow.Data.Calendar;
using CaseFlow.Data.Identity;
using CaseFlow.Domain.Calendar;

namespace CaseFlow.Web.Features.Calendar;

internal static class CalendarRows
{
    public static IEnumerable<CalendarDayRow> From(IEnumerable<CalendarEntry> entries) =>
        entries.Select(e => new CalendarDayRow
        {
            NoticeYear = e.NoticeYear,
            Date = e.Date,
            Kind = e.Kind,
            Source = e.Source,
            AgencyCode = e.AgencyCode,
            Name = e.Name,
        });

    /// <summary>Rebuilds the notice (ranges of consecutive days off) from stored rows, for history and diffs.</summary>
    public static CalendarYearNotice ToNotice(int year, string? source, IEnumerable<CalendarDayRow> rows)
    {
        var list = rows.OrderBy(r => r.Date).ToList();
        var ranges = new List<DayOffRange>();
        foreach (var r in list.Where(r => r.Kind == CalendarDayKind.DayOff))
        {
            if (ranges.Count > 0 && ranges[^1].To.AddDays(1) == r.Date && ranges[^1].Name == r.Name)
                ranges[^1] = ranges[^1] with { To = r.Date };
            else
                ranges.Add(new DayOffRange(r.Name, r.Date, r.Date));
        }
        return new CalendarYearNotice(year, source, ranges, [.. list.Where(r => r.Kind == CalendarDayKind.MakeUpWorkday).Select(r => r.Date)]);
    }
}
