using CaseFlow.Data;
using CaseFlow.Tests.Shared;
using CaseFlow.Web.Features.Mail;
using CaseFlow.Web.Tests.Infrastructure;
using static CaseFlow.Web.Tests.Features.Cases.CaseApi;

namespace CaseFlow.Web.Tests.Features.Reminders;

/// <summary>The mail server goes away and comes back: each test owns its SMTP sink process and its database.</summary>
[Trait("TimeZone", "Sensitive")]
public abstract class MailOutageTests(DatabaseProvider provider)
{
    public sealed class OnSqlite() : MailOutageTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : MailOutageTests(DatabaseProvider.Postgres);

    [Fact]
    public async Task With_the_mail_server_down_50_e_mails_stay_pending_and_all_arrive_once_when_it_is_back()
    {
        await using var sink = await SmtpSink.StartNewAsync();
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new CaseFlowApp(database, sink.MailSettings);
        await app.InitializeAsync();
        var desk = await app.DeskAsync();
        await sink.StopAsync();

        // 50 applicants who chose e-mail are registered and assigned while the server is down: every action succeeds.
        app.At(3, 2, 10, 0);
        var ids = new List<long>();
        for (var i = 0; i < 50; i++)
        {
            var c = await desk.Officer.RegisterAsync(Reminders.ByEmail($"applicant{i:D2}@example.com", "2026-03-02", $"申请人{i:D2}"));
            c = await desk.Officer.DoAsync(c, "assign", $$"""{"officer":"{{desk.OfficerName}}"}""");
            ids.Add(Id(c));
        }

        Assert.Equal(0, await app.DispatchAsync());
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(0, await app.DispatchAsync());
        var outbox = await app.OutboxAsync();
        Assert.Equal(50, outbox.Count);
        Assert.All(outbox, m =>
        {
            Assert.Equal(OutboxStatus.Pending, m.Status);
            Assert.Equal(1, m.Attempts);
            Assert.NotNull(m.LastError);
        });

        await sink.StartAsync(); // same port, same file
        app.Clock.Advance(TimeSpan.FromMinutes(1)); // past the first back-off
        Assert.Equal(50, await app.DispatchAsync());
        app.Clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(0, await app.DispatchAsync());

        var received = sink.Messages();
        Assert.Equal(50, received.Count);
        Assert.Equal(50, received.Select(m => m.MessageId).Distinct().Count());
        outbox = await app.OutboxAsync();
        Assert.Equal(outbox.Select(m => m.MessageId).Order(StringComparer.Ordinal), received.Select(m => m.MessageId).Order(StringComparer.Ordinal));
        Assert.All(outbox, m => Assert.Equal((OutboxStatus.Sent, 2), (m.Status, m.Attempts)));
        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"applicant{i:D2}@example.com"), received.Select(m => Assert.Single(m.To)).Order(StringComparer.Ordinal));
        Assert.All(received, m => Assert.StartsWith("您的政府信息公开申请已收到（", m.Subject, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reminders_produced_while_the_server_is_down_wait_and_are_delivered_once()
    {
        await using var sink = await SmtpSink.StartNewAsync();
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new CaseFlowApp(database, sink.MailSettings);
        await app.InitializeAsync();
        var desk = await app.DeskAsync();
        await app.SetEmailAsync(desk.OfficerName, "officer@example.gov.cn");
        for (var i = 0; i < 10; i++) await app.RegisterAssignedAsync(desk);
        await sink.StopAsync();

        Assert.Equal(50, await app.SweepAtAsync(3, 18, 9, 0)); // 02-28 and four reply reminders per case
        Assert.Equal(0, await app.DispatchAsync());
        Assert.All(await app.OutboxAsync(), m => Assert.Equal(OutboxStatus.Pending, m.Status));

        await sink.StartAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(50, await app.DispatchAsync());
        app.Clock.Advance(TimeSpan.FromHours(1));
        await app.DispatchAsync();
        var received = sink.Messages();
        Assert.Equal(50, received.Count);
        Assert.Equal(50, received.Select(m => m.MessageId).Distinct().Count());
        Assert.All(received, m => Assert.Equal(["officer@example.gov.cn"], m.To));
    }

    [Fact]
    public async Task Quiet_hours_can_be_switched_off_in_the_settings()
    {
        await using var sink = await SmtpSink.StartNewAsync();
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new CaseFlowApp(database, new Dictionary<string, string>(sink.MailSettings) { ["Mail:SendDuringQuietHours"] = "true" });
        await app.InitializeAsync();
        var desk = await app.DeskAsync();
        app.At(3, 4, 23, 30);
        await desk.Officer.RegisterAsync(Reminders.ByEmail("night-owl@example.com", "2026-03-04"));
        Assert.Equal(1, await app.DispatchAsync());
        Assert.Equal(["night-owl@example.com"], Assert.Single(sink.Messages()).To);
    }
}
