using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using CaseFlow.Domain;

namespace CaseFlow.Workflows.Engine;

/// <summary>The longest text a payload's string property accepts (see <see cref="TextLimits"/>).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MaxTextAttribute(int length) : Attribute
{
    public int Length => length;
}

/// <summary>The action cannot run without this field: PayloadRules answers "必填。" for it before the step runs, and the
/// pages mark its label with *. The one declaration of what an action requires.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RequiredFieldAttribute : Attribute;

/// <summary>A whole number between <paramref name="min"/> and <paramref name="max"/>.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class BetweenAttribute(int min, int max) : Attribute
{
    public int Min => min;
    public int Max => max;
}

/// <summary>A list of at most <paramref name="max"/> entries; each entry's own fields are checked like the payload's,
/// and named <c>field[i].name</c> in errors.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MaxItemsAttribute(int max) : Attribute
{
    public int Max => max;
}

/// <summary>An amount in yuan: more than 0, at most two decimals, and within the stored precision (12, 2).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class YuanAttribute : Attribute
{
    public const decimal Max = 9_999_999_999.99m;
}

/// <summary>A date of the agency's own act (a notice sent, a decision taken) that the server records as today's China date:
/// the payload refuses it by name with a message saying so (domain.md §2.7, no backdating).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ServerDatedAttribute(params string[] fields) : Attribute
{
    public IReadOnlyList<string> Fields => fields;

    public const string Message = "该日期是本机关行为的日期，由系统按北京时间记录为操作当日，不能填写（不得倒签）。";
}

/// <summary>A date that may lie ahead (a period's end, an art 35 reply date). Every other payload date is the date of an
/// outside event that has happened, and may not be after today (China time).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MayBeAheadAttribute : Attribute;

