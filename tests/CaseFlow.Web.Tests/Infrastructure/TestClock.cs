namespace CaseFlow.Web.Tests.Infrastructure;

/// <summary>A clock the tests set and move by hand; replaces <see cref="TimeProvider.System"/> in the app.
/// Starts at 2026-03-02 09:00 China time (a Monday).</summary>
public sealed class TestClock : TimeProvider
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private readonly Lock _lock = new();
    private DateTimeOffset _now = new(2026, 3, 2, 9, 0, 0, China);

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock) return _now.ToUniversalTime();
    }

    /// <summary>Sets the clock to a wall-clock moment in China Standard Time (UTC+8).</summary>
    public void SetChinaTime(DateOnly date, TimeOnly time)
    {
        lock (_lock) _now = new DateTimeOffset(date.ToDateTime(time), China);
    }

    public void Advance(TimeSpan by)
    {
        lock (_lock) _now += by;
    }
}
