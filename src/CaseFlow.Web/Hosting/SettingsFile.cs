namespace CaseFlow.Web.Hosting;

/// <summary>CaseFlow has one configuration file, appsettings.json at the repository root; a copy travels
/// beside the binaries. Environment variables (Database__Provider, …) and the command line override it.</summary>
public static class SettingsFile
{
    public static void AddCaseFlowSettingsFile(this IConfigurationBuilder configuration)
    {
        var path = Locate();
        if (path is null) return;
        // Lowest precedence: inserted before the host's own sources so environment variables still win.
        var source = new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource { Path = Path.GetFileName(path), Optional = false, ReloadOnChange = false };
        source.ResolveFileProvider();
        source.FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(Path.GetDirectoryName(path)!);
        ((IList<IConfigurationSource>)((IConfigurationManager)configuration).Sources).Insert(0, source);
    }

    /// <summary>The repository root's file when running from a checkout, else the copy beside the binaries.</summary>
    public static string? Locate()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "appsettings.json");
            if (File.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "CaseFlow.sln"))) return candidate;
        }
        var beside = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        return File.Exists(beside) ? beside : null;
    }
}
