using CaseFlow.Domain.Calendar;
using static CaseFlow.Domain.Tests.TestSupport;

namespace CaseFlow.Domain.Tests.Calendar;

/// <summary>The shipped national calendar against domain.md §3, year by year (2019–2026).</summary>
public class NationalCalendarTests
{
    // Days-off ranges as listed in domain.md §3 (inclusive; weekend days inside a range are included).
    // The third column is the number of calendar days in the range, counted by hand.
    [Theory]
    // 2019
    [InlineData("2018-12-30", "2019-01-01", 3)]
    [InlineData("2019-02-04", "2019-02-10", 7)]
    [InlineData("2019-04-05", "2019-04-05", 1)]
    [InlineData("2019-05-01", "2019-05-04", 4)]
    [InlineData("2019-06-07", "2019-06-07", 1)]
    [InlineData("2019-09-13", "2019-09-13", 1)]
    [InlineData("2019-10-01", "2019-10-07", 7)]
    // 2020 (Spring Festival extended to 02-02 by the later notice)
    [InlineData("2020-01-01", "2020-01-01", 1)]
    [InlineData("2020-01-24", "2020-02-02", 10)]
    [InlineData("2020-04-04", "2020-04-06", 3)]
    [InlineData("2020-05-01", "2020-05-05", 5)]
    [InlineData("2020-06-25", "2020-06-27", 3)]
    [InlineData("2020-10-01", "2020-10-08", 8)]
    // 2021
    [InlineData("2021-01-01", "2021-01-03", 3)]
    [InlineData("2021-02-11", "2021-02-17", 7)]
    [InlineData("2021-04-03", "2021-04-05", 3)]
    [InlineData("2021-05-01", "2021-05-05", 5)]
    [InlineData("2021-06-12", "2021-06-14", 3)]
    [InlineData("2021-09-19", "2021-09-21", 3)]
    [InlineData("2021-10-01", "2021-10-07", 7)]
    // 2022
    [InlineData("2022-01-01", "2022-01-03", 3)]
    [InlineData("2022-01-31", "2022-02-06", 7)]
    [InlineData("2022-04-03", "2022-04-05", 3)]
    [InlineData("2022-04-30", "2022-05-04", 5)]
    [InlineData("2022-06-03", "2022-06-05", 3)]
    [InlineData("2022-09-10", "2022-09-12", 3)]
    [InlineData("2022-10-01", "2022-10-07", 7)]
    // 2023
    [InlineData("2022-12-31", "2023-01-02", 3)]
    [InlineData("2023-01-21", "2023-01-27", 7)]
    [InlineData("2023-04-05", "2023-04-05", 1)]
    [InlineData("2023-04-29", "2023-05-03", 5)]
    [InlineData("2023-06-22", "2023-06-24", 3)]
    [InlineData("2023-09-29", "2023-10-06", 8)]
    // 2024
    [InlineData("2024-01-01", "2024-01-01", 1)]
    [InlineData("2024-02-10", "2024-02-17", 8)]
    [InlineData("2024-04-04", "2024-04-06", 3)]
    [InlineData("2024-05-01", "2024-05-05", 5)]
    [InlineData("2024-06-10", "2024-06-10", 1)]
    [InlineData("2024-09-15", "2024-09-17", 3)]
    [InlineData("2024-10-01", "2024-10-07", 7)]
    // 2025
    [InlineData("2025-01-01", "2025-01-01", 1)]
    [InlineData("2025-01-28", "2025-02-04", 8)]
    [InlineData("2025-04-04", "2025-04-06", 3)]
    [InlineData("2025-05-01", "2025-05-05", 5)]
    [InlineData("2025-05-31", "2025-06-02", 3)]
    [InlineData("2025-10-01", "2025-10-08", 8)]
    // 2026
    [InlineData("2026-01-01", "2026-01-03", 3)]
    [InlineData("2026-02-15", "2026-02-23", 9)]
    [InlineData("2026-04-04", "2026-04-06", 3)]
    [InlineData("2026-05-01", "2026-05-05", 5)]
    [InlineData("2026-06-19", "2026-06-21", 3)]
    [InlineData("2026-09-25", "2026-09-27", 3)]
    [InlineData("2026-10-01", "2026-10-07", 7)]
    public void Every_day_of_an_announced_range_is_a_day_off(string from, string to, int days)
    {
        var dates = Range(from, to).ToList();
        Assert.Equal(days, dates.Count);
        foreach (var d in dates)
            Assert.False(Shipped.IsWorkingDay(d), $"{d:yyyy-MM-dd} should be a day off");
    }

