using Microsoft.AspNetCore.Identity;

namespace CaseFlow.Web.Features.Auth;

/// <summary>Identity's messages in Chinese: the administrator pages show them beside the password and user-name fields,
/// and the <c>add-user</c> verb prints them. The error codes stay Identity's, so handlers map them to fields by code.</summary>
public sealed class ChineseIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => new() { Code = nameof(DefaultError), Description = "操作未成功。" };
    public override IdentityError ConcurrencyFailure() => new() { Code = nameof(ConcurrencyFailure), Description = "该账户已被他人修改，请刷新后重试。" };
    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = "密码不正确。" };
    public override IdentityError InvalidUserName(string? userName) =>
        new() { Code = nameof(InvalidUserName), Description = "用户名只能包含英文字母、数字和 - . _ @ + 这些符号。" };
    public override IdentityError InvalidEmail(string? email) => new() { Code = nameof(InvalidEmail), Description = "电子邮件地址无效。" };
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"用户名“{userName}”已被使用。" };
    public override IdentityError DuplicateEmail(string email) => new() { Code = nameof(DuplicateEmail), Description = $"电子邮件地址“{email}”已被使用。" };
    public override IdentityError InvalidRoleName(string? role) => new() { Code = nameof(InvalidRoleName), Description = $"角色“{role}”无效。" };
    public override IdentityError DuplicateRoleName(string role) => new() { Code = nameof(DuplicateRoleName), Description = $"角色“{role}”已存在。" };
    public override IdentityError UserAlreadyHasPassword() => new() { Code = nameof(UserAlreadyHasPassword), Description = "该账户已设置密码。" };
    public override IdentityError UserLockoutNotEnabled() => new() { Code = nameof(UserLockoutNotEnabled), Description = "该账户未启用锁定。" };
    public override IdentityError UserAlreadyInRole(string role) => new() { Code = nameof(UserAlreadyInRole), Description = $"该用户已有角色“{role}”。" };
    public override IdentityError UserNotInRole(string role) => new() { Code = nameof(UserNotInRole), Description = $"该用户没有角色“{role}”。" };
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"密码至少 {length} 个字符。" };
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        new() { Code = nameof(PasswordRequiresUniqueChars), Description = $"密码至少包含 {uniqueChars} 个不同的字符。" };
    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        new() { Code = nameof(PasswordRequiresNonAlphanumeric), Description = "密码须包含至少一个符号（非字母、非数字）。" };
    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = "密码须包含至少一个数字（0–9）。" };
    public override IdentityError PasswordRequiresLower() => new() { Code = nameof(PasswordRequiresLower), Description = "密码须包含至少一个小写英文字母（a–z）。" };
    public override IdentityError PasswordRequiresUpper() => new() { Code = nameof(PasswordRequiresUpper), Description = "密码须包含至少一个大写英文字母（A–Z）。" };

    /// <summary>The password rules of <paramref name="o"/> as one sentence, shown under every password field so the
    /// administrator knows them before submitting.</summary>
    public static string PasswordRules(PasswordOptions o)
    {
        var parts = new List<string> { $"至少 {o.RequiredLength} 个字符" };
        var kinds = new List<string>();
        if (o.RequireUppercase) kinds.Add("大写字母");
        if (o.RequireLowercase) kinds.Add("小写字母");
        if (o.RequireDigit) kinds.Add("数字");
        if (o.RequireNonAlphanumeric) kinds.Add("符号");
        if (kinds.Count > 0) parts.Add($"须同时包含{string.Join("、", kinds)}");
        if (o.RequiredUniqueChars > 1) parts.Add($"至少 {o.RequiredUniqueChars} 个不同的字符");
        return "密码" + string.Join("，", parts) + "。";
    }
}
