namespace CaseFlow.Web.Tests.Infrastructure;

/// <summary>A workflows folder with only v1 published, for tests of v1 behaviour that v2 changed (the System actions
/// that conclude a case at the end of a correction or payment period): new cases there start on v1.</summary>
public static class V1Workflows
{
    public static Dictionary<string, string> Settings()
    {
        var folder = Directory.CreateTempSubdirectory("caseflow-v1-").FullName;
        File.Copy(Path.Combine(Repo(), "workflows", "disclosure-request.v1.json"), Path.Combine(folder, "disclosure-request.v1.json"));
        return new Dictionary<string, string> { ["Workflows:Folder"] = folder };
    }

    private static string Repo()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CaseFlow.sln"))) return dir.FullName;
        throw new InvalidOperationException("CaseFlow.sln not found above " + AppContext.BaseDirectory);
    }
}
