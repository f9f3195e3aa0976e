namespace CaseFlow.Workflows.Definitions;

/// <summary>One or more workflow definition files are broken. The message names every file and every
/// problem found, one per line (<c>disclosure-request.v1.json: action 'x' has …</c>), so start-up can
/// stop with it as is.</summary>
public sealed class WorkflowDefinitionException : Exception
{
    public WorkflowDefinitionException(string source, IReadOnlyList<string> problems)
        : base(BuildMessage(source, problems))
    {
        Problems = problems;
    }

    /// <summary>Each problem, prefixed with the file name it was found in.</summary>
    public IReadOnlyList<string> Problems { get; }

    private static string BuildMessage(string source, IReadOnlyList<string> problems) =>
        $"Invalid workflow definitions in {source} ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}):"
        + Environment.NewLine
        + string.Join(Environment.NewLine, problems);
}
