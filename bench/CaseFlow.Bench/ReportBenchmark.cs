using System.Diagnostics;
using CaseFlow.Domain;
using Microsoft.Data.Sqlite;

namespace CaseFlow.Bench;

/// <summary>Issue 5 goal: the annual report over 1,000,000 cases on SQLite within 1.5× of a single raw SQL
/// GROUP BY over the same rows, and within 1 s.</summary>
public static class ReportBenchmark
{
    public static async Task Run()
    {
        var dir = Directory.CreateTempSubdirectory("caseflow-bench-");
        try
        {
            await using var host = new BenchHost(dir.FullName);
            var office = await host.SignedInAsync("bench-office", "Office", "bench");
            for (var a = 1; a <= 20; a++) await host.SignedInAsync($"bench-officer-{a:D2}", "Officer", $"bench-{a:D2}");
            var today = ChinaTime.Today(TimeProvider.System);
            var sw = Stopwatch.StartNew();
            BenchData.Populate(host.DatabaseFile, today, 1_000_000, 20);
            Console.WriteLine($"inserted 1,000,000 cases in {sw.Elapsed.TotalSeconds:N1} s");

            var rows = new List<string[]>();
            foreach (var (year, subordinates) in new[] { (2023, true), (2025, true), (2023, false) })
            {
                var url = $"/api/reports/annual/{year}?agency=bench&subordinates={(subordinates ? "true" : "false")}";
                (await office.GetAsync(url)).EnsureSuccessStatusCode(); // warm-up
                var report = Median(5, () => Time(async () => (await office.GetAsync(url)).EnsureSuccessStatusCode()));
                var floor = Median(5, () => Time(() => GroupBy(host.DatabaseFile, year, subordinates)));
                var r = await report;
                var f = await floor;
                // The goal is for the report over all 1,000,000 cases; one agency alone (1/21 of them) is shown for
                // scale, where a few milliseconds of HTTP and sign-in decide the ratio.
                var goal = !subordinates ? "— (1/21 of the rows)" : r / f <= 1.5 && r <= 1000 ? "≤ 1.5× and ≤ 1 s ✓" : "≤ 1.5× and ≤ 1 s ✗";
                rows.Add([$"{year}, {(subordinates ? "bench + 20 agencies below" : "bench alone")}", $"{f:N0} ms", $"{r:N0} ms", $"{r / f:N2}×", goal]);
            }
            Table.Print(["report (1,000,000 cases, SQLite, median of 5)", "floor: one raw GROUP BY", "GET /api/reports/annual", "ratio", "goal"], rows);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            dir.Delete(recursive: true);
        }
    }

    /// <summary>The floor: one GROUP BY over the rows the report reads (open at some point in the year).</summary>
    private static Task GroupBy(string file, int year, bool subordinates)
    {
        using var connection = new SqliteConnection($"Data Source={file}");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"""
            SELECT "ApplicantColumn", "Outcome", COUNT(*) FROM "Cases"
            WHERE {(subordinates ? "1 = 1" : "\"AgencyCode\" = 'bench'")} AND NOT "IsVoid" AND "ReceivedOn" <= $to AND ("ConcludedOn" IS NULL OR "ConcludedOn" >= $from)
            GROUP BY "ApplicantColumn", "Outcome"
            """;
        cmd.Parameters.AddWithValue("$from", $"{year}-01-01");
        cmd.Parameters.AddWithValue("$to", $"{year}-12-31");
        using var reader = cmd.ExecuteReader();
        while (reader.Read()) { }
        return Task.CompletedTask;
    }

    private static async Task<double> Time(Func<Task> work)
    {
        var sw = Stopwatch.StartNew();
        await work();
        return sw.Elapsed.TotalMilliseconds;
    }

    private static async Task<double> Median(int n, Func<Task<double>> measure)
    {
        var results = new List<double>();
        for (var i = 0; i < n; i++) results.Add(await measure());
        results.Sort();
        return results[n / 2];
    }
}
