using System.Text.Json.Serialization;

namespace CaseFlow.Workflows.Definitions;

/// <summary>A published, immutable workflow definition (one <c>workflows/*.json</c> file).
/// Cases are pinned to the (<see cref="DefinitionId"/>, <see cref="Version"/>) they started on.</summary>
public sealed record WorkflowDefinition
{
    public required string DefinitionId { get; init; }
    public required int Version { get; init; }
    public required string Name { get; init; }
    public required string InitialState { get; init; }
    public WorkflowSettings Settings { get; init; } = new();
    public required IReadOnlyList<StateDefinition> States { get; init; }
    public required IReadOnlyList<ActionDefinition> Actions { get; init; }

    /// <summary>The file it was loaded from, for error messages; not part of the JSON.</summary>
    [JsonIgnore] public string? SourceFile { get; init; }

    public StateDefinition State(string id) =>
        States.FirstOrDefault(s => s.Id == id) ?? throw new KeyNotFoundException($"State '{id}' is not in {DefinitionId} v{Version}.");

    public ActionDefinition? Action(string id) => Actions.FirstOrDefault(a => a.Id == id);

    public override string ToString() => $"{DefinitionId} v{Version}";
}

/// <summary>Conventions domain.md leaves to the workflow definition.</summary>
public sealed record WorkflowSettings
{
    /// <summary>Outcome codes whose draft needs legal review; "*" means all (v1 default).</summary>
    public IReadOnlyList<string> LegalReviewOutcomes { get; init; } = ["*"];

    /// <summary>Outcome codes whose reply needs the head's sign-off; "*" means all.</summary>
    public IReadOnlyList<string> SignOffOutcomes { get; init; } = ["*"];

    /// <summary>Reply-deadline reminders, in working days before the due date (0 = on the day).</summary>
    public IReadOnlyList<int> ReplyReminderWorkingDaysBefore { get; init; } = [5, 3, 1, 0];

    /// <summary>Project convention (domain.md §2.4): the fee wait is not counted in the reply deadline.</summary>
    public bool FeeWaitPausesClock { get; init; } = true;

    /// <summary>The role that records the confidentiality review (保密审查, domain.md §2.6) before a reply that releases
    /// information is signed off or delivered; null (v1): no review is asked for. v2 names
    /// <see cref="Roles.ConfidentialityReviewer"/>.</summary>
    public string? ConfidentialityReviewRole { get; init; }
}

public enum StateCategory
{
    /// <summary>Someone in the agency has work to do.</summary>
    Open,

    /// <summary>The case waits for the applicant or an outside party (correction, payment).</summary>
    Waiting,

    /// <summary>No more handling; only the actions listed for it (e.g. proceedings) remain.</summary>
    Final,
}

public sealed record StateDefinition
{
    public required string Id { get; init; }
    public required string Label { get; init; }
    public StateCategory Category { get; init; } = StateCategory.Open;

    /// <summary>The role whose task list shows cases in this state (a human task), if any.</summary>
    public string? TaskRole { get; init; }
}

/// <summary>A named action a user (or the system, on a timer) may take in some states.
/// <see cref="Step"/> names a step type from the closed registry in code; <see cref="Guard"/> and
/// each transition's <see cref="TransitionDefinition.When"/> name guards from the closed registry
/// (a leading "!" negates).</summary>
public sealed record ActionDefinition
{
    public required string Id { get; init; }
    public required string Label { get; init; }
    public required IReadOnlyList<string> From { get; init; }
    public required IReadOnlyList<string> Roles { get; init; }
    public required string Step { get; init; }
    public string? Guard { get; init; }

    /// <summary>Shorthand for a single unconditional transition; omitted with no transitions = stay in the state.</summary>
    public string? To { get; init; }

    /// <summary>Tried in order; the first whose guard holds (or has none) wins.</summary>
    public IReadOnlyList<TransitionDefinition> Transitions { get; init; } = [];

    public IEnumerable<TransitionDefinition> EffectiveTransitions =>
        Transitions.Count > 0 ? Transitions : To is null ? [] : [new TransitionDefinition { To = To }];
}

public sealed record TransitionDefinition
{
    public string? When { get; init; }
    public required string To { get; init; }
}

/// <summary>The roles of CaseFlow. <see cref="System"/> is for actions fired by timers, never by a person.</summary>
public static class Roles
{
    public const string Officer = "Officer";
    public const string LegalAdviser = "LegalAdviser";
    public const string Head = "Head";
    public const string Office = "Office";
    public const string Admin = "Admin";
    public const string System = "System";

    /// <summary>保密审查员: records the confidentiality review (domain.md §2.6); a legal adviser or the office may hold it too.</summary>
    public const string ConfidentialityReviewer = "ConfidentialityReviewer";

    public static readonly IReadOnlyList<string> All = [Officer, LegalAdviser, Head, Office, Admin, System, ConfidentialityReviewer];

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [Officer] = "承办人",
        [LegalAdviser] = "法律顾问",
        [Head] = "负责人",
        [Office] = "政务公开办",
        [Admin] = "系统管理员",
        [System] = "系统",
        [ConfidentialityReviewer] = "保密审查员",
    };
}