    // Make-up working days (调休上班) from domain.md §3, with the weekday each falls on (checked against a
    // printed calendar): all are Saturdays or Sundays, and all are working days.
    [Theory]
    [InlineData("2018-12-29", DayOfWeek.Saturday)]
    [InlineData("2019-02-02", DayOfWeek.Saturday)]
    [InlineData("2019-02-03", DayOfWeek.Sunday)]
    [InlineData("2019-04-28", DayOfWeek.Sunday)]
    [InlineData("2019-05-05", DayOfWeek.Sunday)]
    [InlineData("2019-09-29", DayOfWeek.Sunday)]
    [InlineData("2019-10-12", DayOfWeek.Saturday)]
    [InlineData("2020-01-19", DayOfWeek.Sunday)]
    [InlineData("2020-04-26", DayOfWeek.Sunday)]
    [InlineData("2020-05-09", DayOfWeek.Saturday)]
    [InlineData("2020-06-28", DayOfWeek.Sunday)]
    [InlineData("2020-09-27", DayOfWeek.Sunday)]
    [InlineData("2020-10-10", DayOfWeek.Saturday)]
    [InlineData("2021-02-07", DayOfWeek.Sunday)]
    [InlineData("2021-02-20", DayOfWeek.Saturday)]
    [InlineData("2021-04-25", DayOfWeek.Sunday)]
    [InlineData("2021-05-08", DayOfWeek.Saturday)]
    [InlineData("2021-09-18", DayOfWeek.Saturday)]
    [InlineData("2021-09-26", DayOfWeek.Sunday)]
    [InlineData("2021-10-09", DayOfWeek.Saturday)]
    [InlineData("2022-01-29", DayOfWeek.Saturday)]
    [InlineData("2022-01-30", DayOfWeek.Sunday)]
    [InlineData("2022-04-02", DayOfWeek.Saturday)]
    [InlineData("2022-04-24", DayOfWeek.Sunday)]
    [InlineData("2022-05-07", DayOfWeek.Saturday)]
    [InlineData("2022-10-08", DayOfWeek.Saturday)]
    [InlineData("2022-10-09", DayOfWeek.Sunday)]
    [InlineData("2023-01-28", DayOfWeek.Saturday)]
    [InlineData("2023-01-29", DayOfWeek.Sunday)]
    [InlineData("2023-04-23", DayOfWeek.Sunday)]
    [InlineData("2023-05-06", DayOfWeek.Saturday)]
    [InlineData("2023-06-25", DayOfWeek.Sunday)]
    [InlineData("2023-10-07", DayOfWeek.Saturday)]
    [InlineData("2023-10-08", DayOfWeek.Sunday)]
    [InlineData("2024-02-04", DayOfWeek.Sunday)]
    [InlineData("2024-02-18", DayOfWeek.Sunday)]
    [InlineData("2024-04-07", DayOfWeek.Sunday)]
    [InlineData("2024-04-28", DayOfWeek.Sunday)]
    [InlineData("2024-05-11", DayOfWeek.Saturday)]
    [InlineData("2024-09-14", DayOfWeek.Saturday)]
    [InlineData("2024-09-29", DayOfWeek.Sunday)]
    [InlineData("2024-10-12", DayOfWeek.Saturday)]
    [InlineData("2025-01-26", DayOfWeek.Sunday)]
    [InlineData("2025-02-08", DayOfWeek.Saturday)]
    [InlineData("2025-04-27", DayOfWeek.Sunday)]
    [InlineData("2025-09-28", DayOfWeek.Sunday)]
    [InlineData("2025-10-11", DayOfWeek.Saturday)]
    [InlineData("2026-01-04", DayOfWeek.Sunday)]
    [InlineData("2026-02-14", DayOfWeek.Saturday)]
    [InlineData("2026-02-28", DayOfWeek.Saturday)]
    [InlineData("2026-05-09", DayOfWeek.Saturday)]
    [InlineData("2026-09-20", DayOfWeek.Sunday)]
    [InlineData("2026-10-10", DayOfWeek.Saturday)]
    public void Make_up_days_are_working_days(string date, DayOfWeek weekday)
    {
        var d = D(date);
        Assert.Equal(weekday, d.DayOfWeek);
        Assert.True(Shipped.IsWorkingDay(d));
    }

