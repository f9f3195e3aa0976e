using CaseFlow.Domain.Cases;
using CaseFlow.Workflows.Definitions;

namespace CaseFlow.Workflows.Engine;

/// <summary>Who or what a case waits for now (its waiting point): a human task of <see cref="Role"/> (and
/// <see cref="Assignee"/>, for the officer's), or an outside event; <see cref="Actions"/> are the people's actions
/// that end the wait, comma-separated.</summary>
public sealed record WaitingFor(string State, string Kind, string? Role, string? Assignee, string Actions, DateOnly? DueOn)
{
    /// <summary>Null once the case waits for nothing (void, or in a final state).</summary>
    public static WaitingFor? Of(DisclosureRequest c, WorkflowDefinition def)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(def);
        var state = def.State(c.State);
        if (c.IsVoid || state.Category == StateCategory.Final) return null;
        return new WaitingFor(
            c.State,
            state.Category == StateCategory.Waiting ? "Event" : "HumanTask",
            state.TaskRole,
            state.TaskRole == Roles.Officer ? c.AssignedOfficer : null,
            string.Join(",", def.Actions.Where(a => a.From.Contains(c.State) && !a.Roles.SequenceEqual([Roles.System])).Select(a => a.Id)),
            c.ReplyDueOn);
    }
}
