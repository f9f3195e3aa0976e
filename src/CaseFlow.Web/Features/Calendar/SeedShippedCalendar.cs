using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using CaseFlow.Data;
using CaseFlow.Data.Calendar;
using CaseFlow.Domain.Calendar;
using CaseFlow.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Web.Features.Calendar;

/// <summary>At start-up, loads the national notices shipped with CaseFlow for every year the database does
/// not have yet. Years an administrator loaded are never overwritten.</summary>
/// <remarks>Plain SQL on an ADO.NET connection, not EF: start-up runs it before anything else needs the EF model, and
/// building that model and tracking a few hundred rows cost a new database's first start over two seconds. The rows
/// are stored exactly as EF stores <see cref="CalendarDayRow"/> and <see cref="CalendarChange"/> (SeedShippedCalendarTests
/// compares them column by column): enums by name, dates as the providers bind <see cref="DateOnly"/>, the change
/// time as a UTC <see cref="DateTime"/>.</remarks>
public static class SeedShippedCalendar
{
    public const string SystemUser = "system";

    /// <summary>The shipped years the database lacks, read with one plain query: at start-up the database normally has
    /// them all. National rows are those with <c>Source</c> = National (enums are stored by name).</summary>
    public static async Task<IReadOnlyList<int>> MissingYearsAsync(DbConnection connection, CancellationToken ct = default) =>
        await MissingYearsAsync(connection, null, ct);

    /// <summary>Loads every shipped year the database lacks, in one transaction; returns those years.</summary>
    public static async Task<IReadOnlyList<int>> RunAsync(DbConnection connection, TimeProvider time, CancellationToken ct = default)
    {
        if ((await MissingYearsAsync(connection, null, ct)).Count == 0) return [];
        await using var transaction = await connection.BeginTransactionAsync(ct);
        // Read again inside the transaction: another instance may have loaded them meanwhile.
        var missing = await MissingYearsAsync(connection, transaction, ct);
        var changedAt = time.GetUtcNow().UtcDateTime;

        await using var day = Command(connection, transaction,
            "INSERT INTO \"CalendarDays\" (\"NoticeYear\", \"Date\", \"Kind\", \"Source\", \"AgencyCode\", \"Name\") VALUES (@year, @date, @kind, @source, NULL, @name)",
            "@year", "@date", "@kind", "@source", "@name");
        await using var change = Command(connection, transaction,
            "INSERT INTO \"CalendarChanges\" (\"Year\", \"AgencyCode\", \"Version\", \"ChangedBy\", \"ChangedAtUtc\", \"Summary\", \"BeforeJson\", \"AfterJson\") " +
            "VALUES (@year, @agency, 1, @by, @at, @summary, NULL, @after)",
            "@year", "@agency", "@by", "@at", "@summary", "@after");
        foreach (var notice in NationalCalendar.ShippedNotices.Where(n => missing.Contains(n.Year)))
        {
            foreach (var entry in notice.ToEntries(CalendarSource.National))
            {
                Set(day, entry.NoticeYear, entry.Date, entry.Kind.ToString(), entry.Source.ToString(), entry.Name);
                await day.ExecuteNonQueryAsync(ct);
            }
            Set(change, notice.Year, CalendarChange.National, SystemUser, changedAt,
                $"载入随 CaseFlow 发布的 {notice.Year} 年全国节假日安排（{notice.Source}）", JsonSerializer.Serialize(notice, JsonDefaults.Options));
            await change.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return missing;
    }

    /// <summary>The same on the context's connection (the <c>migrate</c> verb, the benchmarks).</summary>
    public static async Task<IReadOnlyList<int>> RunAsync(CaseFlowDbContext db, TimeProvider time, CancellationToken ct = default)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            return await RunAsync(db.Database.GetDbConnection(), time, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<IReadOnlyList<int>> MissingYearsAsync(DbConnection connection, DbTransaction? transaction, CancellationToken ct)
    {
        var present = new HashSet<int>();
        await using (var command = Command(connection, transaction, "SELECT DISTINCT \"NoticeYear\" FROM \"CalendarDays\" WHERE \"Source\" = @source", "@source"))
        {
            Set(command, nameof(CalendarSource.National));
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) present.Add(Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture));
        }
        return NationalCalendar.ShippedNotices.Select(n => n.Year).Where(y => !present.Contains(y)).ToList();
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    private static void Set(DbCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
    }
}
