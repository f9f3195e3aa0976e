using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CaseFlow.Domain;
using CaseFlow.Workflows.Engine;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CaseFlow.Web.Features.Mail;

public sealed record OutgoingMail(string To, string Subject, string Body, string MessageId)
{
    public IReadOnlyList<MailAttachment> Attachments { get; init; } = [];
}

/// <summary>A failure the server called permanent (5xx): the message goes to the dead-letter state.</summary>
public sealed class PermanentMailFailure(string message, Exception inner) : Exception(message, inner);

public interface IMailSender
{
    /// <exception cref="PermanentMailFailure">the server refused for good (5xx)</exception>
    /// <exception cref="Exception">anything else is transient and retried</exception>
    Task SendAsync(OutgoingMail mail, CancellationToken ct);
}

/// <summary>
/// Sends with MailKit's <see cref="SmtpClient"/>, one connection per message, in the three <see cref="SmtpSecurity"/>
/// modes; AUTH PLAIN (or LOGIN) when <see cref="MailOptions.UserName"/> is set. MailKit's exceptions are turned into
/// what the outbox shows and decides on: the refusing reply and the command it answered, 5xx permanent.
/// </summary>
public sealed class SmtpMailSender(IOptionsMonitor<MailOptions> options, TimeProvider time) : IMailSender
{
    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1");

    /// <summary>For each step (connect, handshake, every reply), as System.Net.Mail's default.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    public async Task SendAsync(OutgoingMail mail, CancellationToken ct)
    {
        var o = options.CurrentValue;
        var from = MailOptionsValidation.Address(o.From) is { } f ? new MailboxAddress(o.FromName, f) : throw new FormatException($"Mail:From is not an address: \"{o.From}\"");
        var to = MailOptionsValidation.Address(mail.To) is { } t
            ? new MailboxAddress((string?)null, t)
            : throw new PermanentMailFailure($"not a usable recipient address: \"{mail.To}\"", new FormatException(mail.To));
        using var message = MailMessages.Build(mail, from, to, time.GetUtcNow().ToOffset(ChinaTime.Offset));

        var trusted = new X509Certificate2Collection();
        var transcript = new SmtpTranscript();
        using var client = new SmtpClient(transcript)
        {
            Timeout = (int)Timeout.TotalMilliseconds,
            CheckCertificateRevocation = false, // as before MailKit: private CAs seldom publish revocation lists, intranets reach none
        };
        string? rejection = null;
        client.ServerCertificateValidationCallback = (_, certificate, chain, errors) =>
        {
            if (errors == SslPolicyErrors.None) return true;
            if (errors == SslPolicyErrors.RemoteCertificateChainErrors && certificate is X509Certificate2 c && TrustedBy(trusted, c, chain)) return true;
            var status = chain?.ChainStatus.Select(s => $"{s.Status}: {s.StatusInformation.Trim()}") ?? [];
            rejection = $"{errors} [{string.Join("; ", status)}] for {certificate?.Subject}";
            return false;
        };
        try
        {
            if (!string.IsNullOrEmpty(o.TrustedCertificateFile)) trusted.ImportFromPemFile(o.TrustedCertificateFile);
            try
            {
                // StartTls, never StartTlsWhenAvailable: a server without STARTTLS gets nothing in the clear.
                await client.ConnectAsync(o.Host, o.Port, o.Security switch
                {
                    SmtpSecurity.Tls => SecureSocketOptions.SslOnConnect,
                    SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
                    _ => SecureSocketOptions.None,
                }, ct);
            }
            catch (NotSupportedException) when (o.Security == SmtpSecurity.StartTls)
            {
                throw new IOException($"Mail:Security is StartTls but {o.Host} does not offer STARTTLS");
            }
            catch (SslHandshakeException e) when (rejection is not null)
            {
                var checkedAgainst = trusted.Count == 0 ? "the system trust store" : $"the system trust store and {o.TrustedCertificateFile}";
                throw new System.Security.Authentication.AuthenticationException(
                    $"the TLS certificate of {o.Host} is not trusted (checked against {checkedAgainst}): {rejection}", e.InnerException ?? e);
            }
            if (!string.IsNullOrEmpty(o.UserName)) await client.AuthenticateAsync(Mechanism(client, o), ct);
            await client.SendAsync(MailMessages.Format, message, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested && Translated(e, transcript, o) is { } translated)
        {
            throw translated;
        }
        finally
        {
            foreach (var c in trusted) c.Dispose();
        }
        try
        {
            await client.DisconnectAsync(quit: true, ct);
        }
        catch (Exception e) when (e is IOException or TimeoutException or SmtpProtocolException or SmtpCommandException)
        {
            // The server has taken the message; failing now would send it a second time.
        }
    }

    /// <summary>The exception the outbox records instead of MailKit's, or null to keep MailKit's.</summary>
    private Exception? Translated(Exception e, SmtpTranscript transcript, MailOptions o)
    {
        if (e is SmtpCommandException or ServiceNotAuthenticatedException or MailKit.Security.AuthenticationException && transcript.Refusal is { } refusal)
        {
            var text = $"{refusal.Reply} (after {refusal.Phase})";
            return refusal.Code is >= 500 and < 600 ? new PermanentMailFailure(text, e) : new SmtpReplyException(text);
        }
        if (Find<TimeoutException>(e) is not null)
        {
            var step = e is SslHandshakeException ? "the TLS handshake" : transcript.Connected ? transcript.Awaiting : $"connecting to {o.Host}:{o.Port}";
            return new TimeoutException($"the SMTP server did not answer within {Timeout.TotalSeconds:0} s ({step})", e);
        }
        // MailKit's word for a connection the server closed (SmtpStream); its other protocol errors stay as they are.
        if (e is SmtpProtocolException && e.Message.StartsWith("The SMTP server has unexpectedly disconnected", StringComparison.Ordinal))
            return new IOException($"the SMTP server closed the connection (after {transcript.Awaiting})", e);
        return null;
    }

    private static T? Find<T>(Exception? e) where T : Exception
    {
        for (; e is not null; e = e.InnerException)
            if (e is T found) return found;
        return null;
    }

    /// <summary>PLAIN, else LOGIN, as offered after EHLO (over TLS when configured).</summary>
    private static SaslMechanism Mechanism(SmtpClient client, MailOptions o)
    {
        var offered = client.AuthenticationMechanisms;
        if (offered.Contains("PLAIN")) return new SaslMechanismPlain(o.UserName!, o.Password ?? "");
        if (offered.Contains("LOGIN")) return new SaslMechanismLogin(o.UserName!, o.Password ?? "");
        throw new IOException($"Mail:UserName is set but {o.Host} offers neither AUTH PLAIN nor AUTH LOGIN (it offers: {(offered.Count == 0 ? "no AUTH" : string.Join(' ', offered))})");
    }

    /// <summary>The system trust store decides; a certificate it rejects only for its chain may still be trusted
    /// through <see cref="MailOptions.TrustedCertificateFile"/>. A wrong host name is never forgiven.</summary>
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
