using System.Globalization;
using CaseFlow.Domain;

namespace CaseFlow.Web.Errors;

/// <summary>Parses raw query values so a bad one is reported with its field name, not a generic 400.</summary>
public sealed class Input
{
    private readonly List<FieldError> _errors = [];

    public DateOnly Date(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) { _errors.Add(new(field, "必填，格式为 YYYY-MM-DD。")); return default; }
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        _errors.Add(new(field, $"“{value}”不是存在的日期，格式须为 YYYY-MM-DD。"));
        return default;
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

    public void ThrowIfInvalid() => ValidationFailedException.ThrowIfAny(_errors);
}
