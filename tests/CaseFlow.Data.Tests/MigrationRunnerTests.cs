using CaseFlow.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Data.Tests;

[Trait("TimeZone", "Sensitive")]
public sealed class MigrationRunnerTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Applies_every_script_once_and_records_it_in_the_journal(DatabaseProvider provider)
    {
        var scripts = MigrationRunner.ScriptsFor(provider);
        var database = await databases.CreateEmptyAsync(provider);

        var first = await database.MigrateAsync();
        var second = await database.MigrateAsync();

        Assert.Equal(scripts.Select(s => s.Name), first);
        Assert.Empty(second);
        await using var db = database.CreateContext();
        var journal = await db.Database
            .SqlQueryRaw<JournalRow>($"SELECT id AS \"Id\", checksum AS \"Checksum\" FROM \"{MigrationRunner.JournalTable}\" ORDER BY id")
            .ToListAsync();
        Assert.Equal(scripts.Select(s => new JournalRow(s.Name, s.Checksum)), journal);
        Assert.Equal(0, await db.Agencies.CountAsync()); // the tables exist
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Applies_the_same_scripts_on_a_plain_connection_as_start_up_opens_it(DatabaseProvider provider)
    {
        var scripts = MigrationRunner.ScriptsFor(provider);
        var database = await databases.CreateEmptyAsync(provider);

        IReadOnlyList<string> first, second;
        await using (var connection = await DatabaseProviders.OpenConnectionAsync(database.Options))
        {
            first = await MigrationRunner.MigrateAsync(connection, provider);
            second = await MigrationRunner.MigrateAsync(connection, provider);
        }

        Assert.Equal(scripts.Select(s => s.Name), first);
        Assert.Empty(second);
        Assert.Empty(await database.MigrateAsync()); // the EF path reads the same journal
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Agencies.CountAsync());
    }

    [Fact]
    public async Task A_plain_sqlite_connection_gets_the_applications_pragmas()
    {
        var database = await databases.CreateEmptyAsync(DatabaseProvider.Sqlite);
        await using var connection = await DatabaseProviders.OpenConnectionAsync(database.Options);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT journal_mode FROM pragma_journal_mode) || ' ' || (SELECT timeout FROM pragma_busy_timeout) || ' ' || (SELECT temp_store FROM pragma_temp_store)";

        Assert.Equal("wal 5000 2", await command.ExecuteScalarAsync()); // temp_store 2 = MEMORY
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Refuses_to_run_when_an_applied_script_has_changed(DatabaseProvider provider)
    {
        var database = await databases.CreateEmptyAsync(provider);
        await database.MigrateAsync();
        await using var db = database.CreateContext();
        await db.Database.ExecuteSqlRawAsync(
            $"UPDATE \"{MigrationRunner.JournalTable}\" SET checksum = 'd0d0' WHERE id = '0001_initial.sql'");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.MigrateAsync());

        Assert.Contains("0001_initial.sql", error.Message);
        Assert.Contains("changed", error.Message);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Refuses_a_database_migrated_by_a_newer_build(DatabaseProvider provider)
    {
        var database = await databases.CreateEmptyAsync(provider);
        await database.MigrateAsync();
        await using var db = database.CreateContext();
        await db.Database.ExecuteSqlRawAsync(
            $"INSERT INTO \"{MigrationRunner.JournalTable}\" (id, checksum, applied_at_utc) VALUES ('9999_future.sql', 'ab', CURRENT_TIMESTAMP)");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.MigrateAsync());

        Assert.Contains("9999_future.sql", error.Message);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Two_instances_migrating_at_once_apply_each_script_once(DatabaseProvider provider)
    {
        var database = await databases.CreateEmptyAsync(provider);

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(database.MigrateAsync)));

        Assert.Equal(MigrationRunner.ScriptsFor(provider).Select(s => s.Name), runs.SelectMany(r => r).Order());
    }

    [Fact]
    public void Scripts_are_numbered_in_order_and_exist_for_both_providers()
    {
        var sqlite = MigrationRunner.ScriptsFor(DatabaseProvider.Sqlite);
        var postgres = MigrationRunner.ScriptsFor(DatabaseProvider.Postgres);

        Assert.Equal("0001_initial.sql", sqlite[0].Name);
        Assert.Equal(sqlite.Select(s => s.Name), postgres.Select(s => s.Name));
        Assert.Equal(Enumerable.Range(1, sqlite.Count), sqlite.Select(s => s.Number));
        Assert.All(sqlite.Concat(postgres), s => Assert.Matches("^[0-9a-f]{64}$", s.Checksum));
    }

    /// <summary>SQLite changes a column only by rebuilding its table; dropping the old table must not delete rows
    /// through foreign keys, and the rebuilt schema must still be the model's.</summary>
    [Fact]
    public async Task Sqlite_script_can_rebuild_a_table_that_others_reference()
    {
        var database = await databases.CreateEmptyAsync(DatabaseProvider.Sqlite);
        await database.MigrateAsync();
        await using var db = database.CreateContext();
        db.Agencies.Add(new Agencies.Agency { Code = "ROOT", Name = "Root", Children = { new Agencies.Agency { Code = "LEAF", Name = "Leaf" } } });
        await db.SaveChangesAsync();
        var rebuild = MigrationRunner.CreateScript(2, "0002_rebuild_agencies.sql", """
            CREATE TABLE "Agencies_new" (
                "Code" TEXT NOT NULL CONSTRAINT "PK_Agencies" PRIMARY KEY,
                "Name" TEXT NOT NULL,
                "ParentCode" TEXT NULL,
                "CorrectionPeriodWorkingDays" INTEGER NOT NULL DEFAULT 15,
                CONSTRAINT "FK_Agencies_Agencies_ParentCode" FOREIGN KEY ("ParentCode") REFERENCES "Agencies" ("Code") ON DELETE RESTRICT
            );
            INSERT INTO "Agencies_new" SELECT "Code", "Name", "ParentCode", "CorrectionPeriodWorkingDays" FROM "Agencies";
            DROP TABLE "Agencies";
            ALTER TABLE "Agencies_new" RENAME TO "Agencies";
            CREATE INDEX "IX_Agencies_ParentCode" ON "Agencies" ("ParentCode");
            """);

        var applied = await MigrationRunner.ApplyAsync(db, [.. MigrationRunner.ScriptsFor(DatabaseProvider.Sqlite), rebuild], default);

        Assert.Equal(["0002_rebuild_agencies.sql"], applied);
        Assert.Equal(["LEAF", "ROOT"], await db.Agencies.AsNoTracking().OrderBy(a => a.Code).Select(a => a.Code).ToListAsync());
        var before = await SchemaDescription.DescribeAsync(db.Database.GetDbConnection(), DatabaseProvider.Sqlite);
        var model = await databases.CreateEmptyAsync(DatabaseProvider.Sqlite);
        await using var modelDb = model.CreateContext();
        await modelDb.Database.EnsureCreatedAsync();
        Assert.Equal("", SchemaDescription.Diff(
            await SchemaDescription.DescribeAsync(modelDb.Database.GetDbConnection(), DatabaseProvider.Sqlite), "EF model", before, "rebuilt"));
    }

    [Fact]
    public async Task Sqlite_script_that_breaks_a_foreign_key_is_rolled_back_and_enforcement_returns()
    {
        var database = await databases.CreateEmptyAsync(DatabaseProvider.Sqlite);
        await database.MigrateAsync();
        await using var db = database.CreateContext();
        var dangling = MigrationRunner.CreateScript(2, "0002_dangling.sql",
            "INSERT INTO \"Agencies\" (\"Code\", \"Name\", \"ParentCode\") VALUES ('X', 'X', 'NOWHERE');");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            MigrationRunner.ApplyAsync(db, [.. MigrationRunner.ScriptsFor(DatabaseProvider.Sqlite), dangling], default));

        Assert.Contains("0002_dangling.sql", error.Message);
        Assert.Contains("Agencies", error.Message);
        Assert.Equal(0, await db.Agencies.CountAsync());
        Assert.Empty(await database.MigrateAsync()); // 0002 was not recorded
        db.Agencies.Add(new Agencies.Agency { Code = "Y", Name = "Y", ParentCode = "NOWHERE" });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    private sealed record JournalRow(string Id, string Checksum);
}
