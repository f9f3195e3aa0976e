using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Data;

/// <summary>Applies the reviewed SQL scripts embedded from <c>db/&lt;provider&gt;/NNNN_name.sql</c>, in number order.
/// Each script runs in its own transaction together with its row in the journal table
/// <c>__caseflow_migrations</c> (file name, SHA-256 of the script, time applied). A script whose text changed
/// after it was applied, or a journal row for a script this build does not have, stops the run.</summary>
public static partial class MigrationRunner
{
    public const string JournalTable = "__caseflow_migrations";

    /// <summary>A migration script: <see cref="Name"/> is the file name, e.g. <c>0001_initial.sql</c>.</summary>
    public sealed record Script(int Number, string Name, string Sql, string Checksum);

    /// <summary>Applies the pending scripts; returns their names in the order applied (empty when up to date).</summary>
    public static Task<IReadOnlyList<string>> MigrateAsync(this CaseFlowDbContext db, CancellationToken ct = default) =>
        ApplyAsync(db, ScriptsFor(DatabaseProviders.ProviderOf(db.Database)), ct);

    /// <summary>The same on an open ADO.NET connection (<see cref="DatabaseProviders.OpenConnectionAsync"/>): start-up
    /// uses it, so that a database already up to date costs a journal read and no EF model.</summary>
    public static Task<IReadOnlyList<string>> MigrateAsync(DbConnection connection, DatabaseProvider provider, CancellationToken ct = default) =>
        ApplyAsync(connection, provider, ScriptsFor(provider), ct);

    internal static async Task<IReadOnlyList<string>> ApplyAsync(CaseFlowDbContext db, IReadOnlyList<Script> scripts, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct); // through EF, so the provider's connection setup runs
        try
        {
            return await ApplyAsync(db.Database.GetDbConnection(), DatabaseProviders.ProviderOf(db.Database), scripts, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<IReadOnlyList<string>> ApplyAsync(DbConnection connection, DatabaseProvider provider, IReadOnlyList<Script> scripts, CancellationToken ct)
    {
        var lockSql = DatabaseProviders.MigrationLockSql(provider);
        var guard = DatabaseProviders.ScriptGuardFor(provider);
        var applied = new List<string>();
        if (lockSql is { } l) await ExecuteAsync(connection, null, l.Lock, ct);
        try
        {
            await ExecuteAsync(connection, null, DatabaseProviders.CreateJournalSql(provider, JournalTable), ct);
            var journal = await ReadJournalAsync(connection, null, ct);
            CheckJournal(journal, scripts);
            foreach (var script in scripts.Where(s => !journal.ContainsKey(s.Name)))
            {
                if (guard is not null) await ExecuteAsync(connection, null, guard.Before, ct);
                try
                {
                    await using var transaction = await connection.BeginTransactionAsync(ct);
                    // Read again inside the transaction: another process may have applied it meanwhile.
                    if ((await ReadJournalAsync(connection, transaction, ct)).ContainsKey(script.Name)) continue;
                    await ExecuteAsync(connection, transaction, script.Sql, ct);
                    if (guard is not null && await FirstRowAsync(connection, transaction, guard.Check, ct) is { } broken)
                        throw new InvalidOperationException(
                            $"Migration script {script.Name} leaves rows that break a foreign key (first: {string.Join(", ", broken)}); it was rolled back.");
                    await ExecuteAsync(connection, transaction,
                        $"INSERT INTO \"{JournalTable}\" (id, checksum, applied_at_utc) VALUES (@id, @checksum, CURRENT_TIMESTAMP)", ct,
                        ("@id", script.Name), ("@checksum", script.Checksum));
                    await transaction.CommitAsync(ct);
                    applied.Add(script.Name);
                }
                finally
                {
                    if (guard is not null) await ExecuteAsync(connection, null, guard.After, CancellationToken.None);
                }
            }
        }
        finally
        {
            if (lockSql is { } u) await ExecuteAsync(connection, null, u.Unlock, CancellationToken.None);
        }
        return applied;
    }

    /// <summary>The scripts embedded for <paramref name="provider"/>, ordered by number.</summary>
    public static IReadOnlyList<Script> ScriptsFor(DatabaseProvider provider)
    {
        var prefix = $"db/{DatabaseProviders.ScriptFolder(provider)}/";
        var assembly = typeof(MigrationRunner).Assembly;
        var scripts = new List<Script>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var name = resource[prefix.Length..];
            var match = ScriptName().Match(name);
            if (!match.Success)
                throw new InvalidOperationException($"Migration script {resource} is not named NNNN_name.sql (four digits, lower-case name).");
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8); // drops a byte-order mark
            scripts.Add(CreateScript(int.Parse(match.Groups[1].Value), name, reader.ReadToEnd()));
        }
        var duplicate = scripts.GroupBy(s => s.Number).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"Migration scripts {string.Join(" and ", duplicate.Select(s => prefix + s.Name))} share number {duplicate.Key:D4}.");
        return scripts.OrderBy(s => s.Number).ToList();
    }

    /// <summary>Checksums are taken over LF line endings, so a checkout with CRLF gives the same value.</summary>
    internal static Script CreateScript(int number, string name, string text)
    {
        var sql = text.Replace("\r\n", "\n");
        return new Script(number, name, sql, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql))));
    }

    private static void CheckJournal(Dictionary<string, string> journal, IReadOnlyList<Script> scripts)
    {
        var byName = scripts.ToDictionary(s => s.Name);
        foreach (var (name, checksum) in journal.OrderBy(j => j.Key, StringComparer.Ordinal))
        {
            if (!byName.TryGetValue(name, out var script))
                throw new InvalidOperationException(
                    $"The database records migration script {name}, which this build does not contain; it was migrated by a newer or different build.");
            if (!string.Equals(script.Checksum, checksum, StringComparison.OrdinalIgnoreCase))
                throw new InvalidOperationException(
                    $"Migration script {name} has changed since it was applied to this database (checksum then {checksum}, now {script.Checksum}). " +
                    "An applied script must never be edited; restore it and put the change in a new script.");
        }
    }

    private static async Task<Dictionary<string, string>> ReadJournalAsync(DbConnection connection, DbTransaction? transaction, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT id, checksum FROM \"{JournalTable}\"";
        await using var reader = await command.ExecuteReaderAsync(ct);
        var journal = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct)) journal[reader.GetString(0)] = reader.GetString(1);
        return journal;
    }

    private static async Task<string?[]?> FirstRowAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i))).ToArray();
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct,
        params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 600; // a script may rewrite a large table; waiting for the lock counts too
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        await command.ExecuteNonQueryAsync(ct);
    }

    [GeneratedRegex(@"^(\d{4})_[a-z0-9_]+\.sql$")]
    private static partial Regex ScriptName();
}
