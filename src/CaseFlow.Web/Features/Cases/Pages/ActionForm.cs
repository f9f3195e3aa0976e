using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using CaseFlow.Domain;
using CaseFlow.Domain.Outcomes;
using CaseFlow.Workflows.Definitions;
using CaseFlow.Workflows.Engine;
using Microsoft.Extensions.Primitives;

namespace CaseFlow.Web.Features.Cases.Pages;

/// <summary>The form of one workflow action, built from the properties of its step's payload record (Steps.All), so
/// the pages show whatever a definition declares: DateOnly → date, enum → select, int/decimal → number, bool → checkbox,
/// string → text or textarea (办理结果 → the outcome list).</summary>
public sealed class ActionForm
{
    public const string Prefix = "p.";

    public enum Kind { Text, LongText, Date, Number, Decimal, Select, Checkbox, List }

    public sealed record Option(string Value, string Label);

    /// <summary>One field. A <see cref="Kind.List"/> field has <see cref="Entry"/>: the fields of each of its rows, whose
    /// inputs are named <c>p.items[0].outcome</c> and whose errors are keyed <c>items[0].outcome</c>, as the API's.</summary>
    public sealed record Field(string Name, string JsonName, string Label, string? Hint, Kind Kind, IReadOnlyList<Option> Options, Type Type, bool Required,
        IReadOnlyList<Field>? Entry = null, int MaxRows = 0, string? Row = null)
    {
        public string InputName => Prefix + JsonName;
        public string Id => "f-" + JsonName.Replace('[', '-').Replace("]", "").Replace('.', '-');

        /// <summary>The field <paramref name="entry"/> of row <paramref name="row"/> of this list field; its label names the
        /// row for screen readers, so that "办理结果" of the first item is not taken for the reply's own.</summary>
        public Field At(int row, Field entry) => entry with { JsonName = $"{JsonName}[{row}].{entry.JsonName}", Row = $"第{row + 1}个事项" };

        public bool Owns(string errorKey) => errorKey == JsonName || Kind == Kind.List && errorKey.StartsWith(JsonName + "[", StringComparison.Ordinal);
    }

    private ActionForm(ActionDefinition action, IReadOnlyList<Field> fields, bool dangerous)
    {
        Action = action;
        Fields = fields;
        Dangerous = dangerous;
    }

    public ActionDefinition Action { get; }
    public IReadOnlyList<Field> Fields { get; }

    /// <summary>Undoes a registration or ends the case for the applicant: the page asks for a reason and a confirmation.</summary>
    public bool Dangerous { get; }

    private static readonly HashSet<string> DangerousSteps = ["Void", "Withdraw"];

