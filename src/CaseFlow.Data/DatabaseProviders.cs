using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CaseFlow.Data;

/// <summary>Everything that differs between the providers lives here; add a provider by extending each switch.</summary>
public static class DatabaseProviders
{
    /// <summary>Configures EF Core for <paramref name="options"/> the way the application does.</summary>
    public static DbContextOptionsBuilder UseCaseFlowDatabase(this DbContextOptionsBuilder builder, DatabaseOptions options) =>
        options.Provider switch
        {
            DatabaseProvider.Sqlite => builder.UseSqlite(options.ConnectionString).AddInterceptors(SqlitePragmas.Instance),
            DatabaseProvider.Postgres => builder.UseNpgsql(options.ConnectionString),
            _ => throw Unknown(options.Provider),
        };

    /// <summary>An open ADO.NET connection to the database, set up as the application's DbContext sets up its
    /// connections (SQLite's pragmas). For the work at start-up that needs no EF model: building the model and compiling
    /// the first queries took most of a second, which a start on an up-to-date database does not need to pay.</summary>
    public static async Task<DbConnection> OpenConnectionAsync(DatabaseOptions options, CancellationToken ct = default)
    {
        DbConnection connection = options.Provider switch
        {
            DatabaseProvider.Sqlite => new SqliteConnection(options.ConnectionString),
            DatabaseProvider.Postgres => new NpgsqlConnection(options.ConnectionString),
            _ => throw Unknown(options.Provider),
        };
        try
        {
            await connection.OpenAsync(ct);
            if (options.Provider == DatabaseProvider.Sqlite) await SqlitePragmas.RunAsync(connection, ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public static DatabaseProvider ProviderOf(DatabaseFacade database) =>
        database.ProviderName switch
        {
            "Microsoft.EntityFrameworkCore.Sqlite" => DatabaseProvider.Sqlite,
            "Npgsql.EntityFrameworkCore.PostgreSQL" => DatabaseProvider.Postgres,
            var name => throw new NotSupportedException($"CaseFlow has no migration scripts for EF Core provider {name}."),
        };

    /// <summary>The folder under <c>db/</c> holding the provider's migration scripts.</summary>
    internal static string ScriptFolder(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => "sqlite",
        DatabaseProvider.Postgres => "postgresql",
        _ => throw Unknown(provider),
    };

    internal static string CreateJournalSql(DatabaseProvider provider, string table) => provider switch
    {
        DatabaseProvider.Sqlite =>
            $"CREATE TABLE IF NOT EXISTS \"{table}\" (id TEXT NOT NULL PRIMARY KEY, checksum TEXT NOT NULL, applied_at_utc TEXT NOT NULL)",
        DatabaseProvider.Postgres =>
            $"CREATE TABLE IF NOT EXISTS \"{table}\" (id text NOT NULL PRIMARY KEY, checksum text NOT NULL, applied_at_utc timestamp with time zone NOT NULL)",
        _ => throw Unknown(provider),
    };

    /// <summary>SQL that serialises migrating processes for the rest of the session, and releases them. SQLite needs
    /// none: each script's transaction begins IMMEDIATE, which takes the database's write lock.</summary>
    internal static (string Lock, string Unlock)? MigrationLockSql(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => null,
        DatabaseProvider.Postgres => ($"SELECT pg_advisory_lock({PostgresMigrationLockKey})", $"SELECT pg_advisory_unlock({PostgresMigrationLockKey})"),
        _ => throw Unknown(provider),
    };

    /// <summary>Statements around each migration script: <c>Before</c> its transaction, <c>Check</c> inside it after the
    /// script (any row it returns aborts the script), <c>After</c> the transaction.</summary>
    internal sealed record ScriptGuard(string Before, string Check, string After);

    /// <summary>SQLite changes a column's type or nullability only by rebuilding the table (create new, copy, drop old,
    /// rename). With foreign keys enforced, dropping the old table would delete its rows and cascade to other tables,
    /// so enforcement is off while a script runs (the pragma has no effect inside a transaction, hence before it) and
    /// the whole database is checked before commit.</summary>
    internal static ScriptGuard? ScriptGuardFor(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => new("PRAGMA foreign_keys = OFF", "PRAGMA foreign_key_check", "PRAGMA foreign_keys = ON"),
        DatabaseProvider.Postgres => null,
        _ => throw Unknown(provider),
    };

    /// <summary>Any fixed number; "CaseFlow" in ASCII.</summary>
    private const long PostgresMigrationLockKey = 0x43617365466C6F77;

    private static NotSupportedException Unknown(DatabaseProvider provider) => new($"Unknown database provider {provider}.");

    /// <summary>WAL lets readers work while one connection writes; busy_timeout makes a connection wait up to 5 s for
    /// the write lock instead of failing at once with SQLITE_BUSY. temp_store = MEMORY keeps statement journals in memory:
    /// in a transaction of several statements each write statement journals the pages it changes, and past 64 KiB SQLite
    /// spilled that to a temporary file, some fifty writes per registration. journal_mode is stored in the file;
    /// busy_timeout and temp_store are per connection, so all run on every open.</summary>
    private sealed class SqlitePragmas : DbConnectionInterceptor
    {
        public static readonly SqlitePragmas Instance = new();
        private const string Sql = "PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL; PRAGMA temp_store = MEMORY;";

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = Sql;
            command.ExecuteNonQuery();
        }

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default) =>
            RunAsync(connection, cancellationToken);

        public static async Task RunAsync(DbConnection connection, CancellationToken ct)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Sql;
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