    // Ordinary Monday–Friday dates (no announcement) are working days; the weekday column guards the table itself.
    [Theory]
    [InlineData("2019-02-01", DayOfWeek.Friday)]
    [InlineData("2019-03-12", DayOfWeek.Tuesday)]
    [InlineData("2019-07-17", DayOfWeek.Wednesday)]
    [InlineData("2019-10-08", DayOfWeek.Tuesday)]
    [InlineData("2019-11-22", DayOfWeek.Friday)]
    [InlineData("2020-02-03", DayOfWeek.Monday)]
    [InlineData("2020-03-18", DayOfWeek.Wednesday)]
    [InlineData("2020-10-09", DayOfWeek.Friday)]
    [InlineData("2020-12-31", DayOfWeek.Thursday)]
    [InlineData("2021-01-04", DayOfWeek.Monday)]
    [InlineData("2021-02-18", DayOfWeek.Thursday)]
    [InlineData("2021-06-15", DayOfWeek.Tuesday)]
    [InlineData("2021-10-08", DayOfWeek.Friday)]
    [InlineData("2022-01-28", DayOfWeek.Friday)]
    [InlineData("2022-02-07", DayOfWeek.Monday)]
    [InlineData("2022-09-13", DayOfWeek.Tuesday)]
    [InlineData("2022-12-30", DayOfWeek.Friday)]
    [InlineData("2023-01-03", DayOfWeek.Tuesday)]
    [InlineData("2023-01-30", DayOfWeek.Monday)]
    [InlineData("2023-04-04", DayOfWeek.Tuesday)]
    [InlineData("2023-10-09", DayOfWeek.Monday)]
    [InlineData("2024-01-02", DayOfWeek.Tuesday)]
    [InlineData("2024-02-19", DayOfWeek.Monday)]
    [InlineData("2024-06-11", DayOfWeek.Tuesday)]
    [InlineData("2024-09-18", DayOfWeek.Wednesday)]
    [InlineData("2025-01-02", DayOfWeek.Thursday)]
    [InlineData("2025-02-05", DayOfWeek.Wednesday)]
    [InlineData("2025-06-03", DayOfWeek.Tuesday)]
    [InlineData("2025-10-09", DayOfWeek.Thursday)]
    [InlineData("2026-01-05", DayOfWeek.Monday)]
    [InlineData("2026-02-13", DayOfWeek.Friday)]
    [InlineData("2026-02-24", DayOfWeek.Tuesday)]
    [InlineData("2026-10-08", DayOfWeek.Thursday)]
    public void Ordinary_weekdays_are_working_days(string date, DayOfWeek weekday)
    {
        var d = D(date);
        Assert.Equal(weekday, d.DayOfWeek);
        Assert.True(Shipped.IsWorkingDay(d));
    }

