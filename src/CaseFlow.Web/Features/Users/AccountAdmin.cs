using System.Security.Claims;
using CaseFlow.Data;
using CaseFlow.Data.Identity;
using CaseFlow.Domain;
using CaseFlow.Web.Errors;
using CaseFlow.Web.Features.Admin;
using CaseFlow.Workflows.Definitions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseFlow.Web.Features.Users;

/// <summary>Administrators' work on accounts, one method per use case, shared by <c>/api/admin/users</c> and the
/// <c>/admin/users</c> pages. Every change is recorded in the audit log (<see cref="AuditLog"/>) in the same
/// transaction. Passwords follow the Identity rules of AuthSetup; no password is ever recorded.</summary>
public sealed class AccountAdmin(CaseFlowDbContext db, UserManager<CaseFlowUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> identity, TimeProvider time)
{
    public sealed record CreateUserBody(string? UserName, string? DisplayName, string? Agency, List<string>? Roles, string? Password, string? Email);

    public sealed record DisableUserBody(string? Reason);

    public sealed record ResetPasswordBody(string? Password);

    /// <summary>An account as administrators see it. <see cref="LockedOutUntilUtc"/> is set while failed sign-ins keep
    /// it locked; <see cref="DisabledAtUtc"/> while an administrator has disabled it.</summary>
    public sealed record UserView(string UserName, string DisplayName, string? Email, string Agency, string AgencyName, IReadOnlyList<string> Roles,
        DateTime? DisabledAtUtc, DateTime? LockedOutUntilUtc, int FailedSignIns);

    public sealed record UserDetail(UserView User, IReadOnlyList<AuditLog.EntryView> History);

    /// <summary>The roles a person can hold (System is the timers').</summary>
    public static IReadOnlyList<string> AssignableRoles { get; } = [.. Roles.All.Where(r => r != Roles.System)];

    public const int ReasonMaxLength = 500;

    public string PasswordRules => Auth.ChineseIdentityErrors.PasswordRules(identity.Value.Password);

