using System.Globalization;
using System.Text;

namespace CaseFlow.Web.Features.Mail;

/// <summary>The RFC 5322 / MIME text of one plain-text message. Everything non-ASCII is encoded, so the message is
/// 7-bit and needs neither 8BITMIME nor SMTPUTF8 from the server.</summary>
public static class MimeText
{
    public static string Build(OutgoingMail mail, string from, string? fromName, DateTimeOffset date)
    {
        var text = new StringBuilder();
        var sender = string.IsNullOrEmpty(fromName) ? $"<{from}>" : $"{EncodedWords(fromName)} <{from}>";
        text.Append("From: ").Append(sender).Append("\r\n");
        text.Append("To: <").Append(mail.To).Append(">\r\n");
        text.Append("Subject: ").Append(EncodedWords(mail.Subject)).Append("\r\n");
        text.Append("Date: ").Append(Rfc5322Date(date)).Append("\r\n");
        text.Append("Message-ID: ").Append(mail.MessageId).Append("\r\n");
        text.Append("MIME-Version: 1.0\r\n");
        text.Append("Content-Type: text/plain; charset=utf-8\r\n");
        text.Append("Content-Transfer-Encoding: base64\r\n\r\n");
        var body = Convert.ToBase64String(Encoding.UTF8.GetBytes(mail.Body.ReplaceLineEndings("\r\n")));
        for (var i = 0; i < body.Length; i += 76)
            text.Append(body, i, Math.Min(76, body.Length - i)).Append("\r\n");
        return text.ToString();
    }

    /// <summary>RFC 2047 B-encoded words of at most 45 UTF-8 bytes each (72 characters, under the limit of 75), cut
    /// between characters, never inside one; continuation lines are folded with a space, which decoders drop.</summary>
    public static string EncodedWords(string value)
    {
        var words = new List<string>();
        var chunk = new List<byte>();
        Span<byte> buffer = stackalloc byte[4];
        foreach (var rune in value.EnumerateRunes())
        {
            var n = rune.EncodeToUtf8(buffer);
            if (chunk.Count + n > 45)
            {
                words.Add(Word(chunk));
                chunk.Clear();
            }
            chunk.AddRange(buffer[..n]);
        }
        if (chunk.Count > 0 || words.Count == 0) words.Add(Word(chunk));
        return string.Join("\r\n ", words);
    }

    private static string Word(List<byte> bytes) => $"=?utf-8?B?{Convert.ToBase64String(bytes.ToArray())}?=";

    /// <summary>e.g. <c>Tue, 03 Mar 2026 10:00:00 +0800</c>, whatever the culture of the machine.</summary>
    public static string Rfc5322Date(DateTimeOffset date) =>
        date.ToString("ddd, dd MMM yyyy HH:mm:ss ", CultureInfo.InvariantCulture)
        + (date.Offset < TimeSpan.Zero ? "-" : "+") + date.Offset.ToString("hhmm", CultureInfo.InvariantCulture);

    /// <summary>The DATA transparency rule (RFC 5321 4.5.2): a line that starts with a dot gets a second one.</summary>
    public static string DotStuffed(string message) =>
        (message.StartsWith('.') ? "." : "") + message.Replace("\r\n.", "\r\n..", StringComparison.Ordinal);
}
