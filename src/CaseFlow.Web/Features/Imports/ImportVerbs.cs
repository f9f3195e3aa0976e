using CaseFlow.Data;
using CaseFlow.Web.Errors;
using CaseFlow.Web.Features.Cases;
using CaseFlow.Web.Features.Calendar;
using CaseFlow.Web.Hosting;
using CaseFlow.Workflows.Engine;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Web.Features.Imports;

/// <summary><c>import-ledger --agency CODE FILE</c> and <c>import-proceedings --agency CODE FILE</c>: the same
/// all-or-nothing imports as the API, for a .csv (UTF-8) or .xlsx file.</summary>
public static class ImportVerbs
{
    public static Task<int> Ledger(IServiceProvider services, string[] args) => RunAsync(services, args, async (sp, agency, table) =>
    {
        var r = await ImportLedger.RunAsync(sp.GetRequiredService<CaseFlowDbContext>(), sp.GetRequiredService<WorkflowEngine>(),
            sp.GetRequiredService<CalendarProvider>(), sp.GetRequiredService<CaseSteps>(), agency, table, "cli", sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, CancellationToken.None);
        return $"Imported {r.Imported} cases into {r.Agency} ({r.Concluded} concluded, {r.Open} open).";
    });

    public static Task<int> Proceedings(IServiceProvider services, string[] args) => RunAsync(services, args, async (sp, agency, table) =>
    {
        var r = await ImportProceedings.RunAsync(sp.GetRequiredService<CaseFlowDbContext>(), sp.GetRequiredService<CalendarProvider>(),
            sp.GetRequiredService<CaseSteps>(), agency, table, "cli", sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, CancellationToken.None);
        return $"Imported {r.Imported} proceedings into {r.Agency}.";
    });

    private static async Task<int> RunAsync(IServiceProvider services, string[] args, Func<IServiceProvider, string, IReadOnlyList<IReadOnlyList<string>>, Task<string>> run)
    {
        var (o, files) = CommandLine.Parse(args);
        if (!o.TryGetValue("agency", out var agency)) throw new VerbUsageException("--agency is required");
        if (files.Count != 1) throw new VerbUsageException("exactly one FILE (.csv or .xlsx) is required");
        if (!File.Exists(files[0])) { await Console.Error.WriteLineAsync($"file not found: {files[0]}"); return 1; }
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
        if (!await db.Agencies.AnyAsync(a => a.Code == agency)) { await Console.Error.WriteLineAsync($"agency '{agency}' does not exist"); return 1; }
        try
        {
            await using var stream = File.OpenRead(files[0]);
            var table = await UploadedTable.ReadFileAsync(stream, files[0], CancellationToken.None);
            Console.WriteLine(await run(scope.ServiceProvider, agency, table));
            return 0;
        }
        catch (ValidationFailedException e)
        {
            await Console.Error.WriteLineAsync("Nothing was imported:");
            foreach (var error in e.Errors) await Console.Error.WriteLineAsync($"  {error.Field}: {error.Message}");
            return 1;
        }
        catch (Exception e) when (e is ConflictException or Domain.Reports.ReportLockedException)
        {
            await Console.Error.WriteLineAsync($"Nothing was imported: {e.Message}");
            return 1;
        }
    }
}
