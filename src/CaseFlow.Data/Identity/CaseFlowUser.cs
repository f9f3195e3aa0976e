using Microsoft.AspNetCore.Identity;

namespace CaseFlow.Data.Identity;

/// <summary>An account. Identity supplies the login, password hash, lockout and TOTP columns.</summary>
public class CaseFlowUser : IdentityUser
{
    /// <summary>The agency the user works for (<see cref="Agencies.Agency.Code"/>).</summary>
    public string AgencyCode { get; set; } = "";

    public string DisplayName { get; set; } = "";

    /// <summary>When an administrator disabled the account (null: enabled). A disabled account cannot sign in; unlike
    /// a lockout it does not end by itself, and it keeps the user's cases, journal rows and notifications.</summary>
    public DateTime? DisabledAtUtc { get; set; }
}
