using System.Diagnostics;
using CaseFlow.Data;
using CaseFlow.Data.Agencies;
using CaseFlow.Data.Cases;
using CaseFlow.Data.Identity;
using CaseFlow.Domain;
using CaseFlow.Domain.Cases;
using CaseFlow.Web.Features.Calendar;
using CaseFlow.Web.Features.Reminders;
using CaseFlow.Web.Features.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CaseFlow.Bench;

/// <summary>
/// Goal (issue 4): one sweep over 100,000 open cases, each with a due timer, in at most 2 s. A SQLite database in a
/// temporary folder gets the real migrations, 50 officers and 100,000 assigned cases with a due reply reminder
/// (the realistic bulk: reminders without an action); then ONE <see cref="TimerSweeper.SweepAsync"/> is timed, with
/// the services registered the way the web host registers them (jobs off). Measured twice: officers without an
/// e-mail address (in-app notifications only) and with one (plus an outbox row per reminder).
/// </summary>
public static class SweepBenchmark
{
    private const int Cases = 100_000;
    private const int Officers = 50;
    private const string Agency = "bench";

    // The reminders of a case received 2026-02-12 (due 2026-03-18): the 5-days reminder is due 2026-03-11 08:00 China time.
    private static readonly DateTimeOffset SweepAt = new(2026, 3, 11, 8, 30, 0, TimeSpan.FromHours(8));

    public static async Task Run()
    {
        var folder = Directory.CreateTempSubdirectory("caseflow-bench-sweep-").FullName;
        try
        {
            await using var services = Services(Path.Combine(folder, "caseflow.db"));
            var setup = Stopwatch.StartNew();
            await SeedAsync(services);
            Console.WriteLine($"set-up: migrations, {Officers} officers, {Cases:N0} cases with one due timer each: {setup.Elapsed.TotalSeconds:N1} s");
            Console.WriteLine();

            var rows = new List<string[]>();
            foreach (var withEmail in new[] { false, true })
            {
                await ResetAsync(services, withEmail);
                var sweeper = services.GetRequiredService<TimerSweeper>();
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var sw = Stopwatch.StartNew();
                var fired = await sweeper.SweepAsync(CancellationToken.None);
                var seconds = sw.Elapsed.TotalSeconds;
                var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
                var (notes, mails) = await CountAsync(services);
                if (fired != Cases || notes != Cases || mails != (withEmail ? Cases : 0))
                    throw new InvalidOperationException($"expected {Cases} fired and notified, got {fired} fired, {notes} notifications, {mails} e-mails");
                rows.Add([withEmail ? "officers with e-mail" : "officers without e-mail", $"{Cases:N0}", $"{fired:N0}", $"{notes:N0}", $"{mails:N0}",
                    $"{seconds:N2}", $"{cpuSeconds:N2}", seconds <= 2 ? "≤ 2 s ✓" : "≤ 2 s ✗"]);
            }
            Table.Print(["sweep (SQLite)", "open cases", "timers fired", "notifications", "outbox e-mails", "seconds", "CPU seconds", "goal"], rows);
            Console.WriteLine();
            Console.WriteLine($"{Environment.ProcessorCount} cores, load average {LoadAverage()} (the goal is for an otherwise idle machine)");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static ServiceProvider Services(string file)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [DatabaseOptions.ProviderKey] = "Sqlite",
            [DatabaseOptions.ConnectionStringKey] = $"Data Source={file}",
            ["Jobs:Enabled"] = "false",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole());
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<TimeProvider>(new FixedClock(SweepAt));
        services.AddCaseFlowData(configuration);
        services.AddCalendar();
        services.AddWorkflows(configuration);
        services.AddReminders(configuration);
        return services.BuildServiceProvider();
    }

    private static async Task SeedAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
        await db.MigrateAsync();
        await SeedShippedCalendar.RunAsync(db, scope.ServiceProvider.GetRequiredService<TimeProvider>());
        var calendar = await scope.ServiceProvider.GetRequiredService<CalendarProvider>().GetAsync(null);

