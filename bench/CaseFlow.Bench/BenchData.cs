using System.Globalization;
using Microsoft.Data.Sqlite;

namespace CaseFlow.Bench;

/// <summary>Bulk test data written with raw SQL: set-up for benchmarks, not the measured part.</summary>
public static class BenchData
{
    private static readonly string[] Outcomes = [.. CaseFlow.Domain.Outcomes.Outcomes.All.Select(o => o.Code)];
    private static readonly string[] Columns = ["NaturalPerson", "NaturalPerson", "NaturalPerson", "Business", "Research", "PublicInterest", "LegalService", "OtherOrganisation"];

    /// <summary>1,000,000 cases over 2019 to today in 21 agencies; one in 37 is still open, received in the last
    /// 40 days, so due dates fall around today. Raw SQL in one transaction: set-up, not the measured part.</summary>
    public static int Populate(string file, DateOnly today, int cases, int agencies)
    {
        using var connection = new SqliteConnection($"Data Source={file}");
        connection.Open();
        using var tx = connection.BeginTransaction();
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = """
            INSERT INTO "Cases" ("AgencyCode","CaseNumber","NumberYear","Sequence","WorkflowId","WorkflowVersion","State","Version","Channel",
              "SubmittedOn","ReceivedOn","ApplicantColumn","ApplicantName","RequestedInformation","ExtensionDays","CorrectionNoticeDueOn",
              "ReplyDueOn","DueProvisional","Round","Outcome","ConcludedOn","IsVoid","IsImported","CreatedAtUtc","CreatedBy","DetailsJson")
            VALUES ($agency,$number,$year,$seq,'disclosure-request',1,$state,1,'InPerson',$received,$received,$column,'压测申请人','基准测试',0,$corr,
              $due,0,1,$outcome,$concluded,0,1,'2026-01-01 00:00:00','bench','{}')
            """;
        string[] names = ["$agency", "$number", "$year", "$seq", "$state", "$received", "$corr", "$due", "$outcome", "$concluded", "$column"];
        var p = names.Select(n => cmd.Parameters.Add(n, SqliteType.Text)).ToArray();
        cmd.Prepare();
        var first = new DateOnly(2019, 1, 1).DayNumber;
        var span = today.DayNumber - 60 - first;
        var open = 0;
        for (var i = 1; i <= cases; i++)
        {
            var agency = i % (agencies + 1) == 0 ? "bench" : $"bench-{i % (agencies + 1):D2}";
            var isOpen = i % 37 == 0;
            var received = isOpen ? today.AddDays(-(i % 40)) : DateOnly.FromDayNumber(first + (int)((long)i * 7919 % span));
            var due = received.AddDays(28);
            p[0].Value = agency;
            p[1].Value = $"{agency}-{received.Year}-{i:D7}";
            p[2].Value = received.Year;
            p[3].Value = 1_000_000 + i;
            p[4].Value = isOpen ? "handling" : "concluded";
            p[5].Value = received.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            p[6].Value = received.AddDays(9).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            p[7].Value = due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            p[8].Value = isOpen ? DBNull.Value : Outcomes[i % Outcomes.Length];
            p[9].Value = isOpen ? DBNull.Value : received.AddDays(20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            p[10].Value = Columns[i % Columns.Length];
            cmd.ExecuteNonQuery();
            if (isOpen) open++;
        }
        tx.Commit();
        using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE";
        analyze.ExecuteNonQuery();
        return open;
    }
}