    public static ActionForm For(ActionDefinition action, JsonSerializerOptions json)
    {
        var type = Steps.All[action.Step].PayloadType;
        var fields = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.Name != "EqualityContract")
            .Select(p => Describe(p, json))
            .ToList();
        return new ActionForm(action, fields, DangerousSteps.Contains(action.Step));
    }

    private static Field Describe(PropertyInfo p, JsonSerializerOptions json) => Describe(p, json, entry: false);

    private static Field Describe(PropertyInfo p, JsonSerializerOptions json, bool entry)
    {
        var t = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
        var jsonName = json.PropertyNamingPolicy?.ConvertName(p.Name) ?? p.Name;
        if (PayloadRules.ListEntryType(t) is { } entryType)
        {
            var (label, hint) = FieldLabels.List(p.Name);
            var fields = PayloadRules.PropertiesOf(entryType).Select(q => Describe(q, json, entry: true)).ToList();
            return new Field(p.Name, jsonName, label, hint, Kind.List, [], t, false, fields, p.GetCustomAttribute<MaxItemsAttribute>()?.Max ?? 0);
        }
        var (kind, options) = t switch
        {
            _ when t == typeof(DateOnly) => (Kind.Date, Array.Empty<Option>()),
            _ when t == typeof(int) || t == typeof(long) => (Kind.Number, []),
            _ when t == typeof(decimal) => (Kind.Decimal, []),
            _ when t == typeof(bool) => (Kind.Checkbox, []),
            _ when t.IsEnum => (Kind.Select, Enum.GetNames(t).Select(n => new Option(n, FieldLabels.EnumLabel(t, n))).ToArray()),
            _ when p.Name == "Outcome" => (Kind.Select, Outcomes.All.Select(o => new Option(o.Code, $"{o.Row} {o.Label}")).ToArray()),
            _ when FieldLabels.LongText.Contains(p.Name) => (Kind.LongText, []),
            _ => (Kind.Text, []),
        };
        return entry
            ? new Field(p.Name, jsonName, FieldLabels.EntryLabel(p.Name), FieldLabels.EntryHint(p.Name), kind, options, t, PayloadRules.IsRequired(p))
            : new Field(p.Name, jsonName, FieldLabels.Label(p.Name), FieldLabels.Hint(p.Name), kind, options, t, PayloadRules.IsRequired(p));
    }

    /// <summary>How many rows a list field shows: every row that has a value, and one empty row more (at least
    /// <paramref name="least"/>), within the list's limit.</summary>
    public static int RowsOf(Field list, IReadOnlyDictionary<string, string> values, int least = 1)
    {
        var used = 0;
        for (var i = 0; i < list.MaxRows; i++)
            if (list.Entry!.Any(e => !string.IsNullOrWhiteSpace(values.GetValueOrDefault(list.At(i, e).InputName)))) used = i + 1;
        return Math.Min(list.MaxRows, Math.Max(least, used + 1));
    }

    /// <summary>The JSON payload from the posted form; values that cannot be read become field errors (keyed by the
    /// JSON name, as the API's errors are).</summary>
    public JsonObject Read(Func<string, StringValues> form, List<FieldError> errors)
    {
        var payload = new JsonObject();
        foreach (var f in Fields)
        {
            if (f.Kind == Kind.List) { if (ReadList(f, form, errors) is { } list) payload[f.JsonName] = list; continue; }
            ReadField(f, form, errors, payload, f.JsonName);
        }
        return payload;
    }

    /// <summary>The rows up to the last one with anything besides its item text (which the page fills in from the
    /// registration), so the indexes of the API's errors are the rows' indexes; null when no row is used.</summary>
    private static JsonArray? ReadList(Field list, Func<string, StringValues> form, List<FieldError> errors)
    {
        var last = -1;
        for (var i = 0; i < list.MaxRows; i++)
            if (list.Entry!.Where(e => e.Name != "Item").Any(e => !string.IsNullOrWhiteSpace(form(list.At(i, e).InputName)))) last = i;
        if (last < 0) return null;
        var rows = new JsonArray();
        for (var i = 0; i <= last; i++)
        {
            var row = new JsonObject();
            foreach (var e in list.Entry!) ReadField(list.At(i, e), form, errors, row, e.JsonName);
            rows.Add(row);
        }
        return rows;
    }

    private static void ReadField(Field f, Func<string, StringValues> form, List<FieldError> errors, JsonObject payload, string key)
    {
        var raw = form(f.InputName).ToString().Trim();
        if (f.Kind == Kind.Checkbox) { if (raw.Length > 0) payload[key] = true; return; }
        if (raw.Length == 0) return;
        switch (f.Kind)
        {
            case Kind.Date:
                if (DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)) payload[key] = raw;
                else errors.Add(new(f.JsonName, "请填写存在的日期，格式为 YYYY-MM-DD。"));
                break;
            case Kind.Number:
                if (int.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)) payload[key] = n;
                else errors.Add(new(f.JsonName, "请填写整数。"));
                break;
            case Kind.Decimal:
                if (decimal.TryParse(raw, NumberStyles.Number, CultureInfo.InvariantCulture, out var m)) payload[key] = m;
                else errors.Add(new(f.JsonName, "请填写金额，例如 100 或 100.50。"));
                break;
            case Kind.Select:
                if (f.Options.Any(o => o.Value == raw)) payload[key] = raw;
                else errors.Add(new(f.JsonName, "请从列表中选择。"));
                break;
            default:
                payload[key] = raw;
                break;
        }
    }
}
