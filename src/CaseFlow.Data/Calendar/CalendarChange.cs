namespace CaseFlow.Data.Calendar;

/// <summary>One saved version of a year's calendar (national or one agency's), with what it replaced.</summary>
public class CalendarChange
{
    /// <summary>The <see cref="AgencyCode"/> of a change to the national calendar.</summary>
    public const string National = "";

    public long Id { get; set; }
    public int Year { get; set; }

    /// <summary>The agency whose local calendar changed, or <see cref="National"/> ("", not null).
    /// Both SQLite and PostgreSQL treat NULLs as distinct in a unique index, so with null for national
    /// the unique index (Year, AgencyCode, Version) would not stop two national changes from claiming the
    /// same version. Only this table uses ""; CalendarDays keeps null for national.</summary>
    public string AgencyCode { get; set; } = National;

    public int Version { get; set; }
    public string ChangedBy { get; set; } = "";
    public DateTime ChangedAtUtc { get; set; }
    public string Summary { get; set; } = "";
    public string? BeforeJson { get; set; }
    public string AfterJson { get; set; } = "";
}
