namespace CaseFlow.Web.Features.Mail;

public enum SmtpSecurity
{
    None,
    StartTls,
    Tls,
}

/// <summary>The <c>Mail</c> section of appsettings.json.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public bool Enabled { get; set; } = true;
    public string Host { get; set; } = "localhost";
    public int Port { get; set; } = 25;

    /// <summary><c>StartTls</c> upgrades the connection (port 587); <c>Tls</c> is TLS from the first byte (port 465).</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.None;

    /// <summary>A PEM file of certificates trusted besides the system store: the self-signed certificate or the CA
    /// of a private mail server. There is deliberately no switch that accepts any certificate.</summary>
    public string? TrustedCertificateFile { get; set; }

    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "caseflow@localhost";
    public string FromName { get; set; } = "政府信息公开申请办理系统";

    /// <summary>China-time hours in which no e-mail leaves (reminders wait, nothing is dropped).</summary>
    public int QuietFromHour { get; set; } = 22;
    public int QuietUntilHour { get; set; } = 7;
    public bool SendDuringQuietHours { get; set; }

    public int MaxAttempts { get; set; } = 8;
    public int DispatchSeconds { get; set; } = 30;
}
