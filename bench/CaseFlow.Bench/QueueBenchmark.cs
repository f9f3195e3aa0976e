using System.Diagnostics;
using System.Net;
using CaseFlow.Data;
using CaseFlow.Domain;
using CaseFlow.Workflows.Definitions;

namespace CaseFlow.Bench;

/// <summary>
/// Issue 11 goal: the officer's work queue page <c>/cases</c>, rendered by the server through the real HTTP pipeline
/// (cookie sign-in, routing, the page's queries, Razor), answers within 100 ms at the 95th percentile when the agency
/// holds 1,000,000 cases. One agency gets all the cases (one in 37 open, received in the last 40 days, the others
/// concluded since 2019; written by <see cref="BenchData"/>), an officer and the office of that agency sign in, and each
/// page is requested 120 times after 10 unmeasured warm-up requests, one request at a time.
/// </summary>
public static class QueueBenchmark
{
    private const string Agency = "bench";
    private const int Warmup = 10;
    private const int Requests = 120;

    private sealed record Measured(string Label, int Total, double P50, double P95, double Max, int Bytes);

    private static readonly (string Label, string Role, string Url)[] Pages =
    [
        ("officer: /cases (first page)", Roles.Officer, "/cases"),
        ("officer: /cases?page=100", Roles.Officer, "/cases?page=100"),
        ("officer: /cases?due=3 (due within 3 working days)", Roles.Officer, "/cases?due=3"),
        ("officer: /cases?due=overdue", Roles.Officer, "/cases?due=overdue"),
        ("office: /cases (first page)", Roles.Office, "/cases"),
    ];

    public static async Task Run()
    {
        var providers = BenchDatabase.Providers();
        var results = new List<(double Insert, List<Measured> Pages)>();
        foreach (var provider in providers) results.Add(await RunOn(provider));

        var rows = new List<string[]>
        {
            new[] { $"set-up: {BenchOptions.Size:N0} cases inserted in one agency" }.Concat(results.Select(r => $"{r.Insert:N1} s")).Append("").ToArray(),
        };
        for (var i = 0; i < Pages.Length; i++)
        {
            rows.Add([$"{Pages[i].Label}: p50 / max", .. results.Select(r => $"{r.Pages[i].P50:N1} ms / {r.Pages[i].Max:N1} ms"), ""]);
            rows.Add([$"{Pages[i].Label}: p95", .. results.Select(r => $"{r.Pages[i].P95:N1} ms {CaseApiBenchmark.Check(r.Pages[i].P95 <= 100)}"), "≤ 100 ms"]);
            rows.Add([$"{Pages[i].Label}: cases listed in total, page size", .. results.Select(r => $"{r.Pages[i].Total:N0}, {r.Pages[i].Bytes / 1024.0:N0} KB"), ""]);
        }
        Table.Print([$"queue page, server render ({Requests} requests each, one at a time){BenchOptions.SizeNote}", .. providers.Select(BenchDatabase.NameOf), "goal"], rows);
        Console.WriteLine();
        Console.WriteLine($"{Environment.ProcessorCount} cores, load average {(File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown")}");
    }

    private static async Task<(double, List<Measured>)> RunOn(DatabaseProvider provider)
    {
        await using var database = await BenchDatabase.CreateAsync(provider);
        await using var host = new BenchHost(database);
        var clients = new Dictionary<string, HttpClient>
        {
            [Roles.Officer] = await host.SignedInAsync("bench-officer", Roles.Officer, Agency),
            [Roles.Office] = await host.SignedInAsync("bench-office", Roles.Office, Agency),
        };

        var sw = Stopwatch.StartNew();
        BenchData.Populate(database, ChinaTime.Today(TimeProvider.System), BenchOptions.Size, agencies: 0);
        var insert = sw.Elapsed.TotalSeconds;

        var measured = new List<Measured>();
        foreach (var (label, role, url) in Pages)
        {
            var client = clients[role];
            for (var i = 0; i < Warmup; i++) await GetPageAsync(client, url);
            var times = new List<double>(Requests);
            var page = "";
            for (var i = 0; i < Requests; i++)
            {
                var t = Stopwatch.StartNew();
                page = await GetPageAsync(client, url);
                times.Add(t.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            measured.Add(new Measured(label, TotalOf(page, url), times[times.Count / 2], times[(int)Math.Ceiling(times.Count * 0.95) - 1], times[^1],
                System.Text.Encoding.UTF8.GetByteCount(page)));
        }
        return (insert, measured);
    }

    private static async Task<string> GetPageAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK || !body.Contains("<table", StringComparison.Ordinal) && !body.Contains("暂无待办案件", StringComparison.Ordinal))
            throw new InvalidOperationException($"GET {url}: {(int)response.StatusCode}, not the queue page:\n{body[..Math.Min(body.Length, 2000)]}");
        return body;
    }

    /// <summary>The queue page states its total as "共 N 件"; 0 when it says nothing is waiting.</summary>
    private static int TotalOf(string page, string url)
    {
        var match = System.Text.RegularExpressions.Regex.Match(page, @"共\s*([\d,]+)\s*件");
        if (match.Success) return int.Parse(match.Groups[1].Value.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture);
        if (page.Contains("暂无待办案件", StringComparison.Ordinal)) return 0;
        throw new InvalidOperationException($"GET {url}: the page does not state how many cases it lists.");
    }
}
