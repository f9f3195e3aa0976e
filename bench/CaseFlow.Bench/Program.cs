namespace CaseFlow.Bench;

/// <summary>Benchmarks run on demand (never in the test suite):
/// <c>dotnet run -c Release --project bench/CaseFlow.Bench [-- NAME…]</c>.</summary>
public static class BenchMain
{
    public static async Task<int> Main(string[] args)
    {
        var selected = args.Length == 0 ? Benchmarks.All.Select(b => b.Name).ToArray() : args;
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
