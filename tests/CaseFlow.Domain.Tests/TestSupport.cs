using System.Globalization;
using CaseFlow.Domain.Calendar;

namespace CaseFlow.Domain.Tests;

internal static class TestSupport
{
    /// <summary>The shipped national calendar (2019–2026 loaded).</summary>
    public static readonly WorkingDayCalendar Shipped = NationalCalendar.BuildShipped();

    /// <summary>Parses a hand-written "yyyy-MM-dd" date.</summary>
    public static DateOnly D(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Every date from..to inclusive (both written by hand).</summary>
    public static IEnumerable<DateOnly> Range(string from, string to)
    {
        var f = D(from);
        var t = D(to);
        Assert.True(f <= t, $"bad range {from}..{to}");
        for (var d = f; d <= t; d = d.AddDays(1))
            yield return d;
    }
}
