using CaseFlow.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Data.Tests;

/// <summary>The scripts in db/&lt;provider&gt;/ must build exactly the schema the EF model describes.</summary>
public sealed class SchemaTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Migration_scripts_build_the_schema_of_the_EF_model(DatabaseProvider provider)
    {
        var migrated = await DescribeMigratedAsync(provider);
        var model = await DescribeModelAsync(provider);

        Assert.Contains(migrated, l => l.StartsWith("table CalendarDays", StringComparison.Ordinal)); // not two empty schemas
        var diff = SchemaDescription.Diff(model, "EF model", migrated, "scripts");
        Assert.True(diff.Length == 0,
            $"The schema built by the scripts in db/{(provider == DatabaseProvider.Sqlite ? "sqlite" : "postgresql")}/ differs from the EF model (EnsureCreated). " +
            $"Add a migration script that makes them match:{diff}");
    }

    /// <summary>The comparison itself must catch a missing index, a wrong nullability and a wrong type.</summary>
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "\"Name\" TEXT NULL", "\"Name\" TEXT NOT NULL", "\"NoticeYear\" INTEGER", "\"NoticeYear\" TEXT")]
    [InlineData(DatabaseProvider.Postgres, "\"Name\" character varying(50)", "\"Name\" character varying(50) NOT NULL", "\"NoticeYear\" integer", "\"NoticeYear\" bigint")]
    public async Task Comparison_reports_a_broken_script(DatabaseProvider provider, string nullable, string notNull, string type, string wrongType)
    {
        var script = MigrationRunner.ScriptsFor(provider)[0].Sql;
        var calendarDays = script.IndexOf("CREATE TABLE \"CalendarDays\"", StringComparison.Ordinal);
        var broken = script[..calendarDays] + script[calendarDays..]
            .Replace("CREATE INDEX \"IX_CalendarDays_Date\" ON \"CalendarDays\" (\"Date\");", "")
            .ReplaceFirst(nullable, notNull)
            .ReplaceFirst(type, wrongType);
        Assert.NotEqual(script.Length, broken.Length);

        var database = await databases.CreateEmptyAsync(provider);
        await using var db = database.CreateContext();
        await db.Database.ExecuteSqlRawAsync(broken);
        foreach (var later in MigrationRunner.ScriptsFor(provider).Skip(1))
            await db.Database.ExecuteSqlRawAsync(later.Sql);
        var brokenSchema = await SchemaDescription.DescribeAsync(db.Database.GetDbConnection(), provider);

        var diff = SchemaDescription.Diff(await DescribeModelAsync(provider), "EF model", brokenSchema, "scripts");
        Assert.Contains("IX_CalendarDays_Date", diff);
        Assert.Contains("CalendarDays.Name", diff);
        Assert.Contains("CalendarDays.NoticeYear", diff);
        Assert.Equal(5, diff.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length); // the index; each column as the model has it and as the script made it
    }

    private async Task<IReadOnlyList<string>> DescribeMigratedAsync(DatabaseProvider provider)
    {
        var database = await databases.CreateEmptyAsync(provider);
        Assert.NotEmpty(await database.MigrateAsync());
        await using var db = database.CreateContext();
        return await SchemaDescription.DescribeAsync(db.Database.GetDbConnection(), provider);
    }

    private async Task<IReadOnlyList<string>> DescribeModelAsync(DatabaseProvider provider)
    {
        var database = await databases.CreateEmptyAsync(provider);
        await using var db = database.CreateContext();
        Assert.True(await db.Database.EnsureCreatedAsync());
        return await SchemaDescription.DescribeAsync(db.Database.GetDbConnection(), provider);
    }
}

internal static class StringExtensions
{
    public static string ReplaceFirst(this string text, string find, string replacement)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{find}' not found in the script");
        return text[..at] + replacement + text[(at + find.Length)..];
    }
}
