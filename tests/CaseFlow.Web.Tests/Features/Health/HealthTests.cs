using System.Net;
using System.Text.Json.Nodes;
using CaseFlow.Data.Cases;
using CaseFlow.Tests.Shared;
using CaseFlow.Web.Tests.Infrastructure;

namespace CaseFlow.Web.Tests.Features.Health;

/// <summary>GET /health/live and /health/ready, anonymous, with Jobs disabled as in every test host (the job server's
/// check is in HangfireJobsTests).</summary>
public abstract class HealthTests(CaseFlowApp app)
{
    public sealed class OnSqlite(SqliteApp app) : HealthTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : HealthTests(app), IClassFixture<PostgresApp>;

    [Fact]
    public async Task Live_answers_200_healthy_without_sign_in()
    {
        var live = await (await app.Anonymous().GetAsync("/health/live")).ReadJsonAsync();
        Assert.Equal("Healthy", (string?)live["status"]);
        Assert.Empty(live["checks"]!.AsObject());
    }

    [Fact]
    public async Task Ready_is_healthy_and_turns_degraded_but_still_200_once_an_e_mail_is_dead_lettered_without_showing_it()
    {
        var client = app.Anonymous();
        var ready = await (await client.GetAsync("/health/ready")).ReadJsonAsync();
        Assert.Equal("Healthy", (string?)ready["status"]);
        Assert.Equal(["database", "outbox"], ready["checks"]!.AsObject().Select(c => c.Key).Order(StringComparer.Ordinal));
        Assert.Equal("Healthy", Status(ready, "database"));
        Assert.Equal("Healthy", Status(ready, "outbox"));
        Assert.False(string.IsNullOrEmpty((string?)ready["checks"]!["outbox"]!["description"]));

        var dead = (await app.InsertAsync(new OutboxMessage
            {
                Kind = "ReplyNotice", To = "zhang.san@example.com", Subject = "[CaseFlow] 张三的申请已答复", Body = "答复内容", MessageId = OutboxMessage.NewMessageId(new DateTime(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc)),
                Status = "DeadLettered", Attempts = 1, LastError = "550 5.1.1 mailbox unavailable",
                CreatedAtUtc = new DateTime(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc), NextAttemptAtUtc = new DateTime(2026, 3, 2, 1, 1, 0, DateTimeKind.Utc),
            }))[0];
        Assert.Equal("DeadLettered", (await app.FindAsync<OutboxMessage>(dead.Id))?.Status);

        var response = await client.GetAsync("/health/ready");
        var body = await response.ReadBodyAsync(HttpStatusCode.OK);
        ready = JsonNode.Parse(body)!.AsObject();
        Assert.Equal("Degraded", (string?)ready["status"]);
        Assert.Equal("Healthy", Status(ready, "database"));
        Assert.Equal("Degraded", Status(ready, "outbox"));
        Assert.StartsWith("1 封邮件无法投递", (string?)ready["checks"]!["outbox"]!["description"]);
        foreach (var secret in new[] { "zhang.san", "张三", "550", "答复内容" })
            Assert.DoesNotContain(secret, body);
    }

    [Fact]
    public async Task Ready_answers_503_unhealthy_when_the_database_is_gone_while_live_still_answers_200()
    {
        var database = await TestDatabase.CreateAsync(app.Database.Provider);
        await using var own = new CaseFlowApp(database);
        await own.InitializeAsync();
        var client = own.Anonymous();
        Assert.Equal("Healthy", (string?)(await (await client.GetAsync("/health/ready")).ReadJsonAsync())["status"]);

        await database.DisposeAsync(); // PostgreSQL: DROP DATABASE … WITH (FORCE); SQLite: its file and folder are deleted

        var response = await client.GetAsync("/health/ready");
        var body = await response.ReadBodyAsync(HttpStatusCode.ServiceUnavailable);
        var ready = JsonNode.Parse(body)!.AsObject();
        Assert.Equal("Unhealthy", (string?)ready["status"]);
        Assert.Equal("Unhealthy", Status(ready, "database"));
        Assert.DoesNotContain(database.ConnectionString, body);
        Assert.Equal("Healthy", (string?)(await (await client.GetAsync("/health/live")).ReadJsonAsync())["status"]);
    }

    private static string? Status(JsonObject ready, string check) => (string?)ready["checks"]![check]!["status"];
}
