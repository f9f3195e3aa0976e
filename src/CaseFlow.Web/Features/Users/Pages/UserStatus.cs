using CaseFlow.Web.Features.Cases.Pages;

namespace CaseFlow.Web.Features.Users.Pages;

/// <summary>An account's state in words and a class (never colour alone).</summary>
public static class UserStatus
{
    public static (string Words, string Css) Of(AccountAdmin.UserView u) =>
        u.DisabledAtUtc is { } off ? ($"已停用（{Display.ChinaTime(off)} 起）", "account-disabled")
        : u.LockedOutUntilUtc is { } until ? ($"已锁定（至 {Display.ChinaTime(until)}）", "account-locked")
        : ("正常", "account-active");
}
