namespace CaseFlow.Domain.Calendar;

public enum CalendarDayKind
{
    /// <summary>放假：an announced day off (a weekday or a weekend day inside a holiday range).</summary>
    DayOff,

    /// <summary>调休上班：an announced make-up working day, usually a Saturday or Sunday.</summary>
    MakeUpWorkday,
}

public enum CalendarSource
{
    National,
    Local,
}

/// <summary>One announced date. <see cref="NoticeYear"/> is the year of the notice that announced it,
/// which may differ from the date's own year (2019's notice starts with 2018-12-30).</summary>
public sealed record CalendarEntry(
    int NoticeYear,
    DateOnly Date,
    CalendarDayKind Kind,
    CalendarSource Source,
    string? Name = null,
    string? AgencyCode = null);
