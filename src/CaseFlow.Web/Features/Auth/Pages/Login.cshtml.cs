using CaseFlow.Data.Identity;
using CaseFlow.Web.Features.Pages;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseFlow.Web.Features.Auth.Pages;

/// <summary>/login — the same sign-in as POST /api/auth/login (Identity cookie, lockout after 5 failures).</summary>
[AllowAnonymous]
public sealed class LoginModel(SignInManager<CaseFlowUser> signIn, UserManager<CaseFlowUser> users) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? Password { get; set; }
    public string? Error { get; private set; }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Redirect(Target()) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password))
        {
            Error = "请填写用户名和密码。";
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(UserName, Password, isPersistent: false, lockoutOnFailure: true);
        Error = (await SignInRefusal.ExplainAsync(result, UserName, Password, users))?.Detail;
        if (Error is not null) return Page();
        // The start page depends on the roles, which the new cookie carries only from the next request on.
        return Redirect(LocalReturnUrl ?? "/");
    }

    private string Target() => LocalReturnUrl ?? PageChrome.StartPageOf(User);

    /// <summary>Only a path of this site: a login link must not send the user elsewhere.</summary>
    private string? LocalReturnUrl => ReturnUrl is { Length: > 0 } && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null;
}