/// <summary>The payload is not what the action takes: every bad field, nothing done. A 400 naming the fields.</summary>
public sealed class InvalidPayloadException(IReadOnlyList<FieldError> errors)
    : Exception(string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")))
{
    public IReadOnlyList<FieldError> Errors { get; } = errors;
}

/// <summary>
/// Turns an action's JSON body into its payload record and checks what the record declares, before the step runs
/// and so before anything is stored or journaled: wrong JSON types, enum values given other than by name, unknown
/// fields, texts over their limit, dates outside <see cref="LegalDates"/>, numbers out of range.
/// </summary>
public static class PayloadRules
{
    /// <summary>The body's own fields besides the payload's (the case version the client saw).</summary>
    private static readonly HashSet<string> Envelope = new(StringComparer.OrdinalIgnoreCase) { "version" };

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    public static object Bind(Type type, JsonElement? payload, JsonSerializerOptions json, DateOnly today)
    {
        if (payload is null || payload.Value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
            return JsonSerializer.Deserialize("{}", type, json)!;
        if (payload.Value.ValueKind != JsonValueKind.Object)
            throw new InvalidPayloadException([new FieldError("payload", "操作内容须为 JSON 对象。")]);

        var properties = PropertiesOf(type);
        var errors = new List<FieldError>();
        var serverDated = type.GetCustomAttribute<ServerDatedAttribute>()?.Fields ?? [];
        foreach (var field in payload.Value.EnumerateObject())
            if (serverDated.Contains(field.Name, StringComparer.OrdinalIgnoreCase))
                errors.Add(new FieldError(field.Name, ServerDatedAttribute.Message));
            else if (!Envelope.Contains(field.Name) && !properties.Any(p => string.Equals(NameOf(p), field.Name, StringComparison.OrdinalIgnoreCase)))
                errors.Add(new FieldError(field.Name, properties.Length == 0
                    ? "该操作不接受任何字段。"
                    : $"该操作没有此字段；可用字段：{string.Join("、", properties.Select(NameOf))}。"));
        foreach (var p in properties.Where(p => ListEntryType(p.PropertyType) is not null))
            if (payload.Value.TryGetProperty(NameOf(p), out var list) && list.ValueKind == JsonValueKind.Array)
            {
                var entryProperties = PropertiesOf(ListEntryType(p.PropertyType)!);
                var i = 0;
                foreach (var entry in list.EnumerateArray())
                {
                    if (entry.ValueKind == JsonValueKind.Object)
                        foreach (var field in entry.EnumerateObject())
                            if (!entryProperties.Any(q => string.Equals(NameOf(q), field.Name, StringComparison.OrdinalIgnoreCase)))
                                errors.Add(new FieldError($"{NameOf(p)}[{i}].{field.Name}", $"没有此字段；可用字段：{string.Join("、", entryProperties.Select(NameOf))}。"));
                    i++;
                }
            }
        if (errors.Count > 0) throw new InvalidPayloadException(errors);

        object bound;
        try
        {
            bound = payload.Value.Deserialize(type, json)!;
        }
        catch (JsonException e)
        {
            var field = FieldOf(e.Path);
            var property = properties.FirstOrDefault(p => string.Equals(NameOf(p), field, StringComparison.OrdinalIgnoreCase));
            throw new InvalidPayloadException([new FieldError(property is null ? field : NameOf(property),
                e is InvalidJsonValueException ? e.Message : BrokenTextMessage(e) ?? Expected(property?.PropertyType))]);
        }

        CheckAll(properties, bound, "", today, errors);
        if (errors.Count > 0) throw new InvalidPayloadException(errors);
        return bound;
    }

    private static void CheckAll(PropertyInfo[] properties, object bound, string prefix, DateOnly today, List<FieldError> errors)
    {
        foreach (var p in properties)
        {
            var value = p.GetValue(bound);
            var field = prefix + NameOf(p);
            if (value is System.Collections.IList list && p.GetCustomAttribute<MaxItemsAttribute>() is { } most)
            {
                if (list.Count > most.Max) { errors.Add(new FieldError(field, $"最多 {most.Max} 项。")); continue; }
                for (var i = 0; i < list.Count; i++)
                    if (list[i] is { } entry) CheckAll(PropertiesOf(entry.GetType()), entry, $"{field}[{i}].", today, errors);
                    else errors.Add(new FieldError($"{field}[{i}]", "不能为空。"));
            }
            else if (Check(p, value, field, today) is { } error) errors.Add(error);
            else if (IsRequired(p) && IsMissing(value))
                errors.Add(new FieldError(field, "必填。"));
        }
    }

    /// <summary>The payload type's properties, refusing a string property without a declared limit (a type added
    /// without one fails its first use and the test that binds every step's payload).</summary>
    public static PropertyInfo[] PropertiesOf(Type type) => Properties.GetOrAdd(type, t =>
    {
        var all = t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name != "EqualityContract").ToArray();
        foreach (var p in all.Where(p => p.PropertyType == typeof(string) && p.GetCustomAttribute<MaxTextAttribute>() is null))
            throw new InvalidOperationException($"{t.Name}.{p.Name}: a payload text must declare its length limit ([property: MaxText(...)]).");
        foreach (var p in all.Where(p => ListEntryType(p.PropertyType) is not null))
        {
            if (p.GetCustomAttribute<MaxItemsAttribute>() is null)
                throw new InvalidOperationException($"{t.Name}.{p.Name}: a payload list must declare its length limit ([property: MaxItems(...)]).");
            PropertiesOf(ListEntryType(p.PropertyType)!);
        }
        return all;
    });

    /// <summary>The entry type of a payload list (IReadOnlyList&lt;T&gt; of a record), null for anything else.</summary>
    public static Type? ListEntryType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? type.GetGenericArguments()[0] : null;

    private static bool IsMissing(object? value) => value is null || value is string s && string.IsNullOrWhiteSpace(s);

    public static bool IsRequired(PropertyInfo p) => p.GetCustomAttribute<RequiredFieldAttribute>() is not null;

    private static FieldError? Check(PropertyInfo p, object? value, string field, DateOnly today)
    {
        switch (value)
        {
            case string s:
                return TextLimits.Check(s, field, p.GetCustomAttribute<MaxTextAttribute>()!.Length);
            // A date that may lie ahead: within the legal window, up to a year ahead. Any other is an outside event that
            // has happened: not after today (China time).
            case DateOnly d when p.GetCustomAttribute<MayBeAheadAttribute>() is not null:
                return LegalDates.CheckAhead(d, field, today);
            case DateOnly d:
                return LegalDates.CheckPast(d, field, today);
            case Enum e when !Enum.IsDefined(e.GetType(), e):
                return new FieldError(field, $"须为以下之一：{string.Join("、", Enum.GetNames(e.GetType()))}。");
            case int n when p.GetCustomAttribute<BetweenAttribute>() is { } range && (n < range.Min || n > range.Max):
                return new FieldError(field, string.Create(CultureInfo.InvariantCulture, $"须为 {range.Min:N0} 至 {range.Max:N0} 之间的整数。"));
            case decimal m when p.GetCustomAttribute<YuanAttribute>() is not null && (m <= 0 || m > YuanAttribute.Max || decimal.Round(m, 2) != m):
                return new FieldError(field, string.Create(CultureInfo.InvariantCulture, $"须为大于 0、不超过 {YuanAttribute.Max:N2} 的金额（元），最多两位小数。"));
            default:
                return null;
        }
    }

    private static string NameOf(PropertyInfo p) => JsonNamingPolicy.CamelCase.ConvertName(p.Name);

    /// <summary>"$.days" → "days"; the body itself → "payload".</summary>
    private static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "payload" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    /// <summary>The message for a JSON text holding half of a surrogate pair (an escape such as <c>\uD83D</c> alone, e.g. an
    /// emoji cut in two), or null for any other error: System.Text.Json names UTF-16 in its own message for exactly this.</summary>
    public static string? BrokenTextMessage(JsonException e) =>
        e.InnerException is InvalidOperationException { Message: var inner } && inner.Contains("UTF-16", StringComparison.Ordinal)
            ? "文本含有无效字符（不成对的 UTF-16 代理项，常见于被截断的表情符号或生僻字），请检查来源文本。"
            : null;

    private static string Expected(Type? type) => (Nullable.GetUnderlyingType(type ?? typeof(object)) ?? type) switch
    {
        { } t when t == typeof(string) => "须为文本（加引号的字符串）。",
        { } t when t == typeof(DateOnly) => "须为存在的日期，格式 YYYY-MM-DD。",
        { } t when t == typeof(int) => "须为整数（不加引号）。",
        { } t when t == typeof(decimal) => "须为数字（不加引号）。",
        { } t when t == typeof(bool) => "须为 true 或 false。",
        { IsEnum: true } t => $"须为以下之一：{string.Join("、", Enum.GetNames(t))}（不接受数字）。",
        _ => "值的类型或格式不正确。",
    };
}
