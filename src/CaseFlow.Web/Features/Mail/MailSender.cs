using System.Net;
using System.Net.Mail;
using System.Text;
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

public sealed class SmtpMailSender(IOptionsMonitor<MailOptions> options) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken ct)
    {
        var o = options.CurrentValue;
        using var client = new SmtpClient(o.Host, o.Port)
        {
            EnableSsl = o.Security == SmtpSecurity.StartTls,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            Timeout = 30_000,
        };
        if (!string.IsNullOrEmpty(o.UserName)) client.Credentials = new NetworkCredential(o.UserName, o.Password);
        using var message = new MailMessage
        {
            From = new MailAddress(o.From, o.FromName, Encoding.UTF8),
            Subject = mail.Subject,
            SubjectEncoding = Encoding.UTF8,
            Body = mail.Body,
            BodyEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
        };
        message.To.Add(mail.To);
        message.Headers["Message-ID"] = mail.MessageId; // the same on every retry, so receivers can drop duplicates
        try
        {
            await client.SendMailAsync(message, ct);
        }
        catch (SmtpException e) when ((int)e.StatusCode is >= 500 and < 600)
        {
            throw new PermanentMailFailure($"{(int)e.StatusCode} {e.Message}", e);
        }
    }
}
