using System.Net;
using CaseFlow.Data;
using CaseFlow.Tests.Shared;
using CaseFlow.Web.Features.Mail;
using CaseFlow.Web.Tests.Infrastructure;
using static CaseFlow.Web.Tests.Features.Cases.CaseApi;

namespace CaseFlow.Web.Tests.Features.Reminders;

/// <summary>
/// E-mail over implicit TLS (Mail:Security=Tls, port 465 in production) and STARTTLS to a real sink process that
/// presents a self-signed certificate made by the test, trusted through Mail:TrustedCertificateFile; AUTH when
/// Mail:UserName is set. Each test owns its sink process, its certificate and its database.
/// </summary>
[Trait("TimeZone", "Sensitive")]
public abstract class MailTlsTests(DatabaseProvider provider)
{
    public sealed class OnSqlite() : MailTlsTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : MailTlsTests(DatabaseProvider.Postgres);

    [Fact]
    public async Task Over_implicit_tls_the_applicant_s_e_mail_arrives_with_the_chinese_text_and_the_outbox_message_id()
    {
        using var certificate = new TestCertificate(IPAddress.Loopback);
        await using var rig = await Rig.StartAsync(provider, certificate.ImplicitTls, Tls(certificate));
        var desk = await rig.App.DeskAsync();
        var address = $"applicant-{desk.Agency}@example.com";
        rig.App.At(3, 2);
        var c = await desk.Officer.RegisterAsync(Reminders.ByEmail(address, "2026-03-02"));
        var row = Assert.Single(await rig.App.OutboxAsync(Id(c)));

        Assert.Equal(1, await rig.App.DispatchAsync());
        var received = Assert.Single(rig.Sink.Messages());
        Assert.True(received.Tls);
        Assert.Null(received.AuthUser);
        Assert.Equal([address], received.To);
        Assert.Equal(row.MessageId, received.MessageId);
        Assert.Equal($"您的政府信息公开申请已收到（{c["caseNumber"]}）", received.Subject);
        Assert.Contains($"本机关已于 2026-03-02 收到您的政府信息公开申请，登记号 {c["caseNumber"]}。", received.Body);
        Assert.Equal("caseflow@example.gov.cn", received.From);
        Assert.Equal("政府信息公开申请办理系统 <caseflow@example.gov.cn>", received.HeaderFrom);
        Assert.Equal("text/plain; charset=utf-8", received.ContentType);
        Assert.Equal("Mon, 02 Mar 2026 10:00:00 +0800", received.Date);
        row = Assert.Single(await rig.App.OutboxAsync(Id(c)));
        Assert.Equal((OutboxStatus.Sent, 1, null), (row.Status, row.Attempts, row.LastError));
    }

    [Fact]
    public async Task A_certificate_that_is_not_trusted_fails_the_send_and_the_message_waits_in_the_outbox()
    {
        using var certificate = new TestCertificate(IPAddress.Loopback);
        using var another = new TestCertificate(IPAddress.Loopback);
        await using var rig = await Rig.StartAsync(provider, certificate.ImplicitTls, Tls(another));
        var desk = await rig.App.DeskAsync();
        rig.App.At(3, 2);
        var c = await desk.Officer.RegisterAsync(Reminders.ByEmail($"applicant-{desk.Agency}@example.com", "2026-03-02"));

        Assert.Equal(0, await rig.App.DispatchAsync());
        var row = Assert.Single(await rig.App.OutboxAsync(Id(c)));
        Assert.Equal((OutboxStatus.Pending, 1), (row.Status, row.Attempts));
        Assert.StartsWith("AuthenticationException: the TLS certificate of 127.0.0.1 is not trusted", row.LastError, StringComparison.Ordinal);
        Assert.Contains("RemoteCertificateChainErrors", row.LastError);
        Assert.Contains(another.CertificateFile, row.LastError);
        Assert.Empty(rig.Sink.Messages());
    }

    [Fact]
    public async Task Without_a_trusted_certificate_file_the_system_store_decides_and_a_self_signed_server_is_refused()
    {
        using var certificate = new TestCertificate(IPAddress.Loopback);
        await using var rig = await Rig.StartAsync(provider, certificate.ImplicitTls, new() { ["Mail:Security"] = "Tls" });
        var desk = await rig.App.DeskAsync();
        rig.App.At(3, 2);
        var c = await desk.Officer.RegisterAsync(Reminders.ByEmail($"applicant-{desk.Agency}@example.com", "2026-03-02"));

        Assert.Equal(0, await rig.App.DispatchAsync());
        var row = Assert.Single(await rig.App.OutboxAsync(Id(c)));
        Assert.Equal((OutboxStatus.Pending, 1), (row.Status, row.Attempts));
        Assert.Contains("is not trusted (checked against the system trust store)", row.LastError);
        Assert.Empty(rig.Sink.Messages());
    }

