namespace CaseFlow.Workflows.Tests;

internal static class RepoPaths
{
    /// <summary>The repository root: the first folder above the test binaries that holds CaseFlow.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string Workflows => Path.Combine(Root, "workflows");
    public static string Fixtures => Path.Combine(Root, "tests", "CaseFlow.Workflows.Tests", "Fixtures");
    public static string Broken(string check) => Path.Combine(Fixtures, "broken", check);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CaseFlow.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} contains CaseFlow.sln.");
    }
}
