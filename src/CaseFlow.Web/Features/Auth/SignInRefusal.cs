using CaseFlow.Data.Identity;
using Microsoft.AspNetCore.Identity;

namespace CaseFlow.Web.Features.Auth;

/// <summary>Why a sign-in was refused, in the words the login page and POST /api/auth/login both use.</summary>
public static class SignInRefusal
{
    public sealed record Refusal(string Title, string Detail);

    /// <summary>Null when <paramref name="result"/> succeeded. Identity refuses a disabled account (NotAllowed) before it
    /// checks the password, so "disabled" is said only to someone who knows the password: anyone else gets the same
    /// answer as for a wrong password, and learns nothing about which accounts exist.</summary>
    public static async Task<Refusal?> ExplainAsync(SignInResult result, string userName, string password, UserManager<CaseFlowUser> users)
    {
        if (result.Succeeded) return null;
        if (result.IsLockedOut) return new("账户已锁定", "登录失败次数过多，账户已暂时锁定，请稍后再试。");
        if (result.IsNotAllowed && await users.FindByNameAsync(userName) is { DisabledAtUtc: not null } user && await users.CheckPasswordAsync(user, password))
            return new("账户已停用", "该账户已停用，请联系系统管理员。");
        return new("登录失败", "用户名或密码错误。");
    }
}
