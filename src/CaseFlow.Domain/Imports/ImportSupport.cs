using System.Globalization;

namespace CaseFlow.Domain.Imports;

/// <summary>One problem in an imported file. <see cref="Row"/> is the 1-based line in the file (header = 1);
/// <see cref="Field"/> is the column name, "header" for the header line, "row" for a wrong number of values,
/// "csv" for a CSV syntax error.</summary>
public sealed record ImportError(int Row, string Field, string Message);

/// <summary>Shared parsing rules of the import files.</summary>
internal static class ImportSupport
{
    public const string HeaderField = "header";
    public const string RowField = "row";
    public const string CsvField = "csv";

    public static IReadOnlyList<ImportError> CsvErrors(CsvParseResult csv) =>
        [.. csv.Errors.Select((e, i) => new ImportError(i < csv.ErrorLines.Count ? csv.ErrorLines[i] : 0, CsvField, e.Message))];

    public static bool IsBlank(IReadOnlyList<string>? row) => row is null || row.All(string.IsNullOrWhiteSpace);

    /// <summary>Checks the header against the expected column names (trimmed, case-insensitive, exact order);
    /// empty names at the end are ignored. Each missing, unknown or repeated column is one error naming it.</summary>
    public static List<ImportError> CheckHeader(IReadOnlyList<string> header, IReadOnlyList<string> expected, int line)
    {
        var errors = new List<ImportError>();
        var names = header.Select(h => (h ?? "").Trim()).ToList();
        while (names.Count > 0 && names[^1].Length == 0) names.RemoveAt(names.Count - 1);
        var cmp = StringComparer.OrdinalIgnoreCase;
        var seen = new HashSet<string>(cmp);
        var expectedText = string.Join(",", expected);
        for (var k = 0; k < names.Count; k++)
        {
            var name = names[k];
            if (name.Length == 0)
                errors.Add(new(line, HeaderField, $"表头第 {k + 1} 列没有列名。表头应为：{expectedText}"));
            else if (!expected.Contains(name, cmp))
                errors.Add(new(line, HeaderField, $"表头有未知的列“{name}”（第 {k + 1} 列）。表头应为：{expectedText}"));
            else if (!seen.Add(name))
                errors.Add(new(line, HeaderField, $"表头的列“{name}”重复（第 {k + 1} 列）。"));
        }
        foreach (var name in expected)
            if (!names.Contains(name, cmp))
                errors.Add(new(line, HeaderField, $"表头缺少列“{name}”。表头应为：{expectedText}"));
        if (errors.Count == 0 && !names.SequenceEqual(expected, cmp))
            errors.Add(new(line, HeaderField, $"表头的列顺序不对，应为：{expectedText}"));
        return errors;
    }

    /// <summary>The row's values, trimmed, when it has one value per column (extra empty values at the end are
    /// ignored); otherwise one error and null.</summary>
    public static string[]? Cells(IReadOnlyList<string> row, int columns, int line, List<ImportError> errors)
    {
        var count = row.Count;
        while (count > columns && string.IsNullOrWhiteSpace(row[count - 1])) count--;
        if (count != columns)
        {
            errors.Add(new(line, RowField, $"第 {line} 行有 {count} 个值，应为 {columns} 个（与表头的列一一对应）。"));
            return null;
        }
        return [.. row.Take(columns).Select(v => (v ?? "").Trim())];
    }

    public static string? Required(string value, string field, int maxLength, int line, List<ImportError> errors)
    {
        if (value.Length == 0)
        {
            errors.Add(new(line, field, "必填。"));
            return null;
        }
        return MaxLength(value, field, maxLength, line, errors);
    }

    public static string? MaxLength(string value, string field, int maxLength, int line, List<ImportError> errors)
    {
        if (value.Length <= maxLength) return value;
        errors.Add(new(line, field, $"不能超过 {maxLength} 个字符（现有 {value.Length} 个）。"));
        return null;
    }

    /// <summary>A real date written YYYY-MM-DD of something that has happened (<see cref="LegalDates.CheckPast(DateOnly?, string, DateOnly)"/>:
    /// not before 2008-05-01, and not after <paramref name="today"/> when given); empty → null without error when not required.</summary>
    public static DateOnly? Date(string value, string field, bool required, int line, List<ImportError> errors, DateOnly? today)
    {
        if (value.Length == 0)
        {
            if (required) errors.Add(new(line, field, "必填，格式 YYYY-MM-DD。"));
            return null;
        }
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            if (LegalDates.CheckPast(d, field, today ?? DateOnly.MaxValue) is not { } outside) return d;
            errors.Add(new(line, field, $"“{value}”{outside.Message}"));
            return null;
        }
        errors.Add(new(line, field, $"“{value}”不是有效日期：应为 YYYY-MM-DD 格式的真实日期（如 2023-02-28）。"));
        return null;
    }

    /// <summary>Looks a value up in a table of accepted spellings (case-insensitive); empty → error "必填".</summary>
    public static T? Lookup<T>(string value, string field, IReadOnlyDictionary<string, T> accepted, string expectedText, int line, List<ImportError> errors)
        where T : struct
    {
        if (value.Length == 0)
        {
            errors.Add(new(line, field, $"必填，应为 {expectedText}。"));
            return null;
        }
        if (accepted.TryGetValue(value, out var v)) return v;
        errors.Add(new(line, field, $"无法识别“{value}”，应为 {expectedText}。"));
        return null;
    }

    /// <summary>An amount in yuan: non-negative, at most two decimals, digits and one decimal point only; empty → null.</summary>
    public static decimal? Yuan(string value, string field, int line, List<ImportError> errors)
    {
        if (value.Length == 0) return null;
        if (!decimal.TryParse(value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v))
        {
            errors.Add(new(line, field, $"“{value}”不是金额：应为以元为单位的数字，如 100 或 12.50。"));
            return null;
        }
        if (v < 0)
        {
            errors.Add(new(line, field, $"金额不能为负数（{value}）。"));
            return null;
        }
        if (decimal.Round(v, 2) != v)
        {
            errors.Add(new(line, field, $"金额最多两位小数（{value}）。"));
            return null;
        }
        return v;
    }

    public static Dictionary<string, T> Spellings<T>(params (string Text, T Value)[] items)
    {
        var map = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        foreach (var (text, value) in items) map[text] = value;
        return map;
    }
}
