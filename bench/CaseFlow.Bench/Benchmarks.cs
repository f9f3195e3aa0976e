namespace CaseFlow.Bench;

public sealed record Benchmark(string Name, string Description, Func<Task> Run);

public static class Benchmarks
{
    public static readonly IReadOnlyList<Benchmark> All =
    [
        new("deadlines", "reply-deadline computations per second on one core; calendar load time", DeadlineBenchmark.Run),
        new("report", "annual report over 1,000,000 cases against a single raw GROUP BY over the same rows (SQLite and PostgreSQL)", ReportBenchmark.Run),
        new("cases", "case registrations per second against a one-row-insert floor; p95 of 'due within 3 working days' over 1,000,000 cases (SQLite and PostgreSQL)", CaseApiBenchmark.Run),
        new("sweep", "one timer sweep over 100,000 open cases with a due reminder each, against plain batched SQL writing the same rows (SQLite and PostgreSQL)", SweepBenchmark.Run),
        new("start", "cold start of the built product to its first answered request, existing and new database (SQLite and PostgreSQL)", StartBenchmark.Run),
        new("queue", "p95 of the work queue page /cases rendered by the server over 1,000,000 cases in one agency, officer and office (SQLite and PostgreSQL)", QueueBenchmark.Run),
        new("assets", "bytes of CSS, JavaScript and images each main page references", AssetsBenchmark.Run),
    ];
}

/// <summary>Prints a Markdown table so results can be pasted into an issue.</summary>
public static class Table
{
    public static void Print(string[] header, IEnumerable<string[]> rows)
    {
        var all = new[] { header }.Concat(rows).ToList();
        var widths = header.Select((_, i) => all.Max(r => r[i].Length)).ToArray();
        string Line(string[] r) => "| " + string.Join(" | ", r.Select((c, i) => c.PadRight(widths[i]))) + " |";
        Console.WriteLine(Line(header));
        Console.WriteLine("| " + string.Join(" | ", widths.Select(w => new string('-', w))) + " |");
        foreach (var r in all.Skip(1)) Console.WriteLine(Line(r));
    }
}
