using CaseFlow.Domain.Outcomes;

namespace CaseFlow.Workflows.Engine;

/// <summary>The closed set of conditions a definition may name (Definitions.Registry.Guards).</summary>
public static class Guards
{
    public static bool Evaluate(string expression, StepContext ctx)
    {
        var negate = expression.StartsWith('!');
        var name = negate ? expression[1..] : expression;
        var c = ctx.Case;
        var value = name switch
        {
            "needsLegalReview" => Matches(ctx.Definition.Settings.LegalReviewOutcomes, c.CurrentDraft.Outcome),
            "needsSignOff" => Matches(ctx.Definition.Settings.SignOffOutcomes, c.CurrentDraft.Outcome),
            "hasOpenConsultation" => c.HasOpenConsultation,
            "hasOpenCoHandling" => c.HasOpenCoHandling,
            "extensionAvailable" => c.ExtensionAvailable(ctx.Today),
            "extensionRequested" => c.ExtensionRequested,
            "hasPendingProceeding" => c.HasPendingProceeding,
            "lastResultCorrected" => ctx.LastResultCorrected,
            "feeWaitPausesClock" => ctx.Definition.Settings.FeeWaitPausesClock,
            _ => throw new InvalidOperationException($"Guard '{name}' is not implemented."),
        };
        return value != negate;
    }

    private static bool Matches(IReadOnlyList<string> outcomes, string outcome) =>
        outcomes.Contains("*") || outcomes.Any(o => Outcomes.TryParse(o, out var x) && x.Code == outcome);
}
