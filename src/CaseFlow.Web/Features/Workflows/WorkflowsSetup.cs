using CaseFlow.Workflows.Definitions;
using CaseFlow.Workflows.Engine;

namespace CaseFlow.Web.Features.Workflows;

public static class WorkflowsSetup
{
    public const string FolderKey = "Workflows:Folder";
    public const string DisclosureRequest = "disclosure-request";

    /// <summary>Loads every definition at start-up; a broken one throws here, naming the file and the problem,
    /// so the host never starts with a definition it cannot run.</summary>
    public static IServiceCollection AddWorkflows(this IServiceCollection services, IConfiguration configuration)
    {
        var folder = Locate(configuration[FolderKey]);
        var catalog = DefinitionLoader.LoadFolder(folder);
        catalog.Latest(DisclosureRequest); // the lifecycle of every case must exist
        services.AddSingleton(catalog);
        services.AddSingleton<WorkflowEngine>();
        return services;
    }

    /// <summary>The configured folder, else the repository's workflows/ when running from a checkout, else the copy beside the binaries.</summary>
    private static string Locate(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return Path.GetFullPath(configured);
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CaseFlow.sln")) && Directory.Exists(Path.Combine(dir.FullName, "workflows")))
                return Path.Combine(dir.FullName, "workflows");
        return Path.Combine(AppContext.BaseDirectory, "workflows");
    }
}
