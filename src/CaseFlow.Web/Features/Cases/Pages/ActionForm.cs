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

    public enum Kind { Text, LongText, Date, Number, Decimal, Select, Checkbox }

    public sealed record Option(string Value, string Label);

    public sealed record Field(string Name, string JsonName, string Label, string? Hint, Kind Kind, IReadOnlyList<Option> Options, Type Type, bool Required)
    {
        public string InputName => Prefix + JsonName;
        public string Id => "f-" + JsonName;
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

    private static Field Describe(PropertyInfo p, JsonSerializerOptions json)
    {
        var t = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
        var jsonName = json.PropertyNamingPolicy?.ConvertName(p.Name) ?? p.Name;
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
        return new Field(p.Name, jsonName, FieldLabels.Label(p.Name), FieldLabels.Hint(p.Name), kind, options, t, PayloadRules.IsRequired(p));
    }

    /// <summary>The JSON payload from the posted form; values that cannot be read become field errors (keyed by the
    /// JSON name, as the API's errors are).</summary>
    public JsonObject Read(Func<string, StringValues> form, List<FieldError> errors)
    {
        var payload = new JsonObject();
        foreach (var f in Fields)
        {
            var raw = form(f.InputName).ToString().Trim();
            if (f.Kind == Kind.Checkbox) { if (raw.Length > 0) payload[f.JsonName] = true; continue; }
            if (raw.Length == 0) continue;
            switch (f.Kind)
            {
                case Kind.Date:
                    if (DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) payload[f.JsonName] = raw;
                    else errors.Add(new(f.JsonName, "请填写存在的日期，格式为 YYYY-MM-DD。"));
                    break;
                case Kind.Number:
                    if (int.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)) payload[f.JsonName] = n;
                    else errors.Add(new(f.JsonName, "请填写整数。"));
                    break;
                case Kind.Decimal:
                    if (decimal.TryParse(raw, NumberStyles.Number, CultureInfo.InvariantCulture, out var m)) payload[f.JsonName] = m;
                    else errors.Add(new(f.JsonName, "请填写金额，例如 100 或 100.50。"));
                    break;
                case Kind.Select:
                    if (f.Options.Any(o => o.Value == raw)) payload[f.JsonName] = raw;
                    else errors.Add(new(f.JsonName, "请从列表中选择。"));
                    break;
                default:
                    payload[f.JsonName] = raw;
                    break;
            }
        }
        return payload;
    }
}
