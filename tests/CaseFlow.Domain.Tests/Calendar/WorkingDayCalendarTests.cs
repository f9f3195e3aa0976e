using CaseFlow.Domain.Calendar;
using static CaseFlow.Domain.Tests.TestSupport;

namespace CaseFlow.Domain.Tests.Calendar;

public class WorkingDayCalendarTests
{
    // AddWorkingDays: the N-th working day after day 0; counts done by hand against domain.md §3.
    [Theory]
    // day0 Thu 02-12; 02-13=1, 02-14(Sat make-up)=2, 02-15..23 off, 02-24..27=3..6, 02-28(Sat make-up)=7
    [InlineData("2026-02-12", 7, "2026-02-28")]
    // day0 Tue 03-03; 03-04..06=1..3, 03-09=4
    [InlineData("2026-03-03", 4, "2026-03-09")]
    // day0 Fri 2020-01-17; 01-19(Sun make-up)=1, 01-20..23=2..5, 01-24..02-02 off (02-01 make-up cancelled), 02-03=6
    [InlineData("2020-01-17", 6, "2020-02-03")]
    // day0 Sun 2025-09-28 (make-up); 09-29=1, 09-30=2, 10-01..08 off, 10-09=3, 10-10=4, 10-11(Sat make-up)=5
    [InlineData("2025-09-28", 5, "2025-10-11")]
    // zero returns day 0 itself, even on a rest day
    [InlineData("2026-10-03", 0, "2026-10-03")]
    // negative walks back: day0 Tue 02-24; 02-23..15 off, 02-14(Sat make-up)=-1
    [InlineData("2026-02-24", -1, "2026-02-14")]
    // day0 Mon 03-02; 02-28(Sat make-up)=-1, 02-27=-2, 02-26=-3
    [InlineData("2026-03-02", -3, "2026-02-26")]
    // day0 Thu 10-08; 10-07..01 off, 09-30=-1, 09-29=-2
    [InlineData("2026-10-08", -2, "2026-09-29")]
    // day0 Mon 2024-02-19; 02-18(Sun make-up)=-1, 02-17..10 off, 02-09=-2, 02-08=-3
    [InlineData("2024-02-19", -3, "2024-02-08")]
    public void AddWorkingDays_counts_from_day_zero(string from, int days, string expected)
    {
        var r = Shipped.AddWorkingDays(D(from), days);
        Assert.Equal(D(expected), r.Date);
        Assert.False(r.Provisional);
    }

    // CountWorkingDays counts working days d with from < d ≤ to.
    [Theory]
    // 03-03,04,05,06,09,10 (03-02 itself excluded)
    [InlineData("2026-03-02", "2026-03-10", 6)]
    // 02-13, 02-14(make-up), 02-24..27, 02-28(make-up)
    [InlineData("2026-02-12", "2026-02-28", 7)]
    // the reply example: 20 working days
    [InlineData("2026-09-30", "2026-11-03", 20)]
    // same day: nothing
    [InlineData("2026-03-10", "2026-03-10", 0)]
    // whole National Day holiday: nothing
    [InlineData("2026-09-30", "2026-10-07", 0)]
    // Fri → Mon: only the Monday
    [InlineData("2026-03-06", "2026-03-09", 1)]
    // to before from: nothing
    [InlineData("2026-03-10", "2026-03-02", 0)]
    // 2020-01-23 → 02-03: 01-24..02-02 off (incl. cancelled 02-01), only 02-03
    [InlineData("2020-01-23", "2020-02-03", 1)]
    public void CountWorkingDays_excludes_from_and_includes_to(string from, string to, int expected) =>
        Assert.Equal(expected, Shipped.CountWorkingDays(D(from), D(to)));

    [Theory]
    // 2027 not loaded: weekends only. day0 Mon 12-28; 12-29,30,31=1..3, 2027-01-01(Fri, no notice)=4, 01-04=5
    [InlineData("2026-12-28", 5, "2027-01-04", true)]
    // day0 Tue 12-01; 12-02..04=1..3, 12-07=4, 12-08=5 — all inside 2026
    [InlineData("2026-12-01", 5, "2026-12-08", false)]
    // starting inside 2027: 01-04 Mon → 01-05
    [InlineData("2027-01-04", 1, "2027-01-05", true)]
    // 2019-01-02 Wed +1 = 01-03 Thu, loaded
    [InlineData("2019-01-02", 1, "2019-01-03", false)]
    public void AddWorkingDays_is_provisional_only_outside_loaded_years(string from, int days, string expected, bool provisional)
    {
        var r = Shipped.AddWorkingDays(D(from), days);
        Assert.Equal(D(expected), r.Date);
        Assert.Equal(provisional, r.Provisional);
    }

    [Fact]
    public void Unloaded_year_uses_weekends_only()
    {
        Assert.True(Shipped.IsWorkingDay(D("2027-01-01")));   // Fri; the 2027 notice is not loaded
        Assert.False(Shipped.IsWorkingDay(D("2027-01-02")));  // Sat
        Assert.False(Shipped.IsWorkingDay(D("2027-01-03")));  // Sun
        Assert.True(Shipped.IsWorkingDay(D("2031-06-02")));   // Mon, far outside the loaded span
        Assert.False(Shipped.IsWorkingDay(D("2031-06-01")));  // Sun
    }

