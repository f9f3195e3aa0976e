using System.Globalization;
using CaseFlow.Domain;

namespace CaseFlow.Web.Errors;

/// <summary>Parses raw query values so a bad one is reported with its field name, not a generic 400.</summary>
public sealed class Input
{
    /// <summary>The dates CaseFlow accepts (calendar notices are 2000–2100). Keeps date arithmetic far from
    /// DateOnly's limits, where it would throw instead of answering 400.</summary>
    public static readonly DateOnly MinDate = new(2000, 1, 1);
    public static readonly DateOnly MaxDate = new(2100, 12, 31);

    private readonly List<FieldError> _errors = [];

    public DateOnly Date(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) { _errors.Add(new(field, "必填，格式为 YYYY-MM-DD。")); return default; }
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            DateInRange(d, field);
            return d;
        }
        _errors.Add(new(field, $"“{value}”不是存在的日期，格式须为 YYYY-MM-DD。"));
        return default;
    }

    public void DateInRange(DateOnly? value, string field)
    {
        if (value is { } d && (d < MinDate || d > MaxDate))
            _errors.Add(new(field, string.Create(CultureInfo.InvariantCulture, $"日期须在 {MinDate:yyyy-MM-dd} 至 {MaxDate:yyyy-MM-dd} 之间。")));
    }

    public void YearInRange(int year, string field)
    {
        if (year < MinDate.Year || year > MaxDate.Year)
            _errors.Add(new(field, string.Create(CultureInfo.InvariantCulture, $"年份须在 {MinDate.Year}–{MaxDate.Year} 之间。")));
    }

    public int Int(string? value, string field, int min, int max)
    {
        if (string.IsNullOrWhiteSpace(value)) { _errors.Add(new(field, "必填，须为整数。")); return default; }
        if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)) { _errors.Add(new(field, $"“{value}”不是整数。")); return default; }
        if (n < min || n > max) _errors.Add(new(field, $"须在 {min} 至 {max} 之间。"));
        return n;
    }

    public void Require(bool condition, string field, string message)
    {
        if (!condition) _errors.Add(new(field, message));
    }

    public void Add(IEnumerable<FieldError> errors) => _errors.AddRange(errors);

    public void Add(FieldError? error)
    {
        if (error is not null) _errors.Add(error);
    }

    public void ThrowIfInvalid() => ValidationFailedException.ThrowIfAny(_errors);
}
