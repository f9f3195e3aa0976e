using CaseFlow.Web.Features.Admin;

namespace CaseFlow.Web.Hosting;

/// <summary>A command-line verb: <c>dotnet run --project src/CaseFlow.Web -- VERB [options]</c>.
/// Verbs use the same configuration and services as the web host, then exit.</summary>
public sealed record Verb(string Name, string Usage, Func<IServiceProvider, string[], Task<int>> Run)
{
    public async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        try
        {
            return await Run(services, args);
        }
        catch (VerbUsageException e)
        {
            await Console.Error.WriteLineAsync($"{e.Message}\nusage: {Usage}");
            return 2;
        }
    }
}

public sealed class VerbUsageException(string message) : Exception(message);

public static class CommandLine
{
    public static readonly IReadOnlyList<Verb> Verbs =
    [
        new("migrate", "migrate", MigrateVerb.Run),
        new("add-user", "add-user --user NAME --password PASSWORD --agency CODE --role ROLE[,ROLE…] [--name DISPLAY-NAME] [--email ADDRESS]", AddUserVerb.Run),
        new("seed-demo", "seed-demo", SeedDemoVerb.Run),
        new("import-ledger", "import-ledger --agency CODE FILE(.csv|.xlsx)", Features.Imports.ImportVerbs.Ledger),
        new("import-proceedings", "import-proceedings --agency CODE FILE(.csv|.xlsx)", Features.Imports.ImportVerbs.Proceedings),
        new("report", "report --year YYYY --agency CODE [--subordinates] --format json|xlsx|docx --out FILE", Features.Reports.ReportVerb.Run),
    ];

    public static Verb? Find(string[] args) =>
        args.Length > 0 && !args[0].StartsWith('-') ? Verbs.FirstOrDefault(v => v.Name == args[0]) ?? Unknown(args[0]) : null;

    private static Verb Unknown(string name) => new(name, string.Join(" | ", Verbs.Select(v => v.Name)),
        (_, _) => throw new VerbUsageException($"unknown verb '{name}'"));

    /// <summary>Reads <c>--key value</c> pairs and plain arguments.</summary>
    public static (Dictionary<string, string> Options, List<string> Positional) Parse(string[] args, params string[] flags)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var positional = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) { positional.Add(args[i]); continue; }
            var key = args[i][2..];
            if (flags.Contains(key)) { options[key] = "true"; continue; }
            if (i + 1 >= args.Length) throw new VerbUsageException($"option --{key} needs a value");
            options[key] = args[++i];
        }
        return (options, positional);
    }
}
