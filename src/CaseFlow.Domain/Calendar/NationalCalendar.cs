using System.Text.Json;
using System.Text.Json.Serialization;

namespace CaseFlow.Domain.Calendar;

/// <summary>The national notices shipped with CaseFlow (national-calendar.json, embedded), and the format
/// an administrator uses to load a new year.</summary>
public static class NationalCalendar
{
    private static readonly Lazy<IReadOnlyList<CalendarYearNotice>> Shipped = new(LoadShipped);

    public static IReadOnlyList<CalendarYearNotice> ShippedNotices => Shipped.Value;

    public static WorkingDayCalendar Build(IEnumerable<CalendarYearNotice> notices)
    {
        var list = notices.ToList();
        return new WorkingDayCalendar(list.Select(n => n.Year), list.SelectMany(n => n.ToEntries(CalendarSource.National)));
    }

    public static WorkingDayCalendar BuildShipped() => Build(ShippedNotices);

    private static IReadOnlyList<CalendarYearNotice> LoadShipped()
    {
        using var stream = typeof(NationalCalendar).Assembly.GetManifestResourceStream("CaseFlow.Domain.national-calendar.json")
            ?? throw new InvalidOperationException("national-calendar.json is not embedded in CaseFlow.Domain.");
        var file = JsonSerializer.Deserialize<CalendarFile>(stream, JsonOptions)
            ?? throw new InvalidOperationException("national-calendar.json is empty.");
        foreach (var notice in file.Years)
        {
            var errors = notice.Validate();
            if (errors.Count > 0)
                throw new InvalidOperationException($"national-calendar.json, year {notice.Year}: {string.Join("; ", errors.Select(e => e.Message))}");
        }
        return file.Years;
    }

    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private sealed record CalendarFile([property: JsonPropertyName("years")] List<CalendarYearNotice> Years);
}

/// <summary>One year's announcement: days-off ranges and make-up working days.</summary>
public sealed record CalendarYearNotice(
    int Year,
    string? Source,
    IReadOnlyList<DayOffRange> DaysOff,
    IReadOnlyList<DateOnly> MakeUpWorkdays)
{
    public IEnumerable<CalendarEntry> ToEntries(CalendarSource source, string? agencyCode = null)
    {
        foreach (var range in DaysOff)
            for (var d = range.From; d <= range.To; d = d.AddDays(1))
                yield return new CalendarEntry(Year, d, CalendarDayKind.DayOff, source, range.Name, agencyCode);
        foreach (var d in MakeUpWorkdays)
            yield return new CalendarEntry(Year, d, CalendarDayKind.MakeUpWorkday, source, "调休上班", agencyCode);
    }

    /// <summary>Field-level problems; keys are JSON paths such as <c>daysOff[2].to</c>.</summary>
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (Year is < 2000 or > 2100) errors.Add(new("year", "年份须在 2000–2100 之间。"));
        var seen = new HashSet<DateOnly>();
        for (var i = 0; i < DaysOff.Count; i++)
        {
            var r = DaysOff[i];
            if (r.To < r.From) errors.Add(new($"daysOff[{i}].to", "结束日期早于开始日期。"));
            else if (r.To.DayNumber - r.From.DayNumber > 31) errors.Add(new($"daysOff[{i}].to", "一段假期不能超过 31 天。"));
            if (!NearYear(r.From) || !NearYear(r.To)) errors.Add(new($"daysOff[{i}].from", $"日期须在 {Year} 年或其前后一个月内。"));
            // Only ranges near the year are walked: a range ending on 9999-12-31 would step past DateOnly.MaxValue.
            for (var d = r.From; d <= r.To && r.To.DayNumber - r.From.DayNumber <= 31 && NearYear(r.From) && NearYear(r.To); d = d.AddDays(1))
                if (!seen.Add(d)) errors.Add(new($"daysOff[{i}]", $"{Iso(d)} 重复出现。"));
        }
        for (var i = 0; i < MakeUpWorkdays.Count; i++)
        {
            var d = MakeUpWorkdays[i];
            if (!NearYear(d)) errors.Add(new($"makeUpWorkdays[{i}]", $"日期须在 {Year} 年或其前后一个月内。"));
            if (!seen.Add(d)) errors.Add(new($"makeUpWorkdays[{i}]", $"{Iso(d)} 已列为放假日或重复出现。"));
        }
        return errors;
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    // Notices reach into the neighbouring year (元旦 ranges), never further.
    private bool NearYear(DateOnly d) => d >= new DateOnly(Year - 1, 12, 1) && d <= new DateOnly(Year + 1, 1, 31);
}

public sealed record DayOffRange(string? Name, DateOnly From, DateOnly To);
