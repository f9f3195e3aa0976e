using System.Globalization;
using CaseFlow.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CaseFlow.Bench;

/// <summary>Bulk test data written with raw SQL: set-up for benchmarks, not the measured part.</summary>
public static class BenchData
{
    private static readonly string[] Outcomes = [.. CaseFlow.Domain.Outcomes.Outcomes.All.Select(o => o.Code)];
    private static readonly string[] Columns = ["NaturalPerson", "NaturalPerson", "NaturalPerson", "Business", "Research", "PublicInterest", "LegalService", "OtherOrganisation"];

    private const string ColumnList = """
        "AgencyCode","CaseNumber","NumberYear","Sequence","WorkflowId","WorkflowVersion","State","Version","Channel",
        "SubmittedOn","ReceivedOn","ApplicantColumn","ApplicantName","RequestedInformation","ExtensionDays","CorrectionNoticeDueOn",
        "ReplyDueOn","DueProvisional","Round","Outcome","ConcludedOn","IsVoid","IsImported","CreatedAtUtc","CreatedBy","DetailsJson"
        """;

    /// <summary>Cases over 2019 to today in 21 agencies; one in 37 is still open, received in the last 40 days, so due
    /// dates fall around today. SQLite: one prepared INSERT in one transaction; PostgreSQL: COPY. Returns the open ones.</summary>
    public static int Populate(BenchDatabase database, DateOnly today, int cases, int agencies)
    {
        var open = database.Provider == DatabaseProvider.Sqlite ? PopulateSqlite(database, today, cases, agencies) : PopulatePostgres(database, today, cases, agencies);
        using var connection = database.Open();
        using var analyze = connection.CreateCommand();
        // PostgreSQL: VACUUM too, as autovacuum would soon after such a load, so that the first timed requests do not
        // measure a visibility map not yet set (index-only scans then visit every row).
        analyze.CommandText = database.Provider == DatabaseProvider.Sqlite ? "ANALYZE" : "VACUUM ANALYZE";
        analyze.CommandTimeout = 0;
        analyze.ExecuteNonQuery();
        return open;
    }

    private sealed record Row(string Agency, string Number, int Year, int Sequence, string State, string Received, string Correction, string Due,
        string? Outcome, string? Concluded, string Column, bool IsOpen);

    private static IEnumerable<Row> Rows(DateOnly today, int cases, int agencies)
    {
        var first = new DateOnly(2019, 1, 1).DayNumber;
        var span = today.DayNumber - 60 - first;
        for (var i = 1; i <= cases; i++)
        {
            var agency = i % (agencies + 1) == 0 ? "bench" : $"bench-{i % (agencies + 1):D2}";
            var isOpen = i % 37 == 0;
            var received = isOpen ? today.AddDays(-(i % 40)) : DateOnly.FromDayNumber(first + (int)((long)i * 7919 % span));
            yield return new Row(agency, $"{agency}-{received.Year}-{i:D7}", received.Year, 1_000_000 + i, isOpen ? "handling" : "concluded",
                Iso(received), Iso(received.AddDays(9)), Iso(received.AddDays(28)),
                isOpen ? null : Outcomes[i % Outcomes.Length], isOpen ? null : Iso(received.AddDays(20)), Columns[i % Columns.Length], isOpen);
        }
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static int PopulateSqlite(BenchDatabase database, DateOnly today, int cases, int agencies)
    {
        using var connection = new SqliteConnection(database.ConnectionString);
        connection.Open();
        using var tx = connection.BeginTransaction();
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"""
            INSERT INTO "Cases" ({ColumnList})
            VALUES ($agency,$number,$year,$seq,'disclosure-request',1,$state,1,'InPerson',$received,$received,$column,'压测申请人','基准测试',0,$corr,
              $due,0,1,$outcome,$concluded,0,1,'2026-01-01 00:00:00','bench','{"{}"}')
            """;
        string[] names = ["$agency", "$number", "$year", "$seq", "$state", "$received", "$corr", "$due", "$outcome", "$concluded", "$column"];
        var p = names.Select(n => cmd.Parameters.Add(n, SqliteType.Text)).ToArray();
        cmd.Prepare();
        var open = 0;
        foreach (var r in Rows(today, cases, agencies))
        {
            p[0].Value = r.Agency;
            p[1].Value = r.Number;
            p[2].Value = r.Year;
            p[3].Value = r.Sequence;
            p[4].Value = r.State;
            p[5].Value = r.Received;
            p[6].Value = r.Correction;
            p[7].Value = r.Due;
            p[8].Value = (object?)r.Outcome ?? DBNull.Value;
            p[9].Value = (object?)r.Concluded ?? DBNull.Value;
            p[10].Value = r.Column;
            cmd.ExecuteNonQuery();
            if (r.IsOpen) open++;
        }
        tx.Commit();
        return open;
    }

    /// <summary>COPY in text form: PostgreSQL converts each value by its column's type.</summary>
    private static int PopulatePostgres(BenchDatabase database, DateOnly today, int cases, int agencies)
    {
        using var connection = new NpgsqlConnection(database.ConnectionString);
        connection.Open();
        var open = 0;
        using (var writer = connection.BeginTextImport($"COPY \"Cases\" ({ColumnList}) FROM STDIN"))
        {
            foreach (var r in Rows(today, cases, agencies))
            {
                writer.Write(string.Join('\t', r.Agency, r.Number, r.Year.ToString(CultureInfo.InvariantCulture), r.Sequence.ToString(CultureInfo.InvariantCulture),
                    "disclosure-request", "1", r.State, "1", "InPerson", r.Received, r.Received, r.Column, "压测申请人", "基准测试", "0", r.Correction,
                    r.Due, "f", "1", r.Outcome ?? "\\N", r.Concluded ?? "\\N", "f", "t", "2026-01-01 00:00:00+00", "bench", "{}"));
                writer.Write('\n');
                if (r.IsOpen) open++;
            }
        }
        return open;
    }
}