    [Fact]
    public async Task A_trusted_certificate_for_another_host_name_is_refused()
    {
        using var certificate = new TestCertificate(ipAddress: null, dnsName: "mail.example.gov.cn");
        await using var rig = await Rig.StartAsync(provider, certificate.ImplicitTls, Tls(certificate));
        var desk = await rig.App.DeskAsync();
        rig.App.At(3, 2);
        var c = await desk.Officer.RegisterAsync(Reminders.ByEmail($"applicant-{desk.Agency}@example.com", "2026-03-02"));

        Assert.Equal(0, await rig.App.DispatchAsync());
        var row = Assert.Single(await rig.App.OutboxAsync(Id(c)));
        Assert.Equal(OutboxStatus.Pending, row.Status);
        Assert.Contains("RemoteCertificateNameMismatch", row.LastError);
        Assert.Empty(rig.Sink.Messages());
    }

    [Fact]
    public async Task Over_tls_a_451_is_retried_and_a_550_dead_letters()
    {
        using var certificate = new TestCertificate(IPAddress.Loopback);
        await using var rig = await Rig.StartAsync(provider, certificate.ImplicitTls, Tls(certificate));
        var desk = await rig.App.DeskAsync();
        rig.App.At(3, 3);
        var later = await desk.Officer.RegisterAsync(Reminders.ByEmail($"tempfail-{desk.Agency}@example.com", "2026-03-03"));
        var never = await desk.Officer.RegisterAsync(Reminders.ByEmail($"reject-{desk.Agency}@example.com", "2026-03-03"));

        Assert.Equal(0, await rig.App.DispatchAsync());
        var retried = Assert.Single(await rig.App.OutboxAsync(Id(later)));
        Assert.Equal((OutboxStatus.Pending, 1), (retried.Status, retried.Attempts));
        Assert.Contains("451 4.3.0 try again later (after RCPT TO)", retried.LastError);
        var dead = Assert.Single(await rig.App.OutboxAsync(Id(never)));
        Assert.Equal((OutboxStatus.DeadLettered, 1), (dead.Status, dead.Attempts));
        Assert.Contains("550 5.1.1 no such user (after RCPT TO)", dead.LastError);

        rig.App.Clock.Advance(TimeSpan.FromMinutes(1));
        await rig.App.DispatchAsync();
        retried = Assert.Single(await rig.App.OutboxAsync(Id(later)));
        Assert.Equal((OutboxStatus.Pending, 2), (retried.Status, retried.Attempts));
        Assert.Equal(1, Assert.Single(await rig.App.OutboxAsync(Id(never))).Attempts);
        Assert.Empty(rig.Sink.Messages());
    }

    [Theory]
    [InlineData("PLAIN LOGIN")]
    [InlineData("LOGIN")]
    public async Task Over_tls_the_sender_authenticates_when_a_user_name_is_configured(string offered)
    {
        using var certificate = new TestCertificate(IPAddress.Loopback);
        string[] arguments = [.. certificate.ImplicitTls, "--auth-user", "caseflow", "--auth-password", "秘密-pass", "--auth-mechanisms", offered];
        await using var rig = await Rig.StartAsync(provider, arguments, new(Tls(certificate)) { ["Mail:UserName"] = "caseflow", ["Mail:Password"] = "秘密-pass" });
        var desk = await rig.App.DeskAsync();
        var address = $"applicant-{desk.Agency}@example.com";
        rig.App.At(3, 2);
        var c = await desk.Officer.RegisterAsync(Reminders.ByEmail(address, "2026-03-02"));

        Assert.Equal(1, await rig.App.DispatchAsync());
        var received = Assert.Single(rig.Sink.Messages());
        Assert.Equal(("caseflow", true, address), (received.AuthUser, received.Tls, Assert.Single(received.To)));
        Assert.Equal(OutboxStatus.Sent, Assert.Single(await rig.App.OutboxAsync(Id(c))).Status);
    }

