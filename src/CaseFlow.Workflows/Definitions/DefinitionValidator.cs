using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CaseFlow.Domain.Outcomes;

namespace CaseFlow.Workflows.Definitions;

/// <summary>Checks a workflow definition and returns every problem found (empty = valid). Messages do
/// not name the file; <see cref="DefinitionLoader"/> prefixes them with it.
/// <para><see cref="ValidateStructure"/> is the C# equivalent of <c>workflows/workflow-definition.schema.json</c>
/// (types, required and unknown properties, id patterns, enums); <see cref="Validate"/> adds what a schema
/// cannot say (known states, closed registries, reachability, dead ends, settings).</para></summary>
public static partial class DefinitionValidator
{
    public const string IdPattern = "^[a-z][a-zA-Z0-9]*$";
    public const string DefinitionIdPattern = "^[a-z][a-z0-9-]*$";
    public const int MaxReminderWorkingDays = 20;

    // ---------------------------------------------------------------- structure (the schema, in C#)

    /// <summary>Structural checks on the raw JSON, mirroring the JSON Schema.</summary>
    public static IReadOnlyList<string> ValidateStructure(JsonElement root) => CheckStructure(root).Problems;

    /// <summary>The problems, and whether the document can still be deserialized into the model
    /// (only unknown properties were found, which the lenient reader skips).</summary>
    internal static (IReadOnlyList<string> Problems, bool CanDeserialize) CheckStructure(JsonElement root)
    {
        var ctx = new StructureContext();
        Check(root, Shapes.Definition, "", ctx);
        return (ctx.Problems, !ctx.Fatal);
    }

    private sealed class StructureContext
    {
        public List<string> Problems { get; } = [];
        public bool Fatal { get; set; }

        public void Add(string path, string problem, bool fatal = true)
        {
            Problems.Add(path.Length == 0 ? problem : $"{path}: {problem}");
            Fatal |= fatal;
        }
    }

    private abstract record Shape;
    private sealed record ObjectShape(params Property[] Properties) : Shape;
    private sealed record Property(string Name, Shape Shape, bool Required = false);
    private sealed record StringShape(Regex? Pattern = null, IReadOnlyList<string>? Enum = null) : Shape;
    private sealed record IntegerShape(int? Minimum = null) : Shape;
    private sealed record BooleanShape : Shape;
    private sealed record ArrayShape(Shape Items, int MinItems = 0, bool Unique = false) : Shape;

    private static class Shapes
    {
        private static readonly StringShape Id = new(IdRegex());
        private static readonly StringShape Text = new();

        private static readonly ObjectShape Settings = new(
            // uniqueness, outcome codes and the 0..20 range are checked in CheckSettings, so that
            // definitions built in code get the same checks
            new Property("legalReviewOutcomes", new ArrayShape(Text)),
            new Property("signOffOutcomes", new ArrayShape(Text)),
            new Property("replyReminderWorkingDaysBefore", new ArrayShape(new IntegerShape())),
            new Property("feeWaitPausesClock", new BooleanShape()),
            new Property("confidentialityReviewRole", Text));

        private static readonly ObjectShape State = new(
            new Property("id", Id, Required: true),
            new Property("label", Text, Required: true),
            new Property("category", new StringShape(Enum: ["open", "waiting", "final"])),
            new Property("taskRole", Text));

        private static readonly ObjectShape Transition = new(
            new Property("when", Text),
            new Property("to", Id, Required: true));

        private static readonly ObjectShape Action = new(
            new Property("id", Id, Required: true),
            new Property("label", Text, Required: true),
            new Property("from", new ArrayShape(Id, MinItems: 1, Unique: true), Required: true),
            new Property("roles", new ArrayShape(Text, MinItems: 1, Unique: true), Required: true),
            new Property("step", Text, Required: true),
            new Property("guard", Text),
            new Property("to", Id),
            new Property("transitions", new ArrayShape(Transition, MinItems: 1)));