        db.Agencies.Add(new Agency { Code = Agency, Name = "基准测试机关" });
        for (var i = 0; i < Officers; i++)
            db.Users.Add(new CaseFlowUser
            {
                UserName = $"officer{i:D2}", NormalizedUserName = $"OFFICER{i:D2}", AgencyCode = Agency, DisplayName = $"承办人{i:D2}",
                SecurityStamp = Guid.NewGuid().ToString("N"),
            });

        // One case and its timer through EF (the columns exactly as the application writes them), then copied by SQL.
        var template = DisclosureRequest.Register(
            new DisclosureRequest.Registration(Channel.InPerson, new DateOnly(2026, 2, 12), null, null, ApplicantColumn.NaturalPerson, "张三",
                "11010519491231002X", "13800000000", null, null, "2025年某项目环评批复", "纸质", "邮寄"),
            Agency, 1, WorkflowsSetup.DisclosureRequest, 1, "handling", "officer00", new DateTime(2026, 2, 12, 2, 0, 0, DateTimeKind.Utc), calendar);
        template.AssignOfficer("officer00");
        db.Cases.Add(template);
        var due = new DateOnly(2026, 3, 11);
        db.CaseTimers.Add(new CaseTimer
        {
            Case = template, Key = "reply-reminder:5", Kind = "ReplyReminder", DueOn = due, DueAtUtc = ChinaTime.At(due, new TimeOnly(8, 0)).UtcDateTime, Payload = "5",
        });
        await db.SaveChangesAsync();

        var columns = await db.Database.SqlQueryRaw<string>("SELECT name AS \"Value\" FROM pragma_table_info('Cases') WHERE name <> 'Id'").ToListAsync();
        var select = columns.Select(c => c switch
        {
            "CaseNumber" => "'bench-2026-' || printf('%06d', n.i)",
            "Sequence" => "n.i",
            "AssignedOfficer" => $"'officer' || printf('%02d', n.i % {Officers})",
            _ => $"c.\"{c}\"",
        });
        // Only constants and column names read from the schema go into this SQL.
        var copyCases =
            $"WITH RECURSIVE n(i) AS (SELECT 2 UNION ALL SELECT i + 1 FROM n WHERE i < {Cases}) " +
            $"INSERT INTO \"Cases\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) " +
            $"SELECT {string.Join(", ", select)} FROM \"Cases\" c, n WHERE c.\"Id\" = {template.Id}";
        var copyTimers =
            "INSERT INTO \"CaseTimers\" (\"CaseId\", \"Key\", \"Kind\", \"DueOn\", \"DueAtUtc\", \"Action\", \"Payload\") " +
            "SELECT c.\"Id\", t.\"Key\", t.\"Kind\", t.\"DueOn\", t.\"DueAtUtc\", t.\"Action\", t.\"Payload\" " +
            $"FROM \"Cases\" c, \"CaseTimers\" t WHERE t.\"CaseId\" = {template.Id} AND c.\"Id\" <> {template.Id}";
        await using var tx = await db.Database.BeginTransactionAsync();
        await db.Database.ExecuteSqlRawAsync(copyCases);
        await db.Database.ExecuteSqlRawAsync(copyTimers);
        await tx.CommitAsync();
    }

    /// <summary>Every timer due and unclaimed again, no notifications or e-mails; officers with or without an address.</summary>
    private static async Task ResetAsync(IServiceProvider services, bool withEmail)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
        await db.CaseTimers.ExecuteUpdateAsync(s => s.SetProperty(t => t.ClaimedAtUtc, (DateTime?)null).SetProperty(t => t.ClaimedBy, (string?)null).SetProperty(t => t.FiredAtUtc, (DateTime?)null));
        await db.Notifications.ExecuteDeleteAsync();
        await db.OutboxMessages.ExecuteDeleteAsync();
        await db.Users.ExecuteUpdateAsync(s => s.SetProperty(u => u.Email, u => withEmail ? u.UserName + "@bench.example.gov.cn" : null));
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)");
        var count = await db.CaseTimers.CountAsync(t => t.DueAtUtc <= SweepAt.UtcDateTime && t.ClaimedAtUtc == null);
        if (count != Cases) throw new InvalidOperationException($"expected {Cases} due timers, found {count}");
    }

    private static async Task<(int Notifications, int Mails)> CountAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
        return (await db.Notifications.CountAsync(), await db.OutboxMessages.CountAsync());
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
