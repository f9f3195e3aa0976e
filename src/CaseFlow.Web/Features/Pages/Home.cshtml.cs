using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseFlow.Web.Features.Pages;

/// <summary>/ — each user goes to the start page of their first role.</summary>
public sealed class HomeModel : PageModel
{
    public IActionResult OnGet() => Redirect(PageChrome.StartPageOf(User));
}
