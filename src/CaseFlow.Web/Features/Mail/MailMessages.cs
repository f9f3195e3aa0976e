using System.Text;
using CaseFlow.Workflows.Engine;
using MimeKit;
using MimeKit.Text;

namespace CaseFlow.Web.Features.Mail;

/// <summary>The MIME message of one <see cref="OutgoingMail"/>: UTF-8 everywhere, every part base64, so the message is
/// 7-bit and needs neither 8BITMIME nor SMTPUTF8 from the server; MimeKit writes the subject and the sender's name as
/// RFC 2047 encoded words.</summary>
public static class MailMessages
{
    /// <summary>File names as RFC 2231 parameters (<c>filename*=utf-8''…</c>), which current clients decode.</summary>
    public static FormatOptions Format { get; } = CreateFormat();

    public static MimeMessage Build(OutgoingMail mail, MailboxAddress from, MailboxAddress to, DateTimeOffset date)
    {
        var text = new TextPart(TextFormat.Plain) { ContentTransferEncoding = ContentEncoding.Base64 };
        text.SetText(Encoding.UTF8, mail.Body.ReplaceLineEndings("\r\n"));
        MimeEntity body = text;
        if (mail.Attachments.Count > 0)
        {
            var mixed = new Multipart("mixed") { text };
            foreach (var a in mail.Attachments) mixed.Add(Attachment(a));
            body = mixed;
        }
        var message = new MimeMessage { Date = date, Subject = mail.Subject, MessageId = mail.MessageId.Trim('<', '>'), Body = body };
        message.From.Add(from);
        message.To.Add(to);
        return message;
    }

    private static MimePart Attachment(MailAttachment a)
    {
        var part = new MimePart(ContentType.Parse(a.ContentType))
        {
            Content = new MimeContent(new MemoryStream(a.Content, writable: false)),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = a.FileName,
        };
        Utf8(part.ContentDisposition.Parameters, "filename", ParameterEncodingMethod.Rfc2231);
        // Older Outlook and some webmail read only Content-Type's name, and only as RFC 2047; the standard filename wins elsewhere.
        Utf8(part.ContentType.Parameters, "name", ParameterEncodingMethod.Rfc2047);
        return part;
    }

    private static void Utf8(ParameterList parameters, string name, ParameterEncodingMethod method)
    {
        var parameter = parameters.First(p => p.Name == name);
        parameter.Encoding = Encoding.UTF8;
        parameter.EncodingMethod = method;
    }

    private static FormatOptions CreateFormat()
    {
        var format = FormatOptions.Default.Clone();
        format.ParameterEncodingMethod = ParameterEncodingMethod.Rfc2231;
        format.International = false;
        return format;
    }
}
