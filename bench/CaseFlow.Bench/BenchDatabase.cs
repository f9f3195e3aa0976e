using System.Data.Common;
using CaseFlow.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CaseFlow.Bench;

/// <summary>One empty database for a benchmark: SQLite = a new file in a temporary folder; PostgreSQL =
/// <c>CREATE DATABASE caseflow_bench_…</c> on the server named by <c>CASEFLOW_BENCH_PG</c>. Either way the temporary
/// folder serves as Storage:DataDirectory. Disposing drops the database and deletes the folder.</summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "CASEFLOW_BENCH_PG";

    private readonly string? _postgresName;

    private BenchDatabase(DatabaseOptions options, string directory, string? postgresName)
    {
        Options = options;
        Directory = directory;
        _postgresName = postgresName;
    }

    public DatabaseOptions Options { get; }
    public DatabaseProvider Provider => Options.Provider;
    public string ConnectionString => Options.ConnectionString;
    public string Directory { get; }
    public string Name => NameOf(Provider);

    public static string NameOf(DatabaseProvider provider) => provider == DatabaseProvider.Sqlite ? "SQLite" : "PostgreSQL";

    /// <summary>SQLite always; PostgreSQL when <c>CASEFLOW_BENCH_PG</c> is set, else a printed note says it is skipped.
    /// The benchmarks never start a server themselves.</summary>
    public static IReadOnlyList<DatabaseProvider> Providers()
    {
        if (PostgresServer() is not null) return [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];
        Console.WriteLine($"note: {PostgresVariable} is not set, so the PostgreSQL column is skipped (set it to an Npgsql connection string " +
                          "of a server where the benchmark may create and drop a database).");
        return [DatabaseProvider.Sqlite];
    }

    public static async Task<BenchDatabase> CreateAsync(DatabaseProvider provider)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("caseflow-bench-").FullName;
        if (provider == DatabaseProvider.Sqlite)
            return new BenchDatabase(new DatabaseOptions(provider, $"Data Source={Path.Combine(directory, DatabaseOptions.SqliteFileName)}"), directory, null);

        var server = PostgresServer() ?? throw new InvalidOperationException($"{PostgresVariable} is not set.");
        var name = "caseflow_bench_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteOnServerAsync(server, $"CREATE DATABASE \"{name}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        return new BenchDatabase(new DatabaseOptions(provider, connectionString), directory, name);
    }

    /// <summary>A context configured the way the application configures it.</summary>
    public CaseFlowDbContext CreateContext()
    {
        var builder = new DbContextOptionsBuilder<CaseFlowDbContext>();
        builder.UseCaseFlowDatabase(Options);
        return new CaseFlowDbContext(builder.Options);
    }

    /// <summary>A plain ADO.NET connection, open.</summary>
    public DbConnection Open()
    {
        DbConnection connection = Provider == DatabaseProvider.Sqlite ? new SqliteConnection(ConnectionString) : new NpgsqlConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    /// <summary>A date as the provider stores it: ISO text in SQLite, <c>date</c> in PostgreSQL.</summary>
    public object Date(DateOnly d) => Provider == DatabaseProvider.Sqlite ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : d;

    public async ValueTask DisposeAsync()
    {
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteOnServerAsync(PostgresServer()!, $"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)");
        }
        else SqliteConnection.ClearAllPools();
        if (System.IO.Directory.Exists(Directory)) System.IO.Directory.Delete(Directory, recursive: true);
    }

    private static string? PostgresServer() => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } s ? s : null;

    private static async Task ExecuteOnServerAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>Command-line knobs shared by the benchmarks.</summary>
public static class BenchOptions
{
    public const int DefaultSize = 1_000_000;

    /// <summary><c>--size N</c>: cases in the database for <c>cases</c> and <c>report</c> (default 1,000,000); the sweep
    /// fires N / 10 reminders (default 100,000). The goals are stated for the default size.</summary>
    public static int Size { get; set; } = DefaultSize;

    public static string SizeNote => Size == DefaultSize ? "" : $" (--size {Size:N0}: the goals are for {DefaultSize:N0})";
}
