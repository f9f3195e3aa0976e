using CaseFlow.Web.Errors;
using CaseFlow.Web.Features.Cases.Pages;
using CaseFlow.Workflows.Definitions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseFlow.Web.Features.Users.Pages;

/// <summary>/admin/users/{userName} — one account: its state and history, and the forms that disable or enable it,
/// unlock it and set a new password, each through the same <see cref="AccountAdmin"/> method as its API route.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class UserModel(AccountAdmin admin) : PageModel
{
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["reason"] = "停用理由", ["confirm"] = "确认", ["password"] = "新密码",
    };

    public static readonly IReadOnlyDictionary<string, string> Done = new Dictionary<string, string>
    {
        ["created"] = "已新建用户。请将初始密码告知本人。",
        ["disabled"] = "已停用该账户：不能再登录，已登录的会话将在一分钟内失效。",
        ["enabled"] = "已启用该账户。",
        ["unlocked"] = "已解除锁定。",
        ["password"] = "已重置密码。请将新密码告知本人。",
    };

    [FromRoute] public string UserName { get; set; } = "";

    [FromQuery(Name = "done")] public string? DoneKey { get; set; }

    [BindProperty] public string? Reason { get; set; }

    [BindProperty] public string? NewPassword { get; set; }

    public AccountAdmin.UserDetail Detail { get; private set; } = null!;

    public FormErrors Errors { get; } = new();

    public string PasswordRules => admin.PasswordRules;

    public bool IsSelf => string.Equals(User.Identity?.Name, UserName, StringComparison.OrdinalIgnoreCase);

    public (FormErrors, Func<string, string?>, Func<string, string>) Summary =>
        (Errors, f => Labels.ContainsKey(f) ? f : null, f => Labels.GetValueOrDefault(f, f));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostDisableAsync(CancellationToken ct)
    {
        if (Request.Form["confirm"] != "true")
        {
            // Nothing is sent without the confirmation; say at once whether the reason is missing too.
            Errors.Add("confirm", "请勾选确认。");
            if (string.IsNullOrWhiteSpace(Reason)) Errors.Add("reason", "请填写停用理由。");
        }
        return RunAsync(() => admin.DisableAsync(UserName, new AccountAdmin.DisableUserBody(Reason), User, ct), "disabled", ct, checkedFirst: true);
    }

    public Task<IActionResult> OnPostEnableAsync(CancellationToken ct) => RunAsync(() => admin.EnableAsync(UserName, User, ct), "enabled", ct);

    public Task<IActionResult> OnPostUnlockAsync(CancellationToken ct) => RunAsync(() => admin.UnlockAsync(UserName, User, ct), "unlocked", ct);

    public Task<IActionResult> OnPostPasswordAsync(CancellationToken ct) =>
        RunAsync(() => admin.ResetPasswordAsync(UserName, new AccountAdmin.ResetPasswordBody(NewPassword), User, ct), "password", ct);

    private async Task<IActionResult> RunAsync(Func<Task<AccountAdmin.UserView>> change, string done, CancellationToken ct, bool checkedFirst = false)
    {
        if (!(checkedFirst && Errors.Any))
        {
            try
            {
                await change();
                return Redirect($"/admin/users/{Uri.EscapeDataString(UserName)}?done={done}");
            }
            catch (ValidationFailedException e)
            {
                Errors.AddRange(e.Errors);
            }
            catch (ConflictException e)
            {
                Errors.General.Add(e.Message);
            }
        }
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        try
        {
            Detail = await admin.GetAsync(UserName, ct);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}
