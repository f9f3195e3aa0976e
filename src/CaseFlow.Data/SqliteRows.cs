using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SQLitePCL;

namespace CaseFlow.Data;

/// <summary>
/// Reads the rows of one query through SQLite's own API on the context's connection, and so in its transaction — the
/// reading counterpart of <see cref="BulkInsert"/>. Microsoft.Data.Sqlite's reader and EF Core's materializer took
/// about 8 µs a row where SQLite's own work is about 1.2 µs, which made reading the larger part of the timer sweep's
/// cost beyond its floor (bench/CaseFlow.Bench sweep: 100,000 reminders read in 0.8–1.0 s through EF Core, 0.4 s here).
/// For the sweep's batches of thousands of rows; everything else reads through EF Core.
/// </summary>
public static class SqliteRows
{
    /// <summary>Runs <paramref name="sql"/> with <paramref name="args"/> bound to ?1, ?2, … (as <see cref="BulkInsert"/>
    /// binds values, so they compare with stored ones as EF Core's would) and maps each row.</summary>
    public static async Task<List<T>> QueryAsync<T>(this CaseFlowDbContext db, string sql, IReadOnlyList<object> args, Func<SqliteRow, T> map,
        CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var handle = BulkInsert.HandleOf((SqliteConnection)db.Database.GetDbConnection());
            BulkInsert.Check(raw.sqlite3_prepare_v2(handle, sql, out var statement), handle);
            using (statement)
            {
                for (var i = 0; i < args.Count; i++) BulkInsert.Check(BulkInsert.BindSqliteValue(statement, i + 1, args[i]), handle);
                var rows = new List<T>();
                int rc;
                while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
                {
                    ct.ThrowIfCancellationRequested();
                    rows.Add(map(new SqliteRow(statement)));
                }
                if (rc != raw.SQLITE_DONE) BulkInsert.Check(rc, handle);
                return rows;
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

/// <summary>The current row of a <see cref="SqliteRows"/> query; columns by position, values as EF Core stores them.</summary>
public readonly struct SqliteRow(sqlite3_stmt statement)
{
    public bool IsNull(int column) => raw.sqlite3_column_type(statement, column) == raw.SQLITE_NULL;

    public long Int64(int column) => raw.sqlite3_column_int64(statement, column);

    public bool Boolean(int column) => Int64(column) != 0;

    public string String(int column) => raw.sqlite3_column_text(statement, column).utf8_to_string();

    public string? NullableString(int column) => IsNull(column) ? null : String(column);

    /// <summary>A <c>DateOnly</c>, which EF Core stores in SQLite as <c>yyyy-MM-dd</c> text.</summary>
    public DateOnly Date(int column)
    {
        var text = raw.sqlite3_column_blob(statement, column);
        if (text.Length != 10 || text[4] != '-' || text[7] != '-')
            throw new FormatException($"Column {column} holds '{System.Text.Encoding.UTF8.GetString(text)}', not a date (yyyy-MM-dd).");
        return new DateOnly(Digits(text[..4]), Digits(text.Slice(5, 2)), Digits(text.Slice(8, 2)));

        static int Digits(ReadOnlySpan<byte> digits)
        {
            var n = 0;
            foreach (var b in digits)
                n = (uint)(b - '0') <= 9 ? n * 10 + (b - '0') : throw new FormatException($"'{(char)b}' is not a digit of a date.");
            return n;
        }
    }

    public DateOnly? NullableDate(int column) => IsNull(column) ? null : Date(column);
}
