using CaseFlow.Workflows.Definitions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseFlow.Web.Features.Users.Pages;

/// <summary>/admin/users — every account with its roles, agency and state, through the same query as GET /api/admin/users.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class UsersModel(AccountAdmin admin) : PageModel
{
    public IReadOnlyList<AccountAdmin.UserView> Users { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Users = await admin.ListAsync(ct);
}
