using CaseFlow.Domain.Calendar;

namespace CaseFlow.Data.Calendar;

/// <summary>One announced date (a <see cref="CalendarEntry"/>) as stored. <see cref="AgencyCode"/> null = national.</summary>
public class CalendarDayRow
{
    public long Id { get; set; }
    public int NoticeYear { get; set; }
    public DateOnly Date { get; set; }
    public CalendarDayKind Kind { get; set; }
    public CalendarSource Source { get; set; }
    public string? AgencyCode { get; set; }
    public string? Name { get; set; }
}
