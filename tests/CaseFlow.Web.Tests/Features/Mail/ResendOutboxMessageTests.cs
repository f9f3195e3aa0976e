using System.Net;
using CaseFlow.Data;
using CaseFlow.Data.Audit;
using CaseFlow.Data.Cases;
using CaseFlow.Tests.Shared;
using CaseFlow.Web.Features.Mail;
using CaseFlow.Web.Tests.Features.Reminders;
using CaseFlow.Web.Tests.Infrastructure;
using CaseFlow.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Web.Tests.Features.Mail;

/// <summary>POST /api/admin/outbox/{id}/resend against a real SMTP sink: a dead letter goes back to the outbox, keeps its
/// Message-ID, is sent by the next dispatch, and the resend is recorded with who did it.</summary>
[Trait("TimeZone", "Sensitive")]
public abstract class ResendOutboxMessageTests(DatabaseProvider provider)
{
    public sealed class OnSqlite() : ResendOutboxMessageTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : ResendOutboxMessageTests(DatabaseProvider.Postgres);

    private static OutboxMessage DeadLetter(string to) => new()
    {
        Kind = "ReplyReminder", To = to, Subject = "[CaseFlow] 答复期限提醒", Body = "请于 2026-03-18 前答复。", MessageId = OutboxMessage.NewMessageId(new DateTime(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc)),
        Status = OutboxStatus.DeadLettered, Attempts = 8, LastError = "SmtpCommandException: 550 5.7.1 relay denied",
        CreatedAtUtc = new DateTime(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc), NextAttemptAtUtc = new DateTime(2026, 3, 2, 3, 7, 0, DateTimeKind.Utc),
    };

    [Fact]
    public async Task A_resent_dead_letter_is_sent_by_the_next_dispatch_with_its_message_id_and_the_resend_is_recorded()
    {
        await using var sink = await SmtpSink.StartNewAsync();
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new CaseFlowApp(database, sink.MailSettings);
        await app.InitializeAsync();
        app.At(3, 3, 9, 30); // a Tuesday morning, outside the quiet hours
        var admin = await app.SignedInAsync("resend-admin", Roles.Admin);
        var dead = (await app.InsertAsync(DeadLetter("zhang.san@example.com")))[0];

        Assert.Equal(0, await app.DispatchAsync()); // a dead letter is never picked up by itself
        Assert.Empty(sink.Messages());

        var resent = await (await admin.PostAsync($"/api/admin/outbox/{dead.Id}/resend", null)).ReadJsonAsync();
        Assert.Equal("Pending", (string?)resent["status"]);
        var row = await app.FindAsync<OutboxMessage>(dead.Id);
        Assert.Equal((OutboxStatus.Pending, 0), (row!.Status, row.Attempts));
        Assert.Equal(new DateTime(2026, 3, 3, 1, 30, 0, DateTimeKind.Utc), row.NextAttemptAtUtc);

        Assert.Equal(1, await app.DispatchAsync());
        var received = Assert.Single(sink.Messages());
        Assert.Equal(dead.MessageId, received.MessageId);
        Assert.Equal(["zhang.san@example.com"], received.To);
        row = await app.FindAsync<OutboxMessage>(dead.Id);
        Assert.Equal((OutboxStatus.Sent, 1, (string?)null), (row!.Status, row.Attempts, row.LastError));

        AuditEntry? audit = null;
        await app.WithDbAsync(async db => audit = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Target == $"outbox:{dead.Id}"));
        Assert.Equal(("resend-admin", "resendMail", new DateTime(2026, 3, 3, 1, 30, 0, DateTimeKind.Utc)), (audit!.Actor, audit.Action, audit.AtUtc));
        Assert.Contains("zhang.san@example.com", audit.Detail);
        Assert.Contains("550 5.7.1 relay denied", audit.Detail);
        var listed = System.Text.Json.Nodes.JsonNode.Parse(await (await admin.GetAsync($"/api/admin/audit?target=outbox:{dead.Id}")).ReadBodyAsync(HttpStatusCode.OK))!.AsArray();
        Assert.Equal(("resendMail", "resend-admin"), ((string?)Assert.Single(listed)!["action"], (string?)listed[0]!["actor"]));

        // Sent now: a second resend is refused and changes nothing.
        var conflict = await (await admin.PostAsync($"/api/admin/outbox/{dead.Id}/resend", null)).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("已发送", (string?)conflict["detail"]);
        Assert.Equal(OutboxStatus.Sent, (await app.FindAsync<OutboxMessage>(dead.Id))!.Status);
    }

    [Fact]
    public async Task A_message_the_server_still_rejects_is_dead_lettered_again_after_one_attempt()
    {
        await using var sink = await SmtpSink.StartNewAsync();
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new CaseFlowApp(database, sink.MailSettings);
        await app.InitializeAsync();
        app.At(3, 3, 9, 30);
        var admin = await app.SignedInAsync("resend-admin-2", Roles.Admin);
        var dead = (await app.InsertAsync(DeadLetter("reject.wang@example.com")))[0];

        await (await admin.PostAsync($"/api/admin/outbox/{dead.Id}/resend", null)).ReadJsonAsync();
        Assert.Equal(0, await app.DispatchAsync());

        var row = await app.FindAsync<OutboxMessage>(dead.Id);
        Assert.Equal((OutboxStatus.DeadLettered, 1), (row!.Status, row.Attempts));
        Assert.Contains("550", row.LastError);
    }

    [Fact]
    public async Task Resend_is_for_administrators_and_for_dead_letters_that_exist()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new CaseFlowApp(database);
        await app.InitializeAsync();
        var dead = (await app.InsertAsync(DeadLetter("zhao.liu@example.com")))[0];

        var office = await app.SignedInAsync("resend-office", Roles.Office);
        await (await office.PostAsync($"/api/admin/outbox/{dead.Id}/resend", null)).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await app.Anonymous().PostAsync($"/api/admin/outbox/{dead.Id}/resend", null)).ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(OutboxStatus.DeadLettered, (await app.FindAsync<OutboxMessage>(dead.Id))!.Status);

        var admin = await app.SignedInAsync("resend-admin-3", Roles.Admin);
        var missing = await (await admin.PostAsync("/api/admin/outbox/999999/resend", null)).ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("发件箱中没有编号为 999999 的邮件。", (string?)missing["detail"]);
        var pending = (await app.InsertAsync(DeadLetter("zhao.liu@example.com")))[0];
        await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Id == pending.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Pending)));
        var conflict = await (await admin.PostAsync($"/api/admin/outbox/{pending.Id}/resend", null)).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("待发送", (string?)conflict["detail"]);
    }
}
