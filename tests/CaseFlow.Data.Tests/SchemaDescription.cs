using System.Data.Common;
using System.Text;
using System.Text.RegularExpressions;
using CaseFlow.Data;

namespace CaseFlow.Data.Tests;

/// <summary>A database's schema as sorted lines (tables; columns with type, nullability, default; keys; foreign
/// keys; indexes), comparable between two databases. Column order and the migration journal are left out.</summary>
public static partial class SchemaDescription
{
    public static async Task<IReadOnlyList<string>> DescribeAsync(DbConnection connection, DatabaseProvider provider)
    {
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync();
        var lines = provider switch
        {
            DatabaseProvider.Sqlite => await DescribeSqliteAsync(connection),
            DatabaseProvider.Postgres => await DescribePostgresAsync(connection),
            _ => throw new NotSupportedException(provider.ToString()),
        };
        return lines.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Empty when equal, otherwise a readable list of the lines found on one side only.</summary>
    public static string Diff(IReadOnlyList<string> expected, string expectedName, IReadOnlyList<string> actual, string actualName)
    {
        var missing = expected.Except(actual).ToList();
        var extra = actual.Except(expected).ToList();
        if (missing.Count == 0 && extra.Count == 0) return "";
        var text = new StringBuilder();
        foreach (var line in missing) text.Append($"\n  - only in {expectedName}: {line}");
        foreach (var line in extra) text.Append($"\n  + only in {actualName}: {line}");
        return text.ToString();
    }

    private static async Task<List<string>> DescribeSqliteAsync(DbConnection c)
    {
        var lines = new List<string>();
        var tables = await QueryAsync(c,
            $"SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '{MigrationRunner.JournalTable}'");
        foreach (var t in tables)
        {
            var table = t[0]!;
            var autoincrement = t[1]!.Contains("AUTOINCREMENT", StringComparison.OrdinalIgnoreCase) ? " AUTOINCREMENT" : "";
            lines.Add($"table {table}{autoincrement}");
            foreach (var col in await QueryAsync(c, "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(@p)", table))
                lines.Add($"column {table}.{col[0]} {col[1]!.ToUpperInvariant()} {(col[2] == "1" ? "NOT NULL" : "NULL")}" +
                          $"{(col[3] is null ? "" : " DEFAULT " + col[3])}{(col[4] == "0" ? "" : " PK#" + col[4])}");
            var fks = await QueryAsync(c, "SELECT id, seq, \"table\", \"from\", \"to\", on_update, on_delete FROM pragma_foreign_key_list(@p)", table);
            foreach (var fk in fks.GroupBy(f => f[0]))
            {
                var parts = fk.OrderBy(f => int.Parse(f[1]!)).ToList();
                lines.Add($"fk {table}({string.Join(", ", parts.Select(p => p[3]))}) -> {parts[0][2]}({string.Join(", ", parts.Select(p => p[4]))})" +
                          $" on update {parts[0][5]} on delete {parts[0][6]}");
            }
            foreach (var ix in await QueryAsync(c, "SELECT name, \"unique\", origin, partial FROM pragma_index_list(@p)", table))
            {
                var columns = await QueryAsync(c, "SELECT name, \"desc\", coll FROM pragma_index_xinfo(@p) WHERE key = 1 ORDER BY seqno", ix[0]!);
                var filter = "";
                if (ix[3] == "1")
                {
                    var sql = (await QueryAsync(c, "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = @p", ix[0]!))[0][0]!;
                    filter = " WHERE " + Whitespace().Replace(sql[(sql.IndexOf(" WHERE ", StringComparison.OrdinalIgnoreCase) + 7)..], " ").Trim();
                }
                lines.Add($"index {table}.{ix[0]} {(ix[1] == "1" ? "UNIQUE" : "non-unique")} origin={ix[2]} " +
                          $"({string.Join(", ", columns.Select(k => $"{k[0]} {(k[1] == "1" ? "DESC" : "ASC")} {k[2]}"))}){filter}");
            }
        }
        foreach (var other in await QueryAsync(c, "SELECT type, name, tbl_name FROM sqlite_master WHERE type IN ('view', 'trigger')"))
            lines.Add($"{other[0]} {other[2]}.{other[1]}");
        return lines;
    }

    private static async Task<List<string>> DescribePostgresAsync(DbConnection c)
    {
        const string inPublic = "n.nspname = 'public'";
        var journal = MigrationRunner.JournalTable;
        var lines = new List<string>();
        foreach (var t in await QueryAsync(c,
            $"SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE {inPublic} AND c.relkind IN ('r', 'p', 'v', 'm') AND c.relname <> '{journal}'"))
            lines.Add($"{(t[1] == "r" ? "table" : "relation kind " + t[1])} {t[0]}");
        foreach (var col in await QueryAsync(c, $"""
            SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull::text, pg_get_expr(d.adbin, d.adrelid),
                   a.attidentity::text, a.attgenerated::text, CASE WHEN a.attcollation <> ty.typcollation THEN co.collname END
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_type ty ON ty.oid = a.atttypid
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            LEFT JOIN pg_collation co ON co.oid = a.attcollation
            WHERE {inPublic} AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped AND c.relname <> '{journal}'
            """))
            lines.Add($"column {col[0]}.{col[1]} {col[2]} {(col[3] == "true" ? "NOT NULL" : "NULL")}" +
                      $"{(col[4] is null ? "" : " DEFAULT " + col[4])}" +
                      $"{(string.IsNullOrEmpty(col[5]) ? "" : " IDENTITY " + (col[5] == "a" ? "ALWAYS" : "BY DEFAULT"))}" +
                      $"{(string.IsNullOrEmpty(col[6]) ? "" : " GENERATED " + col[6])}{(col[7] is null ? "" : " COLLATE " + col[7])}");
        foreach (var con in await QueryAsync(c, $"""
            SELECT c.relname, con.conname, pg_get_constraintdef(con.oid)
            FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE {inPublic} AND c.relname <> '{journal}'
            """))
            lines.Add($"constraint {con[0]}.{con[1]} {con[2]}");
        foreach (var ix in await QueryAsync(c, $"SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '{journal}'"))
            lines.Add($"index {ix[0]}.{ix[1]} {ix[2]}");
        foreach (var other in await QueryAsync(c, $"""
            SELECT 'trigger ' || c.relname || '.' || tg.tgname FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid
              JOIN pg_namespace n ON n.oid = c.relnamespace WHERE {inPublic} AND NOT tg.tgisinternal
            UNION ALL
            SELECT 'function ' || p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE {inPublic}
            UNION ALL
            SELECT 'type ' || t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
              WHERE {inPublic} AND t.typtype IN ('e', 'd', 'c') AND NOT EXISTS (SELECT 1 FROM pg_class r WHERE r.oid = t.typrelid AND r.relkind <> 'c')
            """))
            lines.Add(other[0]!);
        return lines;
    }

    private static async Task<List<string?[]>> QueryAsync(DbConnection connection, string sql, string? parameter = null)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (parameter is not null)
        {
            var p = command.CreateParameter();
            p.ParameterName = "@p";
            p.Value = parameter;
            command.Parameters.Add(p);
        }
        var rows = new List<string?[]>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = new string?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
                row[i] = reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
            rows.Add(row);
        }
        return rows;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
