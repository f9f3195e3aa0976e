using System.Net.Mail;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CaseFlow.Web.Features.Mail;

/// <summary>Checks the <c>Mail</c> section when the host starts, so a wrong setting stops it with the key named
/// instead of dead-lettering every e-mail later. (An unknown <c>Mail:Security</c> name already fails the binding.)</summary>
public sealed class MailOptionsValidation : IValidateOptions<MailOptions>
{
    public ValidateOptionsResult Validate(string? name, MailOptions o)
    {
        List<string> failures = [];
        if (Address(o.From) is null) failures.Add($"Mail:From is not an e-mail address: \"{o.From}\"");
        if (string.IsNullOrWhiteSpace(o.Host)) failures.Add("Mail:Host is empty");
        if (o.Port is < 1 or > 65535) failures.Add($"Mail:Port must be between 1 and 65535, not {o.Port}");
        if (!Enum.IsDefined(o.Security)) failures.Add($"Mail:Security must be None, StartTls or Tls, not {o.Security}");
        if (!string.IsNullOrEmpty(o.TrustedCertificateFile) && !File.Exists(o.TrustedCertificateFile))
            failures.Add($"Mail:TrustedCertificateFile does not exist: \"{o.TrustedCertificateFile}\"");
        if (o.MaxAttempts < 1) failures.Add($"Mail:MaxAttempts must be at least 1, not {o.MaxAttempts}");
        if (o.DispatchSeconds < 1) failures.Add($"Mail:DispatchSeconds must be at least 1, not {o.DispatchSeconds}");
        if (o.QuietFromHour is < 0 or > 23) failures.Add($"Mail:QuietFromHour must be between 0 and 23, not {o.QuietFromHour}");
        if (o.QuietUntilHour is < 0 or > 23) failures.Add($"Mail:QuietUntilHour must be between 0 and 23, not {o.QuietUntilHour}");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The bare address of <paramref name="value"/> (<c>a@b</c> or <c>Name &lt;a@b&gt;</c>), or null when it is
    /// none an SMTP envelope can carry (or MimeKit would not write).</summary>
    public static string? Address(string? value) =>
        MailAddress.TryCreate(value, out var a) && !a.Address.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>')
        && MailboxAddress.TryParse(a.Address, out _) ? a.Address : null;
}
