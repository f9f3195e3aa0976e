using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace CaseFlow.Web.Tests.Infrastructure;

/// <summary>One message the sink accepted (a JSON line written by tests/smtp-sink.py).</summary>
public sealed record SinkMessage(List<string> To, string From, string Subject, string Body, string MessageId, string HeaderFrom,
    string Date = "", string ContentType = "", bool Tls = false, string? AuthUser = null, string RawSubject = "",
    List<SinkAttachment>? Attachments = null);

/// <summary>An attachment as the sink decoded it: file name (RFC 2231 or 2047 decoded), size and SHA-256 (hex) of the
/// decoded bytes, and the Content-Disposition header as sent.</summary>
public sealed record SinkAttachment(string FileName, string ContentType, long Size, string Sha256, string RawContentDisposition);

/// <summary>
/// A real SMTP server process: tests/smtp-sink.py (aiosmtpd) under Debian's /usr/bin/python3, on a free port of
/// 127.0.0.1, writing each accepted message as a JSON line. <see cref="StopAsync"/> takes it down and
/// <see cref="StartAsync"/> brings it back on the same port and file, so a test can simulate an outage.
/// RCPT addresses starting with <c>tempfail</c> get 451, those starting with <c>reject</c> get 550. Extra arguments
/// of the script (implicit TLS, STARTTLS, AUTH) are kept for every restart.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    /// <summary>Overrides the script location (tests/run.sh exports it).</summary>
    public const string ScriptVariable = "CASEFLOW_TEST_SMTP_SCRIPT";

    private const string Python = "/usr/bin/python3"; // Debian's interpreter, which has python3-aiosmtpd

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly string _directory = Directory.CreateTempSubdirectory("caseflow-smtp-").FullName;
    private Process? _process;

    private readonly IReadOnlyList<string> _arguments;

    private SmtpSink(int port, IReadOnlyList<string> arguments)
    {
        Port = port;
        _arguments = arguments;
        OutFile = Path.Combine(_directory, "messages.jsonl");
    }

    public int Port { get; }

    public string OutFile { get; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts a sink on a free port and waits until it listens; <paramref name="arguments"/> go to the
    /// script, e.g. <c>--tls-cert FILE --tls-key FILE</c>.</summary>
    public static async Task<SmtpSink> StartNewAsync(params string[] arguments)
    {
        var sink = new SmtpSink(FreePort(), arguments);
        await sink.StartAsync();
        return sink;
    }

    /// <summary>The settings that point CaseFlow's <c>Mail</c> section at this sink.</summary>
    public IReadOnlyDictionary<string, string> MailSettings => new Dictionary<string, string>
    {
        ["Mail:Host"] = "127.0.0.1",
        ["Mail:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:Security"] = "None",
        ["Mail:From"] = "caseflow@example.gov.cn",
        ["Mail:FromName"] = "政府信息公开申请办理系统",
    };

    public async Task StartAsync()
    {
        if (IsRunning) return;
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "-u", Script(), "--host", "127.0.0.1", "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", OutFile }.Concat(_arguments))
            start.ArgumentList.Add(a);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Python}");
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            while (true)
            {
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
                if (line is null)
                    throw new InvalidOperationException($"the SMTP sink exited before it was ready: {await errors}");
                if (line.Trim() == "ready") break;
            }
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("the SMTP sink did not report ready within 30 s");
        }
        _process = process;
    }

    /// <summary>Kills the sink process; its port refuses connections until <see cref="StartAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_process is not { } p) return;
        _process = null;
        if (!p.HasExited) p.Kill(entireProcessTree: true);
        await p.WaitForExitAsync();
        p.Dispose();
    }

    /// <summary>Every message accepted so far, oldest first.</summary>
    public IReadOnlyList<SinkMessage> Messages()
    {
        if (!File.Exists(OutFile)) return [];
        using var stream = new FileStream(OutFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        var result = new List<SinkMessage>();
        while (reader.ReadLine() is { } line)
            if (line.Length > 0) result.Add(JsonSerializer.Deserialize<SinkMessage>(line, Json)!);
        return result;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string Script()
    {
        if (Environment.GetEnvironmentVariable(ScriptVariable) is { Length: > 0 } configured) return configured;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CaseFlow.sln")))
                return Path.Combine(dir.FullName, "tests", "smtp-sink.py");
        throw new InvalidOperationException("CaseFlow.sln not found above " + AppContext.BaseDirectory);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
