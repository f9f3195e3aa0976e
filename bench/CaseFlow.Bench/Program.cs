namespace CaseFlow.Bench;

/// <summary>Benchmarks run on demand (never in the test suite):
/// <c>dotnet run -c Release --project bench/CaseFlow.Bench [-- [--size N] NAME…]</c>. PostgreSQL runs beside SQLite
/// when <c>CASEFLOW_BENCH_PG</c> names a server.</summary>
public static class BenchMain
{
    public static async Task<int> Main(string[] args)
    {
        var names = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] != "--size") names.Add(args[i]);
            else if (i + 1 < args.Length && int.TryParse(args[++i], out var size) && size >= 1000) BenchOptions.Size = size;
            else
            {
                Console.Error.WriteLine("--size needs a number of cases, at least 1000 (default 1000000)");
                return 2;
            }
        }
        var selected = names.Count == 0 ? Benchmarks.All.Select(b => b.Name).ToArray() : names.ToArray();
        foreach (var name in selected)
        {
            var bench = Benchmarks.All.FirstOrDefault(b => b.Name == name);
            if (bench is null)
            {
                Console.Error.WriteLine($"unknown benchmark '{name}'; known: {string.Join(", ", Benchmarks.All.Select(b => b.Name))}");
                return 2;
            }
            Console.WriteLine($"## {bench.Name}: {bench.Description}");
            await bench.Run();
            Console.WriteLine();
        }
        return 0;
    }
}
