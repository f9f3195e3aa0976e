using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CaseFlow.Data;

/// <summary>
/// SQL on the context's connection and in its current transaction, without EF's query pipeline. For the
/// few statements a registration runs while it holds SQLite's write lock, where that pipeline took longer than SQLite.
/// Parameters are written <c>@name</c> in the SQL, which both providers accept.
/// </summary>
public static class PlainCommand
{
    public static async Task<long> ScalarInt64Async(this CaseFlowDbContext db, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                var p = command.CreateParameter();
                p.ParameterName = name;
                p.Value = value;
                command.Parameters.Add(p);
            }
            // The last statement's first value: several statements go in one round trip, and each reads after the
            // ones before it (PostgreSQL: one snapshot per statement), e.g. a read after waiting for a lock.
            object? last = null;
            await using var reader = await command.ExecuteReaderAsync(ct);
            do last = await reader.ReadAsync(ct) ? reader.GetValue(0) : null;
            while (await reader.NextResultAsync(ct));
            return Convert.ToInt64(last, CultureInfo.InvariantCulture);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
