using CaseFlow.Data;
using CaseFlow.Web.Errors;
using CaseFlow.Web.Features.Cases.Pages;
using CaseFlow.Workflows.Definitions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Web.Features.Users.Pages;

/// <summary>/admin/users/new — creates an account through <see cref="AccountAdmin.CreateAsync"/>, as POST /api/admin/users
/// does. A refused form comes back with the messages beside the fields and everything typed still in place.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class NewUserModel(AccountAdmin admin, CaseFlowDbContext db) : PageModel
{
    public sealed class Form
    {
        public string? UserName { get; set; }
        public string? DisplayName { get; set; }
        public string? Agency { get; set; }
        public List<string> Roles { get; set; } = [];
        public string? Email { get; set; }
        public string? Password { get; set; }
    }

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["userName"] = "用户名", ["displayName"] = "姓名", ["agency"] = "机关", ["roles"] = "角色", ["email"] = "电子邮件", ["password"] = "初始密码",
    };

    [BindProperty] public Form Input { get; set; } = new();

    public FormErrors Errors { get; } = new();

    public IReadOnlyList<(string Code, string Name, int Depth)> Agencies { get; private set; } = [];

    public string PasswordRules => admin.PasswordRules;

    public (FormErrors, Func<string, string?>, Func<string, string>) Summary =>
        (Errors, f => f == "roles" ? "role-" + AccountAdmin.AssignableRoles[0] : Labels.ContainsKey(f) ? f : null, f => Labels.GetValueOrDefault(f, f));

    public async Task OnGetAsync(CancellationToken ct) => Agencies = await AgencyOptions.LoadAsync(db, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var created = await admin.CreateAsync(new AccountAdmin.CreateUserBody(Input.UserName, Input.DisplayName, Input.Agency, Input.Roles, Input.Password, Input.Email), User, ct);
            return Redirect($"/admin/users/{Uri.EscapeDataString(created.UserName)}?done=created");
        }
        catch (ValidationFailedException e)
        {
            Errors.AddRange(e.Errors);
        }
        catch (ConflictException e)
        {
            Errors.Add("userName", e.Message);
        }
        Agencies = await AgencyOptions.LoadAsync(db, ct);
        return Page();
    }
}
