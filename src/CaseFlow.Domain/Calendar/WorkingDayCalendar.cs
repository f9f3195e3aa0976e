namespace CaseFlow.Domain.Calendar;

/// <summary>A working-day result; <see cref="Provisional"/> is true when any date the computation looked at
/// lies in a year whose national notice is not loaded, so only weekends were known there.</summary>
public readonly record struct WorkingDayResult(DateOnly Date, bool Provisional);

/// <summary>
/// Immutable answer to "is this date a working day". A date is a working day if it is an announced make-up
/// working day, or it is Monday–Friday and not an announced day off (domain.md §3).
/// Lookups are a dense array over the loaded span so deadline computations stay allocation-free.
/// </summary>
public sealed class WorkingDayCalendar
{
    private const byte Rest = 0, Work = 1;

    private readonly int _firstDayNumber;
    private readonly byte[] _days;
    private readonly HashSet<int> _loadedYears;

    public WorkingDayCalendar(IEnumerable<int> loadedYears, IEnumerable<CalendarEntry> entries)
    {
        _loadedYears = [.. loadedYears];
        Entries = [.. entries.OrderBy(e => e.Date).ThenBy(e => e.Source)];

        var years = _loadedYears.Concat(Entries.Select(e => e.Date.Year)).ToList();
        if (years.Count == 0)
        {
            _firstDayNumber = 0;
            _days = [];
            return;
        }

        var first = new DateOnly(years.Min() - 1, 1, 1);
        var last = new DateOnly(years.Max() + 1, 12, 31);
        _firstDayNumber = first.DayNumber;
        _days = new byte[last.DayNumber - first.DayNumber + 1];
        for (var i = 0; i < _days.Length; i++)
            _days[i] = IsWeekend(DateOnly.FromDayNumber(_firstDayNumber + i)) ? Rest : Work;

        // A local day off wins over a national make-up day; national entries are applied first.
        foreach (var e in Entries.OrderBy(e => e.Source == CalendarSource.Local ? 1 : 0))
            _days[e.Date.DayNumber - _firstDayNumber] = e.Kind == CalendarDayKind.MakeUpWorkday ? Work : Rest;
    }

    public IReadOnlyList<CalendarEntry> Entries { get; }

    public IReadOnlyCollection<int> LoadedYears => _loadedYears;

    public bool IsLoaded(int year) => _loadedYears.Contains(year);

    public bool IsWorkingDay(DateOnly date) => IsWorkingDayNumber(date.DayNumber);

    /// <summary>The hot path of every deadline computation: a <see cref="DateOnly.DayNumber"/> lookup.</summary>
    public bool IsWorkingDayNumber(int dayNumber)
    {
        var i = dayNumber - _firstDayNumber;
        // DayNumber 0 (0001-01-01) is a Monday, so dayNumber % 7 is 5 on Saturdays and 6 on Sundays.
        return (uint)i < (uint)_days.Length ? _days[i] == Work : dayNumber % 7 < 5;
    }

    /// <summary>The <paramref name="days"/>-th working day after <paramref name="from"/> (day 0);
    /// a negative count walks backwards. Zero returns <paramref name="from"/> itself.</summary>
    public WorkingDayResult AddWorkingDays(DateOnly from, int days)
    {
        var provisional = !IsLoaded(from.Year);
        var step = days >= 0 ? 1 : -1;
        var remaining = Math.Abs(days);
        var d = from;
        while (remaining > 0)
        {
            d = d.AddDays(step);
            provisional |= !IsLoaded(d.Year);
            if (IsWorkingDay(d)) remaining--;
        }
        return new WorkingDayResult(d, provisional);
    }

    /// <summary>The date itself when it is a working day, otherwise the next working day.</summary>
    public WorkingDayResult NextWorkingDayOnOrAfter(DateOnly date)
    {
        var provisional = !IsLoaded(date.Year);
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(1);
            provisional |= !IsLoaded(date.Year);
        }
        return new WorkingDayResult(date, provisional);
    }

    /// <summary>Working days d with from &lt; d ≤ to.</summary>
    public int CountWorkingDays(DateOnly from, DateOnly to)
    {
        var n = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
            if (IsWorkingDay(d)) n++;
        return n;
    }

    /// <summary>The same national calendar plus the local days of one agency (and of the agencies above it).</summary>
    public WorkingDayCalendar WithLocalDays(IEnumerable<CalendarEntry> localEntries) =>
        new(_loadedYears, Entries.Where(e => e.Source == CalendarSource.National).Concat(localEntries));

    private static bool IsWeekend(DateOnly d) => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