    // Ordinary Saturdays and Sundays (not announced as make-up days) are rest days.
    [Theory]
    [InlineData("2019-03-16", DayOfWeek.Saturday)]
    [InlineData("2019-08-25", DayOfWeek.Sunday)]
    [InlineData("2019-10-13", DayOfWeek.Sunday)]
    [InlineData("2019-12-28", DayOfWeek.Saturday)]
    [InlineData("2020-01-18", DayOfWeek.Saturday)]
    [InlineData("2020-04-25", DayOfWeek.Saturday)]
    [InlineData("2020-10-11", DayOfWeek.Sunday)]
    [InlineData("2020-12-26", DayOfWeek.Saturday)]
    [InlineData("2021-02-06", DayOfWeek.Saturday)]
    [InlineData("2021-05-09", DayOfWeek.Sunday)]
    [InlineData("2021-09-25", DayOfWeek.Saturday)]
    [InlineData("2021-12-25", DayOfWeek.Saturday)]
    [InlineData("2022-01-08", DayOfWeek.Saturday)]
    [InlineData("2022-04-23", DayOfWeek.Saturday)]
    [InlineData("2022-10-15", DayOfWeek.Saturday)]
    [InlineData("2022-12-25", DayOfWeek.Sunday)]
    [InlineData("2023-04-22", DayOfWeek.Saturday)]
    [InlineData("2023-05-07", DayOfWeek.Sunday)]
    [InlineData("2023-06-18", DayOfWeek.Sunday)]
    [InlineData("2023-10-14", DayOfWeek.Saturday)]
    [InlineData("2024-02-03", DayOfWeek.Saturday)]
    [InlineData("2024-04-13", DayOfWeek.Saturday)]
    [InlineData("2024-09-28", DayOfWeek.Saturday)]
    [InlineData("2024-10-13", DayOfWeek.Sunday)]
    [InlineData("2025-01-25", DayOfWeek.Saturday)]
    [InlineData("2025-02-09", DayOfWeek.Sunday)]
    [InlineData("2025-09-27", DayOfWeek.Saturday)]
    [InlineData("2025-10-12", DayOfWeek.Sunday)]
    [InlineData("2026-01-10", DayOfWeek.Saturday)]
    [InlineData("2026-02-07", DayOfWeek.Saturday)]
    [InlineData("2026-03-01", DayOfWeek.Sunday)]
    [InlineData("2026-10-11", DayOfWeek.Sunday)]
    public void Ordinary_weekends_are_rest_days(string date, DayOfWeek weekday)
    {
        var d = D(date);
        Assert.Equal(weekday, d.DayOfWeek);
        Assert.False(Shipped.IsWorkingDay(d));
    }

    [Fact]
    public void Cancelled_2020_02_01_make_up_day_is_a_day_off()
    {
        // The original 2020 notice made Sat 2020-02-01 a make-up day; the extension notice cancelled it.
        var d = D("2020-02-01");
        Assert.Equal(DayOfWeek.Saturday, d.DayOfWeek);
        Assert.False(Shipped.IsWorkingDay(d));
        Assert.DoesNotContain(Shipped.Entries, e => e.Date == d && e.Kind == CalendarDayKind.MakeUpWorkday);
        Assert.Contains(Shipped.Entries, e => e.Date == d && e.Kind == CalendarDayKind.DayOff);
    }

    [Fact]
    public void Shipped_notices_cover_2019_to_2026_and_validate()
    {
        Assert.Equal([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026], NationalCalendar.ShippedNotices.Select(n => n.Year));
        foreach (var notice in NationalCalendar.ShippedNotices)
            Assert.Empty(notice.Validate());
        Assert.Equal([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026], Shipped.LoadedYears.Order());
        Assert.False(Shipped.IsLoaded(2018));
        Assert.False(Shipped.IsLoaded(2027));
    }

    [Theory]
    // Entry counts per notice year, counted by hand from domain.md §3: days off (calendar days of all ranges) + make-up days.
    [InlineData(2019, 24, 7)]  // 3+7+1+4+1+1+7
    [InlineData(2020, 30, 6)]  // 1+10+3+5+3+8
    [InlineData(2021, 31, 7)]  // 3+7+3+5+3+3+7
    [InlineData(2022, 31, 7)]  // 3+7+3+5+3+3+7
    [InlineData(2023, 27, 7)]  // 3+7+1+5+3+8
    [InlineData(2024, 28, 8)]  // 1+8+3+5+1+3+7
    [InlineData(2025, 28, 5)]  // 1+8+3+5+3+8
    [InlineData(2026, 33, 6)]  // 3+9+3+5+3+3+7
    public void Each_notice_has_the_announced_number_of_entries(int year, int daysOff, int makeUps)
    {
        var entries = Shipped.Entries.Where(e => e.NoticeYear == year).ToList();
        Assert.Equal(daysOff, entries.Count(e => e.Kind == CalendarDayKind.DayOff));
        Assert.Equal(makeUps, entries.Count(e => e.Kind == CalendarDayKind.MakeUpWorkday));
        Assert.All(entries, e => Assert.Equal(CalendarSource.National, e.Source));
    }
}
