using CaseFlow.Data;
using CaseFlow.Tests.Shared;
using CaseFlow.Web.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace CaseFlow.Web.Tests.Features.Mail;

/// <summary>A wrong <c>Mail</c> setting stops the host at start-up, naming the key, instead of failing every e-mail later.</summary>
public sealed class MailOptionsTests
{
    [Fact]
    public async Task A_from_that_is_not_an_address_stops_the_host()
    {
        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync("Mail:From", "not-an-address"));
        Assert.Contains("Mail:From is not an e-mail address: \"not-an-address\"", e.Message);
    }

    [Theory]
    [InlineData("Mail:Port", "0", "Mail:Port must be between 1 and 65535, not 0")]
    [InlineData("Mail:Port", "65536", "Mail:Port must be between 1 and 65535, not 65536")]
    [InlineData("Mail:MaxAttempts", "-1", "Mail:MaxAttempts must be at least 1, not -1")]
    [InlineData("Mail:DispatchSeconds", "-5", "Mail:DispatchSeconds must be at least 1, not -5")]
    [InlineData("Mail:QuietFromHour", "24", "Mail:QuietFromHour must be between 0 and 23, not 24")]
    [InlineData("Mail:Security", "3", "Mail:Security must be None, StartTls or Tls, not 3")]
    [InlineData("Mail:TrustedCertificateFile", "/nonexistent/mail-ca.pem", "Mail:TrustedCertificateFile does not exist: \"/nonexistent/mail-ca.pem\"")]
    public async Task A_wrong_mail_setting_stops_the_host_naming_the_key(string key, string value, string message)
    {
        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(key, value));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public async Task An_unknown_security_name_stops_the_host_naming_the_key()
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync("Mail:Security", "Ssl"));
        Assert.Contains("'Mail:Security'", e.Message);
    }

    private static async Task StartAsync(string key, string value)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new CaseFlowApp(database, new Dictionary<string, string> { [key] = value });
        await app.InitializeAsync();
    }
}
