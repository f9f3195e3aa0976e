using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using CaseFlow.Web.Features.Mail;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CaseFlow.Web.Tests.Features.Mail;

/// <summary>The message text and the failure modes no real server in the tests produces: a silent server, a 554
/// greeting, a connection dropped mid-conversation. The happy paths run against the sink (MailTests, MailTlsTests).
/// (Dot-stuffing is MailKit's now, and a base64 body has no dots.)</summary>
[Trait("TimeZone", "Sensitive")]
public sealed class SmtpMailSenderTests
{
    private static readonly OutgoingMail Mail = new("someone@example.com", "补正告知书（2026-0001）", "李四：\n请补正。", "<abc@caseflow>");

    [Fact]
    public void Long_chinese_subjects_are_split_into_encoded_words_between_characters()
    {
        var subject = string.Join(' ', Enumerable.Repeat("政府信息公开𠀀申请答复", 8)); // 𠀀 is a surrogate pair, 4 bytes in UTF-8
        var (head, _) = Written(Mail with { Subject = subject });

        var header = Regex.Match(head, @"^Subject: ([^\r\n]*(?:\r\n[ \t][^\r\n]*)*)", RegexOptions.Multiline).Groups[1].Value;
        Assert.All(header.Split("\r\n"), l => Assert.InRange(l.Length, 1, 78 - "Subject: ".Length));
        var words = Regex.Matches(header, @"=\?utf-8\?b\?([A-Za-z0-9+/=]*)\?=", RegexOptions.IgnoreCase).ToList();
        Assert.True(words.Count > 3);
        Assert.Equal("", Regex.Replace(header, @"=\?utf-8\?b\?([A-Za-z0-9+/=]*)\?=|\r\n|[ \t]", "", RegexOptions.IgnoreCase)); // nothing but encoded words
        Assert.All(words, w => Assert.InRange(w.Length, 1, 75));
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        var decoded = words.Select(w => strict.GetString(Convert.FromBase64String(w.Groups[1].Value))).ToList(); // each word whole
        Assert.Equal(subject, string.Concat(decoded));
    }

    [Fact]
    public void The_message_has_the_headers_and_a_base64_body_in_crlf_lines_of_at_most_76_characters()
    {
        var mail = Mail with { Body = string.Concat(Enumerable.Repeat("本机关已于 2026-03-02 收到您的申请。\n", 20)) };
        var (head, body) = Written(mail);

        var headers = Regex.Split(head, @"\r\n(?![ \t])").ToDictionary(h => h[..h.IndexOf(':')], h => h[(h.IndexOf(':') + 2)..], StringComparer.OrdinalIgnoreCase);
        Assert.Equal(["Content-Transfer-Encoding", "Content-Type", "Date", "From", "Message-Id", "MIME-Version", "Subject", "To"], headers.Keys.Order(StringComparer.OrdinalIgnoreCase));
        Assert.Matches(@"^=\?utf-8\?b\?[A-Za-z0-9+/=]+\?= <caseflow@example.gov.cn>$", headers["From"]);
        Assert.Equal("办理系统", Encoding.UTF8.GetString(Convert.FromBase64String(headers["From"][10..headers["From"].IndexOf("?=", StringComparison.Ordinal)])));
        Assert.Equal("someone@example.com", headers["To"]);
        Assert.Equal("Mon, 02 Mar 2026 10:00:00 +0800", headers["Date"]);
        Assert.Equal("<abc@caseflow>", headers["Message-Id"]);
        Assert.Equal("1.0", headers["MIME-Version"]);
        Assert.Equal("text/plain; charset=utf-8", headers["Content-Type"]);
        Assert.Equal("base64", headers["Content-Transfer-Encoding"]);
        Assert.All(head.ToCharArray(), c => Assert.InRange(c, (char)1, (char)127)); // 7-bit: no 8BITMIME or SMTPUTF8 needed
        Assert.DoesNotContain("\n", body.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var lines = body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, l => Assert.InRange(l.Length, 1, 76));
        Assert.Equal(mail.Body.ReplaceLineEndings("\r\n"), Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(lines))));
    }

    /// <summary>The message as MailKit writes it after DATA: MIME from <see cref="MailMessages"/>, CRLF line ends.</summary>
    private static (string Head, string Body) Written(OutgoingMail mail)
    {
        using var message = MailMessages.Build(mail, new MailboxAddress("办理系统", "caseflow@example.gov.cn"), new MailboxAddress((string?)null, mail.To),
            new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8)));
        var format = MailMessages.Format.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        using var stream = new MemoryStream();
        message.WriteTo(format, stream);
        var text = Encoding.ASCII.GetString(stream.ToArray());
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return (text[..split], text[(split + 4)..]);
    }

    [Fact]
    public async Task A_server_that_never_answers_is_a_timeout_not_a_cancellation()
    {
        using var server = new TcpListener(IPAddress.Loopback, 0);
        server.Start();
        var accepted = server.AcceptTcpClientAsync();

        var e = await Assert.ThrowsAsync<TimeoutException>(() => Sender(server, TimeSpan.FromSeconds(1)).SendAsync(Mail, CancellationToken.None));
        Assert.Equal("the SMTP server did not answer within 1 s (connecting)", e.Message);
        (await accepted).Dispose();
    }

    [Fact]
    public async Task A_5xx_greeting_is_permanent_and_a_dropped_connection_is_not()
    {
        using var server = new TcpListener(IPAddress.Loopback, 0);
        server.Start();

        var talk = ScriptAsync(server, "554 5.3.2 no service here");
        var permanent = await Assert.ThrowsAsync<PermanentMailFailure>(() => Sender(server).SendAsync(Mail, CancellationToken.None));
        Assert.Equal("554 5.3.2 no service here (after the greeting)", permanent.Message);
        await talk;

        talk = ScriptAsync(server, "220 hello", "250-sink\r\n250 8BITMIME");
        var dropped = await Assert.ThrowsAsync<IOException>(() => Sender(server).SendAsync(Mail, CancellationToken.None));
        Assert.Equal("the SMTP server closed the connection (after MAIL FROM:<caseflow@example.gov.cn>)", dropped.Message);
        await talk;
    }

    /// <summary>Accepts one connection, sends each reply after reading one line (the first before), then hangs up.</summary>
    private static async Task ScriptAsync(TcpListener server, params string[] replies)
    {
        using var client = await server.AcceptTcpClientAsync();
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        for (var i = 0; i < replies.Length; i++)
        {
            if (i > 0) await reader.ReadLineAsync();
            await stream.WriteAsync(Encoding.ASCII.GetBytes(replies[i] + "\r\n"));
        }
        await reader.ReadLineAsync();
    }

    private static SmtpMailSender Sender(TcpListener server, TimeSpan? timeout = null)
    {
        var options = new ServiceCollection().Configure<MailOptions>(o =>
        {
            o.Host = "127.0.0.1";
            o.Port = ((IPEndPoint)server.LocalEndpoint).Port;
            o.From = "caseflow@example.gov.cn";
        }).BuildServiceProvider().GetRequiredService<IOptionsMonitor<MailOptions>>();
        return new SmtpMailSender(options, TimeProvider.System) { Timeout = timeout ?? TimeSpan.FromSeconds(30) };
    }
}
