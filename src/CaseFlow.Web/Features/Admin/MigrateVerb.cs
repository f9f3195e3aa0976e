using CaseFlow.Data;
using CaseFlow.Data.Agencies;
using CaseFlow.Data.Calendar;
using CaseFlow.Data.Identity;
using CaseFlow.Web.Features.Calendar;
using CaseFlow.Web.Hosting;

namespace CaseFlow.Web.Features.Admin;

/// <summary><c>migrate</c>: applies the pending scripts of db/&lt;provider&gt;/ and loads the shipped calendar.</summary>
public static class MigrateVerb
{
    public static async Task<int> Run(IServiceProvider services, string[] args)
    {
        if (args.Length > 0) throw new VerbUsageException("migrate takes no arguments");
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var options = sp.GetRequiredService<DatabaseOptions>();
        Console.WriteLine($"Database: {options}");
        var applied = await sp.GetRequiredService<CaseFlowDbContext>().MigrateAsync(CancellationToken.None);
        Console.WriteLine(applied.Count == 0 ? "Schema is up to date." : $"Applied: {string.Join(", ", applied)}");
        var seeded = await SeedShippedCalendar.RunAsync(sp.GetRequiredService<CaseFlowDbContext>(), sp.GetRequiredService<TimeProvider>());
        if (seeded.Count > 0) Console.WriteLine($"Loaded national calendar: {string.Join(", ", seeded)}");
        return 0;
    }
}
