using CaseFlow.Workflows.Definitions;

namespace CaseFlow.Workflows.Engine;

/// <summary>Evaluates a guard expression: a name from <see cref="Registry.GuardTable"/>, a leading "!" negates.</summary>
public static class Guards
{
    public static bool Evaluate(string expression, StepContext ctx)
    {
        var negate = expression.StartsWith('!');
        var name = negate ? expression[1..] : expression;
        var guard = Registry.GuardsByName.GetValueOrDefault(name) ?? throw new InvalidOperationException($"Guard '{name}' is not implemented.");
        return guard.Holds(ctx) != negate;
    }
}
