using System.Text.Json;
using CaseFlow.Domain.Calendar;
using CaseFlow.Domain.Cases;
using CaseFlow.Workflows.Definitions;

namespace CaseFlow.Workflows.Engine;

public sealed class UnknownActionException(string message) : Exception(message);

public sealed class ActionNotAvailableException(string message) : Exception(message);

public sealed class ActionForbiddenException(string message) : Exception(message);

public sealed record AvailableAction(string Id, string Label, IReadOnlyList<string> Roles);

/// <summary>What one executed step changed; the caller persists it with the case in one transaction.</summary>
public sealed record StepResult(
    string ActionId,
    string Step,
    string FromState,
    string ToState,
    IReadOnlyDictionary<string, object?> Facts,
    IReadOnlyList<OutboxRequest> Outbox);

/// <summary>
/// Interprets a definition for one case. The only place that knows which actions exist in which state:
/// the API and the UI ask <see cref="AvailableActions"/>, and <see cref="Execute"/> re-checks the same rules.
/// </summary>
public sealed class WorkflowEngine(DefinitionCatalog catalog)
{
    public DefinitionCatalog Catalog => catalog;

    public WorkflowDefinition DefinitionOf(DisclosureRequest c) => catalog.Get(c.WorkflowId, c.WorkflowVersion);

    public IReadOnlyList<AvailableAction> AvailableActions(DisclosureRequest c, Actor actor, DateOnly today, WorkingDayCalendar calendar)
    {
        if (c.IsVoid) return [];
        var def = DefinitionOf(c);
        var result = new List<AvailableAction>();
        foreach (var action in def.Actions)
        {
            if (!action.From.Contains(c.State) || !action.Roles.Any(actor.Roles.Contains)) continue;
            var ctx = Context(def, action, c, actor, DateTime.MinValue, today, calendar, 0);
            if (action.Guard is not null && !SafeGuard(action.Guard, ctx)) continue;
            if (StepPreconditions.Refusal(action.Step, ctx) is not null) continue;
            result.Add(new AvailableAction(action.Id, action.Label, action.Roles));
        }
        return result;
    }

    public StepResult Execute(DisclosureRequest c, string actionId, JsonElement? payload, JsonSerializerOptions json,
        Actor actor, DateTime nowUtc, DateOnly today, WorkingDayCalendar calendar, int correctionPeriodWorkingDays,
        IReadOnlySet<string>? agencyOfficers = null, int? applicantMonthRank = null)
    {
        var def = DefinitionOf(c);
        var action = def.Action(actionId) ?? throw new UnknownActionException($"流程 {def} 中没有操作“{actionId}”。");
        if (c.IsVoid) throw new ActionNotAvailableException("本案已作废，不能再办理。");
        if (!action.Roles.Any(actor.Roles.Contains))
            throw new ActionForbiddenException($"“{action.Label}”须由{string.Join("或", action.Roles.Select(r => Roles.Labels[r]))}办理。");
        if (!action.From.Contains(c.State))
            throw new ActionNotAvailableException($"案件当前状态为“{def.State(c.State).Label}”，不能执行“{action.Label}”。");

        var ctx = Context(def, action, c, actor, nowUtc, today, calendar, correctionPeriodWorkingDays, applicantMonthRank);
        ctx.AgencyOfficers = agencyOfficers;
        if (action.Guard is not null && !SafeGuard(action.Guard, ctx))
            throw new ActionNotAvailableException($"当前不满足“{action.Label}”的条件（{action.Guard}）。");
        if (StepPreconditions.Refusal(action.Step, ctx) is { } refusal)
            throw new ActionNotAvailableException($"不能执行“{action.Label}”：{refusal}");

        var step = Steps.All[action.Step];
        var body = PayloadRules.Bind(step.PayloadType, payload, json, today);
        var from = c.State;
        step.Apply(ctx, body);

        var to = action.EffectiveTransitions.FirstOrDefault(t => t.When is null || Guards.Evaluate(t.When, ctx))?.To ?? from;
        c.MoveTo(to);
        c.Recompute(calendar);
        c.CommitStep();
        return new StepResult(action.Id, action.Step, from, to, ctx.Facts, ctx.Outbox);
    }

    // A guard that needs data the case does not have yet (e.g. no draft) is simply false.
    private static bool SafeGuard(string guard, StepContext ctx)
    {
        try
        {
            return Guards.Evaluate(guard, ctx);
        }
        catch (CaseRuleException)
        {
            return false;
        }
    }

    private static StepContext Context(WorkflowDefinition def, ActionDefinition action, DisclosureRequest c, Actor actor,
        DateTime nowUtc, DateOnly today, WorkingDayCalendar calendar, int correctionPeriod, int? applicantMonthRank = null) => new()
    {
        ApplicantMonthRank = applicantMonthRank,
        Definition = def,
        Action = action,
        Case = c,
        Actor = actor,
        NowUtc = nowUtc,
        Today = today,
        Calendar = calendar,
        CorrectionPeriodWorkingDays = correctionPeriod > 0 ? correctionPeriod : Domain.Deadlines.StatutoryPeriods.DefaultCorrectionPeriodWorkingDays,
    };
}
