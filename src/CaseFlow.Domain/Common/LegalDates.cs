using System.Globalization;

namespace CaseFlow.Domain;

/// <summary>
/// The window every legal date entered into CaseFlow must lie in. Nothing before <see cref="Earliest"/>: the
/// disclosure regulation took effect on 2008-05-01, so no application, notice or proceeding can be older. Dates of
/// events that have happened (receipt, sending, delivery, payment, filing, a decision) are not after today (China
/// time); dates that may lie ahead (a co-handling reply due, an art 35 reply date) are not after today plus
/// <see cref="MaxYearsAhead"/> year, more than the longest period CaseFlow counts (20 + 20 working days, the 60-day
/// review and the 6-month lawsuit period). Keeps absurd dates such as 9999-12-31 and 0001-01-01 out of the clock.
/// </summary>
public static class LegalDates
{
    public static readonly DateOnly Earliest = new(2008, 5, 1);

    public const int MaxYearsAhead = 1;

    public static DateOnly LatestAhead(DateOnly today) => today.AddYears(MaxYearsAhead);

    /// <summary>An event that has happened: between <see cref="Earliest"/> and today.</summary>
    public static FieldError? CheckPast(DateOnly? date, string field, DateOnly today) =>
        date is not { } d ? null
        : d < Earliest ? TooEarly(field)
        : d > today ? new FieldError(field, $"不能晚于今天（{Text(today)}）。")
        : null;

    /// <summary>A date that may lie ahead: between <see cref="Earliest"/> and today plus <see cref="MaxYearsAhead"/> year.</summary>
    public static FieldError? CheckAhead(DateOnly? date, string field, DateOnly today) =>
        date is not { } d ? null
        : d < Earliest ? TooEarly(field)
        : d > LatestAhead(today) ? new FieldError(field, $"不能晚于 {Text(LatestAhead(today))}（今天起一年内）。")
        : null;

    /// <summary>An instant that has happened (e.g. an e-mail's arrival), by its China-time date.</summary>
    public static FieldError? CheckPast(DateTime? utc, string field, DateOnly today)
    {
        if (utc is not { } t) return null;
        // Far from DateTime's limits before converting, so the 8-hour offset cannot overflow.
        var date = t.Year < Earliest.Year ? DateOnly.MinValue : t.Year > today.Year + 1 ? DateOnly.MaxValue : ChinaTime.DateOf(new DateTimeOffset(t, TimeSpan.Zero));
        return CheckPast(date, field, today);
    }

    private static FieldError TooEarly(string field) =>
        new(field, $"不能早于 {Text(Earliest)}（《政府信息公开条例》施行之日）。");

    private static string Text(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
