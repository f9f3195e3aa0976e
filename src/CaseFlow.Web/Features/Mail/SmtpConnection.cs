using System.Text;

namespace CaseFlow.Web.Features.Mail;

/// <summary>A reply the sender did not expect: a 4xx, or a code that makes no sense at that point. Transient.</summary>
public sealed class SmtpReplyException(SmtpReply reply, string after) : Exception($"{reply} (after {after})")
{
    public SmtpReply Reply { get; } = reply;
}

public sealed record SmtpReply(int Code, IReadOnlyList<string> Lines)
{
    public override string ToString() => $"{Code} {string.Join(" / ", Lines)}".TrimEnd();
}

/// <summary>The line level of SMTP over any stream: commands out, (multi-line) replies in, each step bounded by
/// <paramref name="timeout"/> so a silent server cannot hold the dispatcher.</summary>
public sealed class SmtpConnection(Stream stream, TimeSpan timeout) : IAsyncDisposable
{
    private const int MaxLine = 8192;
    private readonly byte[] _buffer = new byte[4096];
    private int _start, _end;

    public Stream Stream { get; private set; } = stream;

    /// <summary>After STARTTLS: what the server sent before the handshake must not be read as protected (RFC 3207 4.2).</summary>
    public void Replace(Stream secured)
    {
        Stream = secured;
        _start = _end = 0;
    }

    public async Task<SmtpReply> CommandAsync(string line, CancellationToken ct, string? shownAs = null)
    {
        await WriteAsync(Encoding.ASCII.GetBytes(line + "\r\n"), shownAs ?? line, ct);
        return await ReadReplyAsync(shownAs ?? line, ct);
    }

    public Task WriteAsync(byte[] bytes, string what, CancellationToken ct) => Within(timeout, what, async t =>
    {
        await Stream.WriteAsync(bytes, t);
        await Stream.FlushAsync(t);
        return true;
    }, ct);

    public Task<SmtpReply> ReadReplyAsync(string after, CancellationToken ct) => Within(timeout, after, async t =>
    {
        var lines = new List<string>();
        while (true)
        {
            var line = await ReadLineAsync(t) ?? throw new IOException($"the SMTP server closed the connection (after {after})");
            if (line.Length < 3 || !int.TryParse(line.AsSpan(0, 3), out var code) || (line.Length > 3 && line[3] is not (' ' or '-')))
                throw new IOException($"not an SMTP reply: \"{line}\" (after {after})");
            lines.Add(line.Length > 4 ? line[4..] : "");
            if (line.Length == 3 || line[3] == ' ') return new SmtpReply(code, lines);
        }
    }, ct);

    public static async Task<T> Within<T>(TimeSpan timeout, string what, Func<CancellationToken, Task<T>> step, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        try
        {
            return await step(limit.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // Not an OperationCanceledException: the dispatcher lets those through as shutdown.
            throw new TimeoutException($"the SMTP server did not answer within {timeout.TotalSeconds:0} s ({what})");
        }
    }

    private async Task<string?> ReadLineAsync(CancellationToken ct)
    {
        var line = new List<byte>();
        while (true)
        {
            if (_start == _end)
            {
                _start = 0;
                _end = await Stream.ReadAsync(_buffer, ct);
                if (_end == 0) return null;
            }
            var lf = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            var stop = lf < 0 ? _end : lf;
            line.AddRange(_buffer.AsSpan(_start, stop - _start));
            _start = lf < 0 ? _end : lf + 1;
            if (line.Count > MaxLine) throw new IOException("the SMTP server sent a line longer than 8192 bytes");
            if (lf >= 0) return Encoding.UTF8.GetString(line.ToArray()).TrimEnd('\r');
        }
    }

    public ValueTask DisposeAsync() => Stream.DisposeAsync();
}
