using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using CaseFlow.Domain.Outcomes;
using CaseFlow.Workflows.Definitions;

namespace CaseFlow.Workflows.Tests.Definitions;

/// <summary>The JSON Schema is for editors and tooling; the loader checks the same rules in C#.
/// These tests keep the schema, the registries and the model from drifting apart.</summary>
public class SchemaTests
{
    private static readonly JsonElement Schema =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Workflows, "workflow-definition.schema.json"))).RootElement;

    private static JsonElement Def(string name) => Schema.GetProperty("$defs").GetProperty(name);

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();

    [Fact]
    public void The_schema_is_draft_2020_12_and_is_not_loaded_as_a_definition()
    {
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", Schema.GetProperty("$schema").GetString());
        Assert.DoesNotContain(DefinitionLoader.DefinitionFiles(RepoPaths.Workflows), f => f.EndsWith(".schema.json", StringComparison.Ordinal));
    }

    [Fact]
    public void Step_types_equal_the_registry()
    {
        var steps = Strings(Def("stepType").GetProperty("enum"));
        Assert.Equal(steps.Length, steps.Distinct().Count());
        Assert.Equal(Registry.StepTypes.Order(StringComparer.Ordinal), steps.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Guards_and_their_negations_equal_the_registry()
    {
        var guards = Strings(Def("guardName").GetProperty("enum"));
        var negated = Strings(Def("negatedGuardName").GetProperty("enum"));
        Assert.Equal(guards.Length, guards.Distinct().Count());
        Assert.Equal(Registry.Guards.Order(StringComparer.Ordinal), guards.Order(StringComparer.Ordinal));
        Assert.Equal(Registry.Guards.Select(g => "!" + g).Order(StringComparer.Ordinal), negated.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Guards_roles_and_timer_actions_are_complete()
    {
        Assert.All(Registry.GuardTable, g => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", g.Label));
        Assert.All(Roles.All, r => Assert.False(string.IsNullOrWhiteSpace(Roles.Labels[r])));
        Assert.All(Registry.TimerActions, t =>
        {
            Assert.Contains(t.Step, Registry.StepTypes);
            Assert.Contains(t.ArmedBy, Registry.StepTypes);
        });
        // the ids the timers fire are exactly those of v1's System-only actions
        var catalog = DefinitionLoader.LoadFolder(RepoPaths.Workflows);
        var v1 = catalog.Get("disclosure-request", 1);
        Assert.Equal(
            v1.Actions.Where(a => a.Roles.SequenceEqual([Roles.System])).Select(a => a.Id).Order(StringComparer.Ordinal),
            Registry.TimerActions.Select(t => t.ActionId).Order(StringComparer.Ordinal));
        // v2 keeps only the consultation's; at the end of a correction or payment period the officer decides instead
        var v2 = catalog.Get("disclosure-request", 2);
        Assert.Equal(["expireConsultation"], v2.Actions.Where(a => a.Roles.SequenceEqual([Roles.System])).Select(a => a.Id));
        Assert.All(Registry.TimerActions.Where(t => v2.Action(t.ActionId) is null), t => Assert.Contains(v2.Actions, a => a.Step == t.DecidedBy));
    }

    [Fact]
    public void Roles_and_outcome_codes_equal_the_code()
    {
        Assert.Equal(Roles.All, Strings(Def("role").GetProperty("enum")));
        Assert.Equal(["*", .. Outcomes.All.Select(o => o.Code)], Strings(Def("outcomeCode").GetProperty("enum")));
    }

    [Fact]
    public void Id_patterns_equal_the_validator()
    {
        Assert.Equal(DefinitionValidator.IdPattern, Def("id").GetProperty("pattern").GetString());
        Assert.Equal(DefinitionValidator.DefinitionIdPattern, Schema.GetProperty("properties").GetProperty("definitionId").GetProperty("pattern").GetString());
        var days = Def("settings").GetProperty("properties").GetProperty("replyReminderWorkingDaysBefore").GetProperty("items");
        Assert.Equal(0, days.GetProperty("minimum").GetInt32());
        Assert.Equal(DefinitionValidator.MaxReminderWorkingDays, days.GetProperty("maximum").GetInt32());
    }

    public static TheoryData<string, Type> ObjectShapes => new()
    {
        { "", typeof(WorkflowDefinition) },
        { "settings", typeof(WorkflowSettings) },
        { "state", typeof(StateDefinition) },
        { "action", typeof(ActionDefinition) },
        { "transition", typeof(TransitionDefinition) },
    };

    [Theory]
    [MemberData(nameof(ObjectShapes))]
    public void Every_object_is_closed_and_lists_exactly_the_model_properties(string def, Type model)
    {
        var shape = def.Length == 0 ? Schema : Def(def);
        Assert.False(shape.GetProperty("additionalProperties").GetBoolean());

        var jsonProperties = model.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is not null && p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            .ToList();
        var schemaProperties = shape.GetProperty("properties").EnumerateObject().Select(p => p.Name);
        Assert.Equal(
            jsonProperties.Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).Order(StringComparer.Ordinal),
            schemaProperties.Order(StringComparer.Ordinal));

        var required = shape.TryGetProperty("required", out var r) ? Strings(r) : [];
        Assert.Equal(
            jsonProperties.Where(p => p.GetCustomAttribute<RequiredMemberAttribute>() is not null)
                .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).Order(StringComparer.Ordinal),
            required.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_published_definition_uses_only_schema_names()
    {
        var steps = Strings(Def("stepType").GetProperty("enum"));
        foreach (var d in DefinitionLoader.LoadFolder(RepoPaths.Workflows).All)
            Assert.All(d.Actions, a => Assert.Contains(a.Step, steps));
    }
}
