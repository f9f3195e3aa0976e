using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CaseFlow.Data;

namespace CaseFlow.Bench;

/// <summary>Issue 10 goal: cold start, from process start to the first answered request, ≤ 2 s on an existing database
/// and ≤ 3 s on a new one (migrations and calendar load). The built product runs as a real process
/// (<c>dotnet src/CaseFlow.Web/bin/Release/net10.0/CaseFlow.Web.dll</c>, jobs as configured by default) and is polled
/// until <c>GET /health/live</c> answers 200; a build without that endpoint (404) is timed to the first 200 of the
/// anonymous <c>GET /api/calendar/2026</c> instead.</summary>
public static class StartBenchmark
{
    private const int Runs = 5;
    private const string Health = "/health/live";
    private const string Calendar = "/api/calendar/2026";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static string probe = Health;

    public static async Task Run()
    {
        var root = RepositoryRoot();
        var dll = root is null ? null : Path.Combine(root, "src", "CaseFlow.Web", "bin", "Release", "net10.0", "CaseFlow.Web.dll");
        if (dll is null || !File.Exists(dll))
        {
            Console.WriteLine($"note: {dll ?? "src/CaseFlow.Web/bin/Release/net10.0/CaseFlow.Web.dll"} is missing; build first (dotnet build CaseFlow.sln -c Release).");
            return;
        }
        var providers = BenchDatabase.Providers();

        // Once, not counted: brings the binaries into the page cache, which a server that restarts has anyway.
        await using (var warmUp = await BenchDatabase.CreateAsync(DatabaseProvider.Sqlite)) await StartAsync(root!, dll, warmUp);

        var results = new List<(List<double> New, List<double> Existing)>();
        foreach (var provider in providers)
        {
            var created = new List<double>();
            var existing = new List<double>();
            await using var kept = await BenchDatabase.CreateAsync(provider);
            created.Add(await StartAsync(root!, dll, kept));
            for (var i = 1; i < Runs; i++)
            {
                await using var fresh = await BenchDatabase.CreateAsync(provider);
                created.Add(await StartAsync(root!, dll, fresh));
            }
            for (var i = 0; i < Runs; i++) existing.Add(await StartAsync(root!, dll, kept));
            results.Add((created, existing));
        }

        Table.Print([$"cold start: process start → first 200 of GET {probe} (median of {Runs}, min–max)", .. providers.Select(BenchDatabase.NameOf), "goal"],
        [
            ["existing database", .. results.Select(r => Cell(r.Existing, 2)), "≤ 2 s"],
            ["new database (migrations, calendar load)", .. results.Select(r => Cell(r.New, 3)), "≤ 3 s"],
        ]);
        if (probe != Health) Console.WriteLine($"({Health} answered 404 in this build, so the first 200 of the anonymous {Calendar} was timed.)");
        Console.WriteLine($"{Environment.ProcessorCount} cores, load average {(File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown")}");
    }

    private static string Cell(List<double> seconds, double goal)
    {
        var sorted = seconds.Order().ToList();
        var median = sorted[sorted.Count / 2];
        return $"{median:N2} s ({sorted[0]:N2}–{sorted[^1]:N2}) {CaseApiBenchmark.Check(median <= goal)}";
    }

    /// <summary>Starts the product on <paramref name="database"/>, returns the seconds until it answered, and stops it.</summary>
    private static async Task<double> StartAsync(string root, string dll, BenchDatabase database)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { dll, "--urls", url }) start.ArgumentList.Add(a);
        // Environment variables rather than arguments: the connection string stays out of the process list.
        start.Environment["Storage__DataDirectory"] = database.Directory;
        start.Environment["Database__Provider"] = database.Provider.ToString();
        start.Environment["Database__ConnectionString"] = database.ConnectionString;
        start.Environment.Remove("ASPNETCORE_TEST_CONTENTROOT_CASEFLOW_WEB");

        var output = new Queue<string>();
        void Keep(string? line)
        {
            if (line is null) return;
            lock (output)
            {
                output.Enqueue(line);
                if (output.Count > 40) output.Dequeue();
            }
        }

        using var http = new HttpClient { Timeout = Timeout };
        var sw = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            while (true)
            {
                if (process.HasExited || sw.Elapsed > Timeout)
                    throw new InvalidOperationException($"CaseFlow.Web {(process.HasExited ? $"exited with code {process.ExitCode}" : "did not answer")}; its last output:\n{string.Join('\n', output)}");
                try
                {
                    using var response = await http.GetAsync(url + probe);
                    if (response.StatusCode == HttpStatusCode.OK) return sw.Elapsed.TotalSeconds;
                    if (response.StatusCode == HttpStatusCode.NotFound && probe == Health)
                    {
                        probe = Calendar;
                        continue;
                    }
                }
                catch (HttpRequestException) { } // not listening yet
                await Task.Delay(10);
            }
        }
        finally
        {
            await StopAsync(process);
        }
    }

    /// <summary>SIGTERM, the way a service manager stops it, so the database is closed cleanly for the next start.</summary>
    private static async Task StopAsync(Process process)
    {
        if (process.HasExited) return;
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CaseFlow.sln"))) return dir.FullName;
        return null;
    }
}
