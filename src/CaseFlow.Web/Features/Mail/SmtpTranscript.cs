using System.Text;
using MailKit;

namespace CaseFlow.Web.Features.Mail;

/// <summary>A reply the sender did not want: a 4xx, or a code that makes no sense at that point. Transient.</summary>
public sealed class SmtpReplyException(string message) : Exception(message);

/// <summary>
/// Follows MailKit's conversation with the server (as its protocol logger) to say where a send failed: which reply
/// refused it and to which command (<c>451 4.3.0 try again later (after RCPT TO)</c>), or what the server left
/// unanswered when it hung up or fell silent. MailKit's exceptions carry the reply but not the command. Commands are
/// matched to replies in order, so pipelined commands are told apart. Keeps no message text and no AUTH secret.
/// </summary>
public sealed class SmtpTranscript : IProtocolLogger
{
    private const int MaxLine = 1000;
    private readonly Queue<(string Phase, string Line)> _awaiting = new();
    private readonly StringBuilder _client = new();
    private readonly StringBuilder _server = new();
    private readonly List<string> _replyLines = [];
    private (string Phase, string Line) _last = ("the greeting", "connecting");
    private bool _inData, _inChallenge;

    /// <summary>The last reply of 400 or more and the command it answered, e.g. ("451 4.3.0 try again later", "RCPT TO").</summary>
    public (int Code, string Reply, string Phase)? Refusal { get; private set; }

    /// <summary>What the server owes a reply to (or the last command, when it owes none), e.g.
    /// <c>MAIL FROM:&lt;caseflow@example.gov.cn&gt;</c>; <c>connecting</c> before the greeting.</summary>
    public string Awaiting => _awaiting.TryPeek(out var next) ? next.Line : _last.Line;

    public IAuthenticationSecretDetector? AuthenticationSecretDetector { get; set; }

    /// <summary>Whether the connection stands (and, with implicit TLS, is secured): what follows is SMTP.</summary>
    public bool Connected { get; private set; }

    public void LogConnect(Uri uri)
    {
        Connected = true;
        _awaiting.Enqueue(("the greeting", "connecting"));
    }

    public void LogClient(byte[] buffer, int offset, int count)
    {
        if (_inData) return; // the message text, up to its final dot
        for (var i = offset; i < offset + count; i++)
        {
            if (buffer[i] != (byte)'\n')
            {
                if (_client.Length < MaxLine) _client.Append((char)buffer[i]);
                continue;
            }
            var line = _client.ToString().TrimEnd('\r');
            _client.Clear();
            // A SASL response after a 334 challenge belongs to its AUTH command and may be a secret.
            var command = _inChallenge ? _last : (Phase(line), line.StartsWith("AUTH ", StringComparison.OrdinalIgnoreCase) ? Phase(line) : line);
            _inChallenge = false;
            _awaiting.Enqueue(command);
            _last = command;
        }
    }

    public void LogServer(byte[] buffer, int offset, int count)
    {
        for (var i = offset; i < offset + count; i++)
        {
            if (buffer[i] != (byte)'\n')
            {
                if (_server.Length < MaxLine) _server.Append((char)buffer[i]);
                continue;
            }
            var line = Encoding.UTF8.GetString(Encoding.Latin1.GetBytes(_server.ToString().TrimEnd('\r')));
            _server.Clear();
            _replyLines.Add(line.Length > 4 ? line[4..] : "");
            if (line.Length > 3 && line[3] == '-') continue;
            Replied(int.TryParse(line.AsSpan(0, Math.Min(3, line.Length)), out var code) ? code : 0);
        }
    }

    private void Replied(int code)
    {
        var reply = $"{code} {string.Join(" / ", _replyLines)}".TrimEnd();
        _replyLines.Clear();
        var answered = _awaiting.TryDequeue(out var command) ? command : _last;
        if (_inData)
        {
            _inData = false;
            answered = ("the message text", "the message text");
        }
        if (code >= 400) Refusal = (code, reply, answered.Phase);
        if (code == 354 && answered.Phase == "DATA")
        {
            _inData = true;
            _awaiting.Enqueue(_last = ("the message text", "the message text"));
        }
        _inChallenge = code == 334;
    }

    /// <summary>The command's name: <c>MAIL FROM</c>, <c>RCPT TO</c>, <c>AUTH PLAIN</c>, else its verb.</summary>
    private static string Phase(string line)
    {
        var words = line.Split([' ', ':'], 3, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return "an empty line";
        var verb = words[0].ToUpperInvariant();
        return verb is "MAIL" or "RCPT" or "AUTH" && words.Length > 1 ? $"{verb} {words[1].ToUpperInvariant()}" : verb;
    }

    public void Dispose()
    {
    }
}
