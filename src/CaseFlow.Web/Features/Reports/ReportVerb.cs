using System.Text.Json;
using CaseFlow.Data;
using CaseFlow.Web.Errors;
using CaseFlow.Web.Hosting;

namespace CaseFlow.Web.Features.Reports;

/// <summary><c>report --year 2023 --agency CODE [--subordinates] --format json|xlsx|docx --out FILE</c>.</summary>
public static class ReportVerb
{
    public static async Task<int> Run(IServiceProvider services, string[] args)
    {
        var (o, rest) = CommandLine.Parse(args, "subordinates");
        if (rest.Count > 0) throw new VerbUsageException($"unexpected argument '{rest[0]}'");
        if (!o.TryGetValue("year", out var y) || !int.TryParse(y, out var year)) throw new VerbUsageException("--year YYYY is required");
        if (!o.TryGetValue("agency", out var agency)) throw new VerbUsageException("--agency is required");
        if (!o.TryGetValue("out", out var output)) throw new VerbUsageException("--out FILE is required");
        var format = (o.GetValueOrDefault("format") ?? Path.GetExtension(output).TrimStart('.')).ToLowerInvariant();
        var subordinates = o.ContainsKey("subordinates");

        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
        try
        {
            var codes = await AnnualReportQuery.ScopeAsync(agency, subordinates, null, db, CancellationToken.None);
            var report = await AnnualReportQuery.ComputeAsync(db, year, agency, subordinates, codes, CancellationToken.None);
            byte[] bytes = format switch
            {
                "json" => JsonSerializer.SerializeToUtf8Bytes(report, new JsonSerializerOptions(JsonDefaults.Options) { WriteIndented = true }),
                "xlsx" => ReportExport.Xlsx(report, await ExportAnnualReport.AgencyNameAsync(db, agency, CancellationToken.None)),
                "docx" => ReportExport.Docx(report, await ExportAnnualReport.AgencyNameAsync(db, agency, CancellationToken.None)),
                _ => throw new VerbUsageException($"unknown format '{format}'"),
            };
            await File.WriteAllBytesAsync(output, bytes);
            var failed = report.Checks.Where(c => !c.Passed).ToList();
            Console.WriteLine($"Wrote {output} ({format}, {agency} {year}{(subordinates ? " with subordinates" : "")}).");
            foreach (var c in failed) await Console.Error.WriteLineAsync($"check failed: {c.Name}: {c.Detail}");
            return failed.Count == 0 ? 0 : 3;
        }
        catch (Exception e) when (e is ValidationFailedException or NotFoundException)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }
    }
}
