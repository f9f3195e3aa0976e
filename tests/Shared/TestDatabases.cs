using CaseFlow.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CaseFlow.Tests.Shared;

/// <summary>One real database, empty when created: SQLite = a new file in its own temporary directory;
/// PostgreSQL = <c>CREATE DATABASE caseflow_t_…</c> on the server named by <c>CASEFLOW_TEST_POSTGRES</c>.
/// Disposing deletes the file or drops the database.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "CASEFLOW_TEST_POSTGRES";

    private readonly string? _directory;
    private readonly string? _postgresName;

    private TestDatabase(DatabaseOptions options, string? directory, string? postgresName)
    {
        Options = options;
        _directory = directory;
        _postgresName = postgresName;
    }

    public DatabaseOptions Options { get; }
    public DatabaseProvider Provider => Options.Provider;
    public string ConnectionString => Options.ConnectionString;

    /// <summary>The configuration a host needs to use this database (e.g. for WebApplicationFactory).</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        [DatabaseOptions.ProviderKey] = Provider.ToString(),
        [DatabaseOptions.ConnectionStringKey] = ConnectionString,
        [DatabaseOptions.DataDirectoryKey] = _directory,
    };

    /// <summary>A context configured the way the application configures it.</summary>
    public CaseFlowDbContext CreateContext()
    {
        var builder = new DbContextOptionsBuilder<CaseFlowDbContext>();
        builder.UseCaseFlowDatabase(Options);
        return new CaseFlowDbContext(builder.Options);
    }

    public async Task<IReadOnlyList<string>> MigrateAsync()
    {
        await using var db = CreateContext();
        return await db.MigrateAsync();
    }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                var directory = Path.Combine(Path.GetTempPath(), "caseflow-tests", Guid.NewGuid().ToString("N"));
                Directory.CreateDirectory(directory);
                var file = Path.Combine(directory, DatabaseOptions.SqliteFileName);
                return new TestDatabase(new DatabaseOptions(provider, $"Data Source={file}"), directory, null);

            case DatabaseProvider.Postgres:
                var server = PostgresServer();
                var name = "caseflow_t_" + Guid.NewGuid().ToString("N")[..16];
                await ExecuteOnServerAsync(server, $"CREATE DATABASE \"{name}\"");
                var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
                return new TestDatabase(new DatabaseOptions(provider, connectionString), null, name);

            default:
                throw new NotSupportedException($"No test database for {provider}.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString));
            await ExecuteOnServerAsync(PostgresServer(), $"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)");
        }
        if (_directory is not null)
        {
            SqliteConnection.ClearPool(new SqliteConnection(ConnectionString));
            if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
        }
    }

    /// <summary>The maintenance connection string, or a failure telling how the suite must be run.</summary>
    public static string PostgresServer() =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } server ? server
        : throw new InvalidOperationException(
            $"{PostgresVariable} is not set, so the PostgreSQL tests cannot run. Run the test suite with `bash tests/run.sh` " +
            "(see README), which starts a private PostgreSQL server and sets it.");

    private static async Task ExecuteOnServerAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>Class fixture (<c>IClassFixture&lt;TestDatabases&gt;</c>): each test class gets its own databases, made on
/// first use so that a class's SQLite tests run even where PostgreSQL is unavailable, and removed after the class.</summary>
public sealed class TestDatabases : IAsyncLifetime
{
    private readonly Dictionary<DatabaseProvider, Task<TestDatabase>> _migrated = [];
    private readonly List<Task<TestDatabase>> _all = [];
    private readonly Lock _lock = new();

    /// <summary>The class's database for <paramref name="provider"/>, with all migration scripts applied.</summary>
    public Task<TestDatabase> MigratedAsync(DatabaseProvider provider)
    {
        lock (_lock)
        {
            if (!_migrated.TryGetValue(provider, out var database))
            {
                database = Track(CreateAndMigrateAsync(provider));
                _migrated[provider] = database;
            }
            return database;
        }
    }

    /// <summary>A further empty database, removed with the fixture.</summary>
    public Task<TestDatabase> CreateEmptyAsync(DatabaseProvider provider)
    {
        lock (_lock) return Track(TestDatabase.CreateAsync(provider));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var task in _all)
        {
            if (task.IsCompletedSuccessfully) await task.Result.DisposeAsync();
        }
    }

    private Task<TestDatabase> Track(Task<TestDatabase> task)
    {
        _all.Add(task);
        return task;
    }

    private static async Task<TestDatabase> CreateAndMigrateAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        try
        {
            await database.MigrateAsync();
            return database;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }
}
