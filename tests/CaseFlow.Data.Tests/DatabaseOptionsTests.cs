using CaseFlow.Tests.Shared;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CaseFlow.Data.Tests;

public sealed class DatabaseOptionsTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "caseflow-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    private static IConfiguration Config(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, v.Value))).Build();

    [Fact]
    public void Sqlite_is_the_default_with_caseflow_db_in_the_configured_data_directory()
    {
        var options = DatabaseOptions.FromConfiguration(Config(("Storage:DataDirectory", _directory)));

        Assert.Equal(DatabaseProvider.Sqlite, options.Provider);
        Assert.Equal($"Data Source={Path.Combine(_directory, "caseflow.db")}", options.ConnectionString);
        Assert.True(options.MigrateOnStartup);
        Assert.True(Directory.Exists(_directory));
    }

    [Fact]
    public void Without_a_data_directory_the_database_lives_under_local_application_data()
    {
        var expected = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "CaseFlow");

        var options = DatabaseOptions.FromConfiguration(Config(("Database:Provider", "sqlite"), ("Storage:DataDirectory", "")));

        Assert.False(string.IsNullOrEmpty(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData)));
        Assert.Equal($"Data Source={Path.Combine(expected, "caseflow.db")}", options.ConnectionString);
        Assert.True(Directory.Exists(expected));
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("POSTGRES")]
    [InlineData(" Postgres ")]
    public void Provider_names_are_case_insensitive(string name)
    {
        var options = DatabaseOptions.FromConfiguration(Config(
            ("Database:Provider", name), ("Database:ConnectionString", "Host=db;Database=caseflow"), ("Database:MigrateOnStartup", "false")));

        Assert.Equal(DatabaseProvider.Postgres, options.Provider);
        var connection = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        Assert.Equal(("db", "caseflow"), (connection.Host, connection.Database));
        Assert.False(options.MigrateOnStartup);
    }

    [Fact]
    public void Postgres_statements_are_prepared_from_their_second_use_unless_the_connection_string_says_otherwise()
    {
        var defaulted = new NpgsqlConnectionStringBuilder(DatabaseOptions.FromConfiguration(Config(
            ("Database:Provider", "Postgres"), ("Database:ConnectionString", "Host=db;Database=caseflow;Password=secret"))).ConnectionString);
        Assert.Equal((64, 2, "secret"), (defaulted.MaxAutoPrepare, defaulted.AutoPrepareMinUsages, defaulted.Password));

        // Behind a pooler that cannot keep prepared statements the operator turns it off, and that stays.
        var off = new NpgsqlConnectionStringBuilder(DatabaseOptions.FromConfiguration(Config(
            ("Database:Provider", "Postgres"), ("Database:ConnectionString", "Host=db;Max Auto Prepare=0"))).ConnectionString);
        Assert.Equal(0, off.MaxAutoPrepare);
    }

    [Fact]
    public void A_malformed_postgres_connection_string_is_refused_naming_the_key()
    {
        var error = Assert.Throws<InvalidOperationException>(() => DatabaseOptions.FromConfiguration(Config(
            ("Database:Provider", "Postgres"), ("Database:ConnectionString", "Host=db;NoSuchSetting=1"))));

        Assert.Contains("Database:ConnectionString", error.Message);
    }

    [Theory]
    [InlineData("SqlServer")]
    [InlineData("1")]
    public void An_unknown_provider_is_refused_naming_the_key_and_the_allowed_values(string name)
    {
        var error = Assert.Throws<InvalidOperationException>(() => DatabaseOptions.FromConfiguration(Config(("Database:Provider", name))));

        Assert.Contains("Database:Provider", error.Message);
        Assert.Contains(name, error.Message);
        Assert.Contains("Sqlite, Postgres", error.Message);
    }

    [Fact]
    public void Postgres_needs_a_connection_string()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            DatabaseOptions.FromConfiguration(Config(("Database:Provider", "Postgres"), ("Database:ConnectionString", " "))));

        Assert.Contains("Database:ConnectionString", error.Message);
    }

    [Fact]
    public void ToString_does_not_show_the_connection_string()
    {
        var options = new DatabaseOptions(DatabaseProvider.Postgres, "Host=db;Password=secret");

        Assert.DoesNotContain("secret", options.ToString());
    }

    [Fact]
    public async Task Sqlite_connections_use_WAL_and_a_busy_timeout()
    {
        using var services = new ServiceCollection()
            .AddCaseFlowData(Config(("Storage:DataDirectory", _directory)))
            .BuildServiceProvider();
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
            Assert.NotEmpty(await db.MigrateAsync());
            await db.Database.OpenConnectionAsync();
            Assert.Equal("wal", await ScalarAsync(db.Database.GetDbConnection(), "PRAGMA journal_mode"));
            Assert.Equal(5000L, await ScalarAsync(db.Database.GetDbConnection(), "PRAGMA busy_timeout"));
        }

        // WAL is a property of the file: a plain connection, without our interceptor, finds it there.
        await using var plain = new SqliteConnection($"Data Source={Path.Combine(_directory, "caseflow.db")};Pooling=False");
        await plain.OpenAsync();
        Assert.Equal("wal", await ScalarAsync(plain, "PRAGMA journal_mode"));
        Assert.Equal(0L, await ScalarAsync(plain, "PRAGMA busy_timeout"));
    }

    private static async Task<object?> ScalarAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    [Fact]
    public void AddCaseFlowData_registers_the_options_and_a_context_on_the_configured_provider()
    {
        using var services = new ServiceCollection()
            .AddCaseFlowData(Config(("Database:Provider", "Postgres"), ("Database:ConnectionString", "Host=127.0.0.1;Database=x")))
            .BuildServiceProvider();
        using var scope = services.CreateScope();

        Assert.Equal(DatabaseProvider.Postgres, services.GetRequiredService<DatabaseOptions>().Provider);
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
        Assert.Equal(DatabaseProvider.Postgres, DatabaseProviders.ProviderOf(db.Database));
    }
}