    [Fact]
    public async Task Wrong_credentials_are_a_5xx_and_dead_letter_and_missing_ones_are_refused_too()
    {
        using var certificate = new TestCertificate(IPAddress.Loopback);
        string[] arguments = [.. certificate.ImplicitTls, "--auth-user", "caseflow", "--auth-password", "right"];
        await using var wrong = await Rig.StartAsync(provider, arguments, new(Tls(certificate)) { ["Mail:UserName"] = "caseflow", ["Mail:Password"] = "wrong" });
        var desk = await wrong.App.DeskAsync();
        wrong.App.At(3, 2);
        var c = await desk.Officer.RegisterAsync(Reminders.ByEmail($"applicant-{desk.Agency}@example.com", "2026-03-02"));
        await wrong.App.DispatchAsync();
        var row = Assert.Single(await wrong.App.OutboxAsync(Id(c)));
        Assert.Equal(OutboxStatus.DeadLettered, row.Status);
        Assert.Contains("535 5.7.8 Authentication credentials invalid (after AUTH PLAIN)", row.LastError);
        Assert.DoesNotContain("wrong", row.LastError, StringComparison.Ordinal);

        await using var none = await Rig.StartAsync(provider, arguments, Tls(certificate));
        desk = await none.App.DeskAsync();
        none.App.At(3, 2);
        c = await desk.Officer.RegisterAsync(Reminders.ByEmail($"applicant-{desk.Agency}@example.com", "2026-03-02"));
        await none.App.DispatchAsync();
        Assert.Contains("530 5.7.0 Authentication required (after MAIL FROM)", Assert.Single(await none.App.OutboxAsync(Id(c))).LastError);
        Assert.Empty(wrong.Sink.Messages());
        Assert.Empty(none.Sink.Messages());
    }

    [Fact]
    public async Task With_starttls_the_same_client_upgrades_the_connection_before_it_authenticates()
    {
        using var certificate = new TestCertificate(IPAddress.Loopback);
        string[] arguments = [.. certificate.StartTls, "--auth-user", "caseflow", "--auth-password", "pw"];
        var settings = new Dictionary<string, string>(Tls(certificate)) { ["Mail:Security"] = "StartTls", ["Mail:UserName"] = "caseflow", ["Mail:Password"] = "pw" };
        await using var rig = await Rig.StartAsync(provider, arguments, settings);
        var desk = await rig.App.DeskAsync();
        var address = $"applicant-{desk.Agency}@example.com";
        rig.App.At(3, 2);
        var c = await desk.Officer.RegisterAsync(Reminders.ByEmail(address, "2026-03-02"));

        Assert.Equal(1, await rig.App.DispatchAsync());
        var received = Assert.Single(rig.Sink.Messages());
        Assert.Equal(("caseflow", true), (received.AuthUser, received.Tls));
        Assert.Equal($"您的政府信息公开申请已收到（{c["caseNumber"]}）", received.Subject);
        Assert.Equal(Assert.Single(await rig.App.OutboxAsync(Id(c))).MessageId, received.MessageId);
    }

    [Fact]
    public async Task With_starttls_configured_a_server_without_it_gets_nothing_in_the_clear()
    {
        await using var rig = await Rig.StartAsync(provider, [], new() { ["Mail:Security"] = "StartTls" });
        var desk = await rig.App.DeskAsync();
        rig.App.At(3, 2);
        var c = await desk.Officer.RegisterAsync(Reminders.ByEmail($"applicant-{desk.Agency}@example.com", "2026-03-02"));

        Assert.Equal(0, await rig.App.DispatchAsync());
        var row = Assert.Single(await rig.App.OutboxAsync(Id(c)));
        Assert.Equal((OutboxStatus.Pending, 1), (row.Status, row.Attempts));
        Assert.Equal("IOException: Mail:Security is StartTls but 127.0.0.1 does not offer STARTTLS", row.LastError);
        Assert.Empty(rig.Sink.Messages());
    }

    private static Dictionary<string, string> Tls(TestCertificate trusted) => new()
    {
        ["Mail:Security"] = "Tls",
        ["Mail:TrustedCertificateFile"] = trusted.CertificateFile,
    };

    /// <summary>A sink with <paramref name="sinkArguments"/> and the app pointed at it, its Mail section overridden by
    /// <paramref name="mail"/>.</summary>
    private sealed class Rig : IAsyncDisposable
    {
        private Rig(SmtpSink sink, TestDatabase database, CaseFlowApp app) => (Sink, Database, App) = (sink, database, app);

        public SmtpSink Sink { get; }

        public TestDatabase Database { get; }

        public CaseFlowApp App { get; }

        public static async Task<Rig> StartAsync(DatabaseProvider provider, string[] sinkArguments, Dictionary<string, string> mail)
        {
            var sink = await SmtpSink.StartNewAsync(sinkArguments);
            var database = await TestDatabase.CreateAsync(provider);
            var settings = new Dictionary<string, string>(sink.MailSettings);
            foreach (var (key, value) in mail) settings[key] = value;
            var app = new CaseFlowApp(database, settings);
            await app.InitializeAsync();
            return new Rig(sink, database, app);
        }

        public async ValueTask DisposeAsync()
        {
            await App.DisposeAsync();
            await Database.DisposeAsync();
            await Sink.DisposeAsync();
        }
    }
}
