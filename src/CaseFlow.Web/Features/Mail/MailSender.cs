using System.Net;
using System.Net.Mail;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using CaseFlow.Domain;
using Microsoft.Extensions.Options;

namespace CaseFlow.Web.Features.Mail;

public sealed record OutgoingMail(string To, string Subject, string Body, string MessageId);

/// <summary>A failure the server called permanent (5xx): the message goes to the dead-letter state.</summary>
public sealed class PermanentMailFailure(string message, Exception inner) : Exception(message, inner);

public interface IMailSender
{
    /// <exception cref="PermanentMailFailure">the server refused for good (5xx)</exception>
    /// <exception cref="Exception">anything else is transient and retried</exception>
    Task SendAsync(OutgoingMail mail, CancellationToken ct);
}

/// <summary>
/// Our own SMTP client for all three <see cref="SmtpSecurity"/> modes, because System.Net.Mail cannot speak
/// implicit TLS and MailKit is not available to us. One connection per message: greeting, EHLO, STARTTLS when asked,
/// AUTH PLAIN (or LOGIN) when <see cref="MailOptions.UserName"/> is set, MAIL, RCPT, DATA, QUIT.
/// </summary>
public sealed class SmtpMailSender(IOptionsMonitor<MailOptions> options, TimeProvider time) : IMailSender
{
    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1");

    /// <summary>For each step (connect, handshake, every reply), as System.Net.Mail's default.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    public async Task SendAsync(OutgoingMail mail, CancellationToken ct)
    {
        var o = options.CurrentValue;
        var from = MailAddress.TryCreate(o.From, out var f) && IsPlain(f.Address) ? f.Address : throw new FormatException($"Mail:From is not an address: \"{o.From}\"");
        var to = MailAddress.TryCreate(mail.To, out var t) && IsPlain(t.Address)
            ? t.Address
            : throw new PermanentMailFailure($"not a usable recipient address: \"{mail.To}\"", new FormatException(mail.To));
        var message = MimeText.Build(mail with { To = to }, from, o.FromName, time.GetUtcNow().ToOffset(ChinaTime.Offset));

        using var tcp = new TcpClient();
        await SmtpConnection.Within(Timeout, $"connecting to {o.Host}:{o.Port}", async s => { await tcp.ConnectAsync(o.Host, o.Port, s); return true; }, ct);
        Stream stream = tcp.GetStream();
        if (o.Security == SmtpSecurity.Tls) stream = await SecureAsync(stream, o, ct);
        await using var smtp = new SmtpConnection(stream, Timeout);

        Expect(await smtp.ReadReplyAsync("connecting", ct), "the greeting", 220);
        var ehlo = await HelloAsync(smtp, ct);
        if (o.Security == SmtpSecurity.StartTls)
        {
            if (!ehlo.Lines.Skip(1).Any(l => l.Trim().Equals("STARTTLS", StringComparison.OrdinalIgnoreCase)))
                throw new IOException($"Mail:Security is StartTls but {o.Host} does not offer STARTTLS");
            Expect(await smtp.CommandAsync("STARTTLS", ct), "STARTTLS", 220);
            smtp.Replace(await SecureAsync(smtp.Stream, o, ct));
            ehlo = await HelloAsync(smtp, ct); // the capabilities before TLS may have been forged (RFC 3207 4.2)
        }
        if (!string.IsNullOrEmpty(o.UserName)) await AuthenticateAsync(smtp, ehlo, o, ct);

        Expect(await smtp.CommandAsync($"MAIL FROM:<{from}>", ct), "MAIL FROM", 250);
        Expect(await smtp.CommandAsync($"RCPT TO:<{to}>", ct), "RCPT TO", 250, 251);
        Expect(await smtp.CommandAsync("DATA", ct), "DATA", 354);
        await smtp.WriteAsync(Encoding.ASCII.GetBytes(MimeText.DotStuffed(message) + ".\r\n"), "the message text", ct);
        Expect(await smtp.ReadReplyAsync("the message text", ct), "the message text", 250);
        try
        {
            await smtp.CommandAsync("QUIT", ct);
        }
        catch (Exception e) when (e is IOException or TimeoutException or SocketException)
        {
            // The server has taken the message; failing now would send it a second time.
        }
    }

    private static bool IsPlain(string address) => !address.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>');