        public static readonly ObjectShape Definition = new(
            new Property("definitionId", new StringShape(DefinitionIdRegex()), Required: true),
            new Property("version", new IntegerShape(Minimum: 1), Required: true),
            new Property("name", Text, Required: true),
            new Property("initialState", Id, Required: true),
            new Property("settings", Settings),
            new Property("states", new ArrayShape(State, MinItems: 1), Required: true),
            new Property("actions", new ArrayShape(Action, MinItems: 1), Required: true));
    }

    private static void Check(JsonElement e, Shape shape, string path, StructureContext ctx)
    {
        switch (shape)
        {
            case ObjectShape o:
                if (e.ValueKind != JsonValueKind.Object) { ctx.Add(path, $"must be an object, not {Describe(e)}"); return; }
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var p in e.EnumerateObject())
                {
                    if (!seen.Add(p.Name)) { ctx.Add(path, $"property '{p.Name}' appears more than once"); continue; }
                    var prop = o.Properties.FirstOrDefault(x => x.Name == p.Name);
                    if (prop is null)
                    {
                        var hint = o.Properties.FirstOrDefault(x => string.Equals(x.Name, p.Name, StringComparison.OrdinalIgnoreCase));
                        ctx.Add(path, $"unknown property '{p.Name}'" + (hint is null ? "" : $" (did you mean '{hint.Name}'?)"), fatal: false);
                        continue;
                    }
                    Check(p.Value, prop.Shape, Join(path, p.Name), ctx);
                }
                foreach (var prop in o.Properties.Where(x => x.Required && !seen.Contains(x.Name)))
                    ctx.Add(path, $"missing required property '{prop.Name}'");
                break;

            case StringShape s:
                if (e.ValueKind != JsonValueKind.String) { ctx.Add(path, $"must be a string, not {Describe(e)}"); return; }
                var value = e.GetString()!;
                if (value.Length == 0) ctx.Add(path, "must not be empty");
                else if (s.Pattern is not null && !s.Pattern.IsMatch(value))
                    ctx.Add(path, $"'{value}' does not match the pattern {s.Pattern}");
                else if (s.Enum is not null && !s.Enum.Contains(value, StringComparer.Ordinal))
                    ctx.Add(path, $"'{value}' is not one of {string.Join(", ", s.Enum)}");
                break;

            case IntegerShape i:
                if (e.ValueKind != JsonValueKind.Number || !e.TryGetInt32(out var n)) { ctx.Add(path, $"must be an integer, not {Describe(e)}"); return; }
                if (i.Minimum is { } min && n < min) ctx.Add(path, $"must be at least {min.ToString(CultureInfo.InvariantCulture)}");
                break;

            case BooleanShape:
                if (e.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) ctx.Add(path, $"must be true or false, not {Describe(e)}");
                break;

            case ArrayShape a:
                if (e.ValueKind != JsonValueKind.Array) { ctx.Add(path, $"must be an array, not {Describe(e)}"); return; }
                var count = e.GetArrayLength();
                if (count < a.MinItems) ctx.Add(path, $"must have at least {a.MinItems.ToString(CultureInfo.InvariantCulture)} item{(a.MinItems == 1 ? "" : "s")}");
                var index = 0;
                var raw = new HashSet<string>(StringComparer.Ordinal);
                foreach (var item in e.EnumerateArray())
                {
                    var itemPath = $"{path}[{index.ToString(CultureInfo.InvariantCulture)}]";
                    if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
                        itemPath += $" ('{id.GetString()}')";
                    Check(item, a.Items, itemPath, ctx);
                    if (a.Unique && item.ValueKind is JsonValueKind.String or JsonValueKind.Number && !raw.Add(item.GetRawText()))
                        ctx.Add(path, $"lists {item.GetRawText()} more than once", fatal: false);
                    index++;
                }
                break;
        }
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static string Describe(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => $"the number {e.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => e.GetRawText(),
        JsonValueKind.Null => "null",
        _ => e.ValueKind.ToString(),
    };

