namespace CaseFlow.Domain.Tests.Common;

/// <summary>The legal date window, with "today" 2026-02-12.</summary>
public class LegalDatesTests
{
    private static readonly DateOnly Today = new(2026, 2, 12);

    [Theory]
    [InlineData("0001-01-01", false, false)]
    [InlineData("2008-04-30", false, false)]
    [InlineData("2008-05-01", true, true)]
    [InlineData("2026-02-12", true, true)]
    [InlineData("2026-02-13", false, true)]
    [InlineData("2027-02-12", false, true)]
    [InlineData("2027-02-13", false, false)]
    [InlineData("9999-12-31", false, false)]
    public void Past_events_end_today_and_dates_ahead_a_year_later(string date, bool pastOk, bool aheadOk)
    {
        var d = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(pastOk, LegalDates.CheckPast(d, "f", Today) is null);
        Assert.Equal(aheadOk, LegalDates.CheckAhead(d, "f", Today) is null);
    }

    [Theory]
    [InlineData("2026-02-11T16:00:00Z", true)]  // 2026-02-12 00:00 China time
    [InlineData("2026-02-12T16:00:00Z", false)] // 2026-02-13 00:00 China time
    [InlineData("0001-01-01T00:00:00Z", false)]
    [InlineData("9999-12-31T23:59:59Z", false)]
    public void An_instant_is_judged_by_its_china_date(string utc, bool ok)
    {
        var t = DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
        Assert.Equal(ok, LegalDates.CheckPast(t, "f", Today) is null);
    }
}