    private static async Task<SmtpReply> HelloAsync(SmtpConnection smtp, CancellationToken ct)
    {
        var domain = Dns.GetHostName();
        var reply = await smtp.CommandAsync($"EHLO {domain}", ct);
        if (reply.Code is 500 or 502) reply = await smtp.CommandAsync($"HELO {domain}", ct); // a server without ESMTP
        return Expect(reply, "EHLO", 250);
    }

    private static async Task AuthenticateAsync(SmtpConnection smtp, SmtpReply ehlo, MailOptions o, CancellationToken ct)
    {
        var mechanisms = ehlo.Lines.Skip(1).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .FirstOrDefault(w => w.Length > 0 && w[0].Equals("AUTH", StringComparison.OrdinalIgnoreCase))?.Skip(1)
            .ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
        var user = o.UserName!;
        var password = o.Password ?? "";
        if (mechanisms.Contains("PLAIN"))
        {
            Expect(await smtp.CommandAsync("AUTH PLAIN " + Base64($"\0{user}\0{password}"), ct, "AUTH PLAIN"), "AUTH PLAIN", 235);
        }
        else if (mechanisms.Contains("LOGIN"))
        {
            Expect(await smtp.CommandAsync("AUTH LOGIN", ct), "AUTH LOGIN", 334);
            Expect(await smtp.CommandAsync(Base64(user), ct, "the AUTH LOGIN user name"), "the AUTH LOGIN user name", 334);
            Expect(await smtp.CommandAsync(Base64(password), ct, "the AUTH LOGIN password"), "the AUTH LOGIN password", 235);
        }
        else
        {
            throw new IOException($"Mail:UserName is set but {o.Host} offers neither AUTH PLAIN nor AUTH LOGIN (it offers: {(mechanisms.Count == 0 ? "no AUTH" : string.Join(' ', mechanisms))})");
        }
    }

    private static string Base64(string s) => Convert.ToBase64String(Encoding.UTF8.GetBytes(s));

    private static SmtpReply Expect(SmtpReply reply, string after, params int[] codes)
    {
        if (codes.Contains(reply.Code)) return reply;
        var failure = new SmtpReplyException(reply, after);
        if (reply.Code is >= 500 and < 600) throw new PermanentMailFailure(failure.Message, failure);
        throw failure;
    }

    /// <summary>The system trust store decides; a certificate it rejects only for its chain may still be trusted
    /// through <see cref="MailOptions.TrustedCertificateFile"/>. A wrong host name is never forgiven.</summary>
    private async Task<Stream> SecureAsync(Stream inner, MailOptions o, CancellationToken ct)
    {
        var trusted = new X509Certificate2Collection();
        if (!string.IsNullOrEmpty(o.TrustedCertificateFile)) trusted.ImportFromPemFile(o.TrustedCertificateFile);
        string? rejection = null;
        var ssl = new SslStream(inner, leaveInnerStreamOpen: false, (_, certificate, chain, errors) =>
        {
            if (errors == SslPolicyErrors.None) return true;
            if (errors == SslPolicyErrors.RemoteCertificateChainErrors && certificate is X509Certificate2 c && TrustedBy(trusted, c, chain)) return true;
            var status = chain?.ChainStatus.Select(s => $"{s.Status}: {s.StatusInformation.Trim()}") ?? [];
            rejection = $"{errors} [{string.Join("; ", status)}] for {certificate?.Subject}";
            return false;
        });
        try
        {
            await SmtpConnection.Within(Timeout, "the TLS handshake", async s =>
            {
                await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = o.Host }, s);
                return true;
            }, ct);
            return ssl;
        }
        catch (AuthenticationException e) when (rejection is not null)
        {
            await ssl.DisposeAsync();
            var checkedAgainst = trusted.Count == 0 ? "the system trust store" : $"the system trust store and {o.TrustedCertificateFile}";
            throw new AuthenticationException($"the TLS certificate of {o.Host} is not trusted (checked against {checkedAgainst}): {rejection}", e);
        }
        catch
        {
            await ssl.DisposeAsync();
            throw;
        }
        finally
        {
            foreach (var c in trusted) c.Dispose();
        }
    }

    private static bool TrustedBy(X509Certificate2Collection trusted, X509Certificate2 certificate, X509Chain? presented)
    {
        if (trusted.Count == 0) return false;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(trusted);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck; // private CAs seldom publish revocation lists
        chain.ChainPolicy.ApplicationPolicy.Add(ServerAuthentication);
        if (presented is not null) chain.ChainPolicy.ExtraStore.AddRange(presented.ChainPolicy.ExtraStore);
        return chain.Build(certificate);
    }
}