    [GeneratedRegex(IdPattern, RegexOptions.CultureInvariant)]
    private static partial Regex IdRegex();

    [GeneratedRegex(DefinitionIdPattern, RegexOptions.CultureInvariant)]
    private static partial Regex DefinitionIdRegex();

    // ---------------------------------------------------------------- semantics

    /// <summary>Checks a deserialized definition against the registries and itself.</summary>
    public static IReadOnlyList<string> Validate(WorkflowDefinition d)
    {
        var problems = new List<string>();
        var states = d.States ?? [];
        var actions = d.Actions ?? [];

        var stateIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in states)
        {
            if (!stateIds.Add(s.Id)) problems.Add($"duplicate state id '{s.Id}'");
            if (s.TaskRole is not null && !Roles.All.Contains(s.TaskRole, StringComparer.Ordinal))
                problems.Add($"state '{s.Id}' has unknown task role '{s.TaskRole}' (roles: {string.Join(", ", Roles.All)})");
        }

        var initialKnown = stateIds.Contains(d.InitialState);
        if (!initialKnown) problems.Add($"initial state '{d.InitialState}' is not a state");

        var actionIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in actions)
        {
            if (!actionIds.Add(a.Id)) problems.Add($"duplicate action id '{a.Id}'");
            if (!Registry.StepTypes.Contains(a.Step))
                problems.Add($"action '{a.Id}' has unknown step type '{a.Step}'");
            if (a.Guard is not null && !IsKnownGuard(a.Guard))
                problems.Add($"action '{a.Id}' has unknown guard '{a.Guard}'");
            foreach (var r in a.Roles ?? [])
                if (!Roles.All.Contains(r, StringComparer.Ordinal))
                    problems.Add($"action '{a.Id}' has unknown role '{r}' (roles: {string.Join(", ", Roles.All)})");
            foreach (var f in a.From ?? [])
                if (!stateIds.Contains(f))
                    problems.Add($"action '{a.Id}' is available in unknown state '{f}'");
            if (a.To is not null && a.Transitions is { Count: > 0 })
                problems.Add($"action '{a.Id}' sets both 'to' and 'transitions'; use one of them");
            if (a.To is not null && !stateIds.Contains(a.To))
                problems.Add($"action '{a.Id}' has a transition to unknown state '{a.To}'");
            var transitions = a.Transitions ?? [];
            for (var i = 0; i < transitions.Count; i++)
            {
                var t = transitions[i];
                if (!stateIds.Contains(t.To))
                    problems.Add($"action '{a.Id}' has a transition to unknown state '{t.To}'");
                if (t.When is not null && !IsKnownGuard(t.When))
                    problems.Add($"action '{a.Id}' has a transition with unknown guard '{t.When}' in 'when'");
                if (t.When is null && i < transitions.Count - 1)
                    problems.Add($"action '{a.Id}': the transition to '{t.To}' has no 'when', so the transitions after it can never be taken");
            }
        }

        CheckTimerActions(actions, problems);
        CheckGraph(d, initialKnown, problems);
        CheckSettings(d.Settings ?? new WorkflowSettings(), problems);
        CheckConfidentialityReview(d.Settings ?? new WorkflowSettings(), actions, problems);
        return problems;
    }

    /// <summary>The timers fire System actions by id (<see cref="Registry.TimerActions"/>): a definition with a step that arms
    /// such a timer must have the action, run by the System on the right step in the states the arming action leads to;
    /// otherwise the timer would fail every sweep, forever.</summary>
    private static void CheckTimerActions(IReadOnlyList<ActionDefinition> actions, List<string> problems)
    {
        foreach (var timer in Registry.TimerActions)
        {
            var arming = actions.Where(a => a.Step == timer.ArmedBy).ToList();
            if (arming.Count == 0) continue;
            var armedBy = string.Join(", ", arming.Select(a => $"'{a.Id}'"));
            var fired = actions.FirstOrDefault(a => a.Id == timer.ActionId);
            // Without the System action the timer only reminds, and a person decides with the deciding step.
            if (fired is null && timer.DecidedBy is { } decided && actions.Any(a => a.Step == decided)) continue;
            if (fired is null)
            {
                problems.Add($"action {armedBy} ({timer.ArmedBy}) arms a timer that fires the action '{timer.ActionId}', which the definition does not have; add it with role 'System' and step '{timer.Step}'");
                continue;
            }
            if (fired.Step != timer.Step)
                problems.Add($"action '{timer.ActionId}' is fired by a timer and must use step '{timer.Step}', not '{fired.Step}'");
            if (!(fired.Roles ?? []).Contains(Roles.System, StringComparer.Ordinal))
                problems.Add($"action '{timer.ActionId}' is fired by a timer and must have role 'System'");
            var waiting = arming.SelectMany(a => a.EffectiveTransitions.Any() ? a.EffectiveTransitions.Select(t => t.To) : a.From ?? []).Distinct(StringComparer.Ordinal);
            foreach (var state in waiting.Where(s => !(fired.From ?? []).Contains(s, StringComparer.Ordinal)))
                problems.Add($"action '{timer.ActionId}' is fired by a timer armed by {armedBy} but is not available in state '{state}'");
        }
    }

    /// <summary>A guard name from <see cref="Registry.Guards"/>, optionally negated with a leading "!".</summary>
    public static bool IsKnownGuard(string expression) =>
        Registry.Guards.Contains(expression.StartsWith('!') ? expression[1..] : expression);

    /// <summary>The file name a definition must have: <c>&lt;definitionId&gt;.v&lt;version&gt;.json</c>.</summary>
    public static string ExpectedFileName(string definitionId, int version) =>
        $"{definitionId}.v{version.ToString(CultureInfo.InvariantCulture)}.json";

    public static IReadOnlyList<string> ValidateFileName(string fileName, WorkflowDefinition d)
    {
        var expected = ExpectedFileName(d.DefinitionId, d.Version);
        return string.Equals(Path.GetFileName(fileName), expected, StringComparison.Ordinal)
            ? []
            : [$"file name should be '{expected}' (<definitionId>.v<version>.json) for definitionId '{d.DefinitionId}' version {d.Version.ToString(CultureInfo.InvariantCulture)}"];
    }

    /// <summary>The states each state leads to: following each action's transitions from each of its
    /// <c>from</c> states; an action without transitions keeps the state. Unknown states are left out.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Successors(WorkflowDefinition d)
    {
        var known = d.States.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var map = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var id in known) map[id] = [];
        foreach (var a in d.Actions)
        {
            var targets = a.EffectiveTransitions.Select(t => t.To).ToList();
            foreach (var from in a.From.Where(known.Contains))
                foreach (var to in targets.Count == 0 ? [from] : targets)
                    if (known.Contains(to) && !map[from].Contains(to)) map[from].Add(to);
        }
        return map.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value, StringComparer.Ordinal);
    }

    private static void CheckGraph(WorkflowDefinition d, bool initialKnown, List<string> problems)
    {
        var successors = Successors(d);
        var distinctStates = d.States.DistinctBy(s => s.Id).ToList();

        if (initialKnown)
        {
            var reached = Reach(d.InitialState, successors);
            foreach (var s in distinctStates.Where(s => !reached.Contains(s.Id)))
                problems.Add($"state '{s.Id}' is unreachable from the initial state '{d.InitialState}'");
        }

        var withActions = d.Actions.SelectMany(a => a.From).ToHashSet(StringComparer.Ordinal);
        foreach (var s in distinctStates.Where(s => s.Category != StateCategory.Final && !withActions.Contains(s.Id)))
            problems.Add($"state '{s.Id}' is a dead end: it is not final and no action is available in it");

        var finals = distinctStates.Where(s => s.Category == StateCategory.Final).Select(s => s.Id).ToList();
        if (finals.Count == 0)
        {
            problems.Add("no state has category 'final', so no case can ever end");
            return;
        }
        foreach (var s in distinctStates.Where(s => s.Category != StateCategory.Final && withActions.Contains(s.Id)))
            if (!Reach(s.Id, successors).Overlaps(finals))
                problems.Add($"state '{s.Id}' can never reach a final state (its actions only lead to non-final states)");
    }

    private static HashSet<string> Reach(string start, IReadOnlyDictionary<string, IReadOnlyList<string>> successors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { start };
        var queue = new Queue<string>([start]);
        while (queue.TryDequeue(out var s))
            foreach (var n in successors.TryGetValue(s, out var next) ? next : [])
                if (seen.Add(n)) queue.Enqueue(n);
        return seen;
    }

    /// <summary>settings.confidentialityReviewRole names who records the 保密审查 (domain.md §2.6); the action that records
    /// it must be run by exactly that role, so the role check, the diagram and the setting agree. A definition without the
    /// setting asks for no review and must not have the step.</summary>
    private static void CheckConfidentialityReview(WorkflowSettings settings, IReadOnlyList<ActionDefinition> actions, List<string> problems)
    {
        var role = settings.ConfidentialityReviewRole;
        var recording = actions.Where(a => a.Step == "RecordConfidentialityReview").ToList();
        if (role is null)
        {
            foreach (var a in recording)
                problems.Add($"action '{a.Id}' records a confidentiality review, but settings.confidentialityReviewRole is not set");
            return;
        }
        if (!Roles.All.Contains(role, StringComparer.Ordinal) || role == Roles.System)
        {
            problems.Add($"settings.confidentialityReviewRole: unknown role '{role}' (roles: {string.Join(", ", Roles.All.Where(r => r != Roles.System))})");
            return;
        }
        if (recording.Count == 0)
            problems.Add($"settings.confidentialityReviewRole is set, but no action runs the step 'RecordConfidentialityReview'");
        foreach (var a in recording.Where(a => a.Roles.Count != 1 || a.Roles[0] != role))
            problems.Add($"action '{a.Id}' must be run by settings.confidentialityReviewRole '{role}' alone, not by {string.Join(", ", a.Roles)}");
    }

    private static void CheckSettings(WorkflowSettings settings, List<string> problems)
    {
        CheckOutcomes("legalReviewOutcomes", settings.LegalReviewOutcomes ?? [], problems);
        CheckOutcomes("signOffOutcomes", settings.SignOffOutcomes ?? [], problems);

        var days = settings.ReplyReminderWorkingDaysBefore ?? [];
        foreach (var n in days.Where(n => n is < 0 or > MaxReminderWorkingDays).Distinct())
            problems.Add($"settings.replyReminderWorkingDaysBefore: {n.ToString(CultureInfo.InvariantCulture)} is outside 0..{MaxReminderWorkingDays.ToString(CultureInfo.InvariantCulture)}");
        foreach (var n in days.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key))
            problems.Add($"settings.replyReminderWorkingDaysBefore: {n.ToString(CultureInfo.InvariantCulture)} is listed more than once");
    }

    private static void CheckOutcomes(string name, IReadOnlyList<string> codes, List<string> problems)
    {
        foreach (var code in codes)
        {
            if (code == "*") continue;
            if (!Outcomes.TryParse(code, out var outcome))
                problems.Add($"settings.{name}: unknown outcome code '{code}' (use \"*\" or a code such as '{Outcomes.Disclosed.Code}')");
            else if (!string.Equals(outcome.Code, code, StringComparison.Ordinal))
                problems.Add($"settings.{name}: write the outcome code '{outcome.Code}' instead of '{code}'");
        }
        if (codes.Contains("*") && codes.Count > 1)
            problems.Add($"settings.{name}: \"*\" already means every outcome; list it alone");
        foreach (var dup in codes.GroupBy(c => c, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
            problems.Add($"settings.{name}: '{dup}' is listed more than once");
    }
}