    public async Task<IReadOnlyList<UserView>> ListAsync(CancellationToken ct)
    {
        var accounts = await db.Users.AsNoTracking().OrderBy(u => u.AgencyCode).ThenBy(u => u.UserName).ToListAsync(ct);
        var roleRows = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(ct);
        var byUser = roleRows.ToLookup(r => r.UserId, r => r.Name!);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.Name, ct);
        var views = new List<UserView>(accounts.Count);
        foreach (var u in accounts) views.Add(View(u, byUser[u.Id], agencies, await users.IsLockedOutAsync(u)));
        return views;
    }

    public async Task<UserDetail> GetAsync(string userName, CancellationToken ct)
    {
        var user = await FindAsync(userName);
        var history = await AuditLog.List(AuditLog.UserTarget(user.UserName!), db, ct);
        return new UserDetail(await ViewAsync(user, ct), history);
    }

    public async Task<UserView> CreateAsync(CreateUserBody? body, ClaimsPrincipal actor, CancellationToken ct)
    {
        if (body is null) throw new ValidationFailedException("body", "请求体不能为空。");
        var errors = new List<FieldError>();
        var userName = body.UserName?.Trim() ?? "";
        if (userName.Length == 0) errors.Add(new("userName", "必填。"));
        else if (userName.Length > 256) errors.Add(new("userName", "不能超过 256 个字符。"));
        else if (userName.Any(c => !identity.Value.User.AllowedUserNameCharacters.Contains(c)))
            errors.Add(new("userName", "用户名只能包含英文字母、数字和 - . _ @ + 这些符号。"));
        var displayName = body.DisplayName?.Trim() ?? "";
        if (displayName.Length == 0) errors.Add(new("displayName", "必填。"));
        else if (displayName.Length > 100) errors.Add(new("displayName", "不能超过 100 个字符。"));
        if (string.IsNullOrWhiteSpace(body.Agency)) errors.Add(new("agency", "必填。"));
        else if (!await db.Agencies.AnyAsync(a => a.Code == body.Agency, ct)) errors.Add(new("agency", $"机关代码“{body.Agency}”不存在。"));
        var chosen = (body.Roles ?? []).Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim()).Distinct().ToList();
        if (chosen.Count == 0) errors.Add(new("roles", "至少选择一个角色。"));
        else if (chosen.FirstOrDefault(r => !AssignableRoles.Contains(r)) is { } unknown)
            errors.Add(new("roles", $"没有角色“{unknown}”；可选：{string.Join("、", AssignableRoles)}。"));
        var email = string.IsNullOrWhiteSpace(body.Email) ? null : body.Email.Trim();
        if (email is { Length: > 256 }) errors.Add(new("email", "不能超过 256 个字符。"));
        else if (email is not null && !System.Net.Mail.MailAddress.TryCreate(email, out _)) errors.Add(new("email", "电子邮件地址格式不正确。"));
        var user = new CaseFlowUser { UserName = userName, DisplayName = displayName, AgencyCode = body.Agency?.Trim() ?? "", Email = email, LockoutEnabled = true };
        errors.AddRange(await PasswordErrorsAsync(user, body.Password));
        ValidationFailedException.ThrowIfAny(errors);
        if (await users.FindByNameAsync(userName) is not null) throw new ConflictException($"用户名“{userName}”已被使用。");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var role in chosen)
            if (!await roles.RoleExistsAsync(role))
                Check(await roles.CreateAsync(new IdentityRole(role)));
        Check(await users.CreateAsync(user, body.Password!));
        Check(await users.AddToRolesAsync(user, chosen));
        AuditLog.Stage(db, actor, "createUser", AuditLog.UserTarget(userName), $"新建用户 {displayName}（{userName}），机关 {user.AgencyCode}，角色 {RoleText(chosen)}", time);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return await ViewAsync(user, ct);
    }

    public async Task<UserView> DisableAsync(string userName, DisableUserBody? body, ClaimsPrincipal actor, CancellationToken ct)
    {
        var reason = body?.Reason?.Trim() ?? "";
        if (reason.Length == 0) throw new ValidationFailedException("reason", "请填写停用理由。");
        if (reason.Length > ReasonMaxLength) throw new ValidationFailedException("reason", $"不能超过 {ReasonMaxLength} 个字符。");
        var user = await FindAsync(userName);
        if (string.Equals(user.UserName, actor.Identity?.Name, StringComparison.OrdinalIgnoreCase))
            throw new ConflictException("不能停用自己的账户。");
        if (user.DisabledAtUtc is not null) throw new ConflictException("该账户已停用。");

        user.DisabledAtUtc = time.GetUtcNow().UtcDateTime;
        AuditLog.Stage(db, actor, "disableUser", AuditLog.UserTarget(user.UserName!), $"停用账户，理由：{reason}", time);
        // A new security stamp ends the user's open sessions at their next check (AuthSetup: every minute).
        Check(await users.UpdateSecurityStampAsync(user));
        return await ViewAsync(user, ct);
    }

    public async Task<UserView> EnableAsync(string userName, ClaimsPrincipal actor, CancellationToken ct)
    {
        var user = await FindAsync(userName);
        if (user.DisabledAtUtc is null) throw new ConflictException("该账户未停用。");
        user.DisabledAtUtc = null;
        AuditLog.Stage(db, actor, "enableUser", AuditLog.UserTarget(user.UserName!), "启用账户", time);
        Check(await users.UpdateAsync(user));
        return await ViewAsync(user, ct);
    }

    public async Task<UserView> UnlockAsync(string userName, ClaimsPrincipal actor, CancellationToken ct)
    {
        var user = await FindAsync(userName);
        var locked = await users.IsLockedOutAsync(user);
        if (!locked && user.AccessFailedCount == 0) throw new ConflictException("该账户未被锁定。");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        Check(await users.SetLockoutEndDateAsync(user, null));
        Check(await users.ResetAccessFailedCountAsync(user));
        AuditLog.Stage(db, actor, "unlockUser", AuditLog.UserTarget(user.UserName!),
            locked ? "解除登录失败锁定" : $"清除 {user.AccessFailedCount} 次登录失败记录", time);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return await ViewAsync(user, ct);
    }

    public async Task<UserView> ResetPasswordAsync(string userName, ResetPasswordBody? body, ClaimsPrincipal actor, CancellationToken ct)
    {
        var user = await FindAsync(userName);
        ValidationFailedException.ThrowIfAny(await PasswordErrorsAsync(user, body?.Password));

        // Remove and add in one transaction: a refusal in between must not leave the account without a password.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        Check(await users.RemovePasswordAsync(user));
        Check(await users.AddPasswordAsync(user, body!.Password!));
        AuditLog.Stage(db, actor, "resetPassword", AuditLog.UserTarget(user.UserName!), "重置密码（新密码已告知本人）", time);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return await ViewAsync(user, ct);
    }

    private async Task<List<FieldError>> PasswordErrorsAsync(CaseFlowUser user, string? password)
    {
        if (string.IsNullOrEmpty(password)) return [new("password", "必填。")];
        var errors = new List<FieldError>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            errors.AddRange(result.Errors.Select(e => new FieldError("password", e.Description)));
        }
        return errors;
    }

    private async Task<CaseFlowUser> FindAsync(string userName) =>
        await users.FindByNameAsync(userName) ?? throw new NotFoundException($"没有用户“{userName}”。");

    private async Task<UserView> ViewAsync(CaseFlowUser user, CancellationToken ct)
    {
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.Code == user.AgencyCode).ToDictionaryAsync(a => a.Code, a => a.Name, ct);
        return View(user, await users.GetRolesAsync(user), agencies, await users.IsLockedOutAsync(user));
    }

    /// <summary><paramref name="locked"/> comes from Identity itself, which times lockouts on the system clock.</summary>
    private static UserView View(CaseFlowUser u, IEnumerable<string> roleNames, IReadOnlyDictionary<string, string> agencies, bool locked) =>
        new(u.UserName!, u.DisplayName, u.Email, u.AgencyCode, agencies.GetValueOrDefault(u.AgencyCode, u.AgencyCode),
            [.. roleNames.OrderBy(r => Array.IndexOf([.. Roles.All], r))],
            u.DisabledAtUtc,
            locked ? u.LockoutEnd?.UtcDateTime : null,
            u.AccessFailedCount);

    public static string RoleText(IEnumerable<string> roleNames) =>
        string.Join("、", roleNames.Select(r => Roles.Labels.GetValueOrDefault(r, r)));

    /// <summary>Identity refused after our own checks passed (a race, a rule added later): a 400 naming the field the
    /// error belongs to, never a half-made account (the transaction is not committed).</summary>
    private static void Check(IdentityResult result)
    {
        if (result.Succeeded) return;
        ValidationFailedException.ThrowIfAny([.. result.Errors.Select(e => new FieldError(
            e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password"
            : e.Code.Contains("UserName", StringComparison.Ordinal) ? "userName"
            : e.Code.Contains("Email", StringComparison.Ordinal) ? "email"
            : e.Code.Contains("Role", StringComparison.Ordinal) ? "roles" : "body", e.Description))]);
    }
}
