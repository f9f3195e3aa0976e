using CaseFlow.Workflows.Definitions;
using CaseFlow.Workflows.Engine;
using Microsoft.Extensions.Options;

namespace CaseFlow.Web.Features.Workflows;

/// <summary>The <c>Workflows</c> configuration section.</summary>
public sealed class WorkflowsOptions
{
    public const string Section = "Workflows";

    /// <summary><c>Workflows:Folder</c>: where the definitions are; empty → the repository's workflows/ when running from
    /// a checkout, else the copy beside the binaries.</summary>
    public string? Folder { get; set; }
}

public static class WorkflowsSetup
{
    public const string FolderKey = "Workflows:Folder";
    public const string DisclosureRequest = "disclosure-request";

    /// <summary>Binds <c>Workflows</c> (a configured folder that does not exist stops the host, naming the key) and loads
    /// every definition when the host starts: a broken one throws then, naming the file and the problem, so the host
    /// never runs with a definition it cannot run.</summary>
    public static IServiceCollection AddWorkflows(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WorkflowsOptions>()
            .Bind(configuration.GetSection(WorkflowsOptions.Section))
            .Validate(o => string.IsNullOrWhiteSpace(o.Folder) || Directory.Exists(o.Folder),
                $"{FolderKey}: the configured folder does not exist (leave it empty to use the shipped workflows/).")
            .ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var catalog = DefinitionLoader.LoadFolder(Locate(sp.GetRequiredService<IOptions<WorkflowsOptions>>().Value.Folder));
            catalog.Latest(DisclosureRequest); // the lifecycle of every case must exist
            return catalog;
        });
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