    [Theory]
    // working day itself
    [InlineData("2026-03-02", "2026-03-02", false)]
    // Sat → Mon
    [InlineData("2026-03-07", "2026-03-09", false)]
    // inside Spring Festival 2026 → first day after
    [InlineData("2026-02-15", "2026-02-24", false)]
    // Sat make-up day is itself a working day
    [InlineData("2026-02-28", "2026-02-28", false)]
    // 2027 Sat → Mon, provisional
    [InlineData("2027-01-02", "2027-01-04", true)]
    public void NextWorkingDayOnOrAfter(string date, string expected, bool provisional)
    {
        var r = Shipped.NextWorkingDayOnOrAfter(D(date));
        Assert.Equal(D(expected), r.Date);
        Assert.Equal(provisional, r.Provisional);
    }

    private static CalendarEntry LocalDayOff(string date) =>
        new(D(date).Year, D(date), CalendarDayKind.DayOff, CalendarSource.Local, "地方假日", "A01");

    [Fact]
    public void Local_day_off_makes_a_weekday_a_rest_day()
    {
        var local = Shipped.WithLocalDays([LocalDayOff("2026-03-10")]);

        Assert.Equal(DayOfWeek.Tuesday, D("2026-03-10").DayOfWeek);
        Assert.False(local.IsWorkingDay(D("2026-03-10")));
        Assert.True(Shipped.IsWorkingDay(D("2026-03-10")));   // the national calendar is unchanged
        Assert.True(local.IsWorkingDay(D("2026-03-09")));
        Assert.True(local.IsWorkingDay(D("2026-03-11")));
        // day0 Mon 03-09; 03-10 local day off; 03-11=1
        Assert.Equal(D("2026-03-11"), local.AddWorkingDays(D("2026-03-09"), 1).Date);
        Assert.Equal(D("2026-03-10"), Shipped.AddWorkingDays(D("2026-03-09"), 1).Date);
        // 03-03..06, 03-09 = 5 (03-10 local)
        Assert.Equal(5, local.CountWorkingDays(D("2026-03-02"), D("2026-03-10")));
        // national holidays still apply
        Assert.False(local.IsWorkingDay(D("2026-10-02")));
        Assert.True(local.IsWorkingDay(D("2026-10-10")));
        Assert.True(local.IsLoaded(2026));
    }

    [Fact]
    public void Local_day_off_wins_over_a_national_make_up_day()
    {
        var local = Shipped.WithLocalDays([LocalDayOff("2026-02-28")]);
        Assert.True(Shipped.IsWorkingDay(D("2026-02-28")));
        Assert.False(local.IsWorkingDay(D("2026-02-28")));
    }

    [Fact]
    public void WithLocalDays_replaces_earlier_local_days()
    {
        var a = Shipped.WithLocalDays([LocalDayOff("2026-03-10")]);
        var b = a.WithLocalDays([LocalDayOff("2026-03-11")]);
        Assert.True(b.IsWorkingDay(D("2026-03-10")));
        Assert.False(b.IsWorkingDay(D("2026-03-11")));
    }

    [Fact]
    public void Custom_notice_built_from_scratch()
    {
        var notice = new CalendarYearNotice(2027, "test",
            [new DayOffRange("元旦", D("2027-01-01"), D("2027-01-03"))],
            [D("2027-01-09")]);
        var cal = NationalCalendar.Build([notice]);
        Assert.True(cal.IsLoaded(2027));
        Assert.False(cal.IsWorkingDay(D("2027-01-01")));   // Fri, announced day off
        Assert.True(cal.IsWorkingDay(D("2027-01-09")));    // Sat, announced make-up day
        // day0 Thu 2026-12-31 (2026 not loaded in this calendar → provisional); 01-01..03 off, 01-04=1
        var r = cal.AddWorkingDays(D("2026-12-31"), 1);
        Assert.Equal(D("2027-01-04"), r.Date);
        Assert.True(r.Provisional);
        // day0 Mon 01-04; 01-05..08=1..4, 01-09(Sat make-up)=5
        var r2 = cal.AddWorkingDays(D("2027-01-04"), 5);
        Assert.Equal(D("2027-01-09"), r2.Date);
        Assert.False(r2.Provisional);
    }

    [Fact]
    public void Validate_reports_bad_notice_fields()
    {
        var notice = new CalendarYearNotice(2027, null,
            [new DayOffRange("x", D("2027-02-10"), D("2027-02-05")), new DayOffRange("y", D("2027-05-01"), D("2027-05-02"))],
            [D("2027-05-02")]);
        var errors = notice.Validate();
        Assert.Contains(errors, e => e.Field == "daysOff[0].to");
        Assert.Contains(errors, e => e.Field == "makeUpWorkdays[0]");
        Assert.Equal(2, errors.Count);
        Assert.Equal("2027-05-02 已列为放假日或重复出现。", errors.Single(e => e.Field == "makeUpWorkdays[0]").Message);
    }

    [Fact]
    public void Validate_messages_use_gregorian_dates_whatever_the_culture()
    {
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("th-TH");
            var notice = new CalendarYearNotice(2027, null,
                [new DayOffRange("y", D("2027-05-01"), D("2027-05-02"))], [D("2027-05-02")]);
            Assert.Equal("2027-05-02 已列为放假日或重复出现。", Assert.Single(notice.Validate()).Message);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }
}
