using CaseFlow.Data;
using CaseFlow.Web.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseFlow.Web.Features.Reminders.Pages;

/// <summary>/notifications — my reminders and escalations through the handlers of /api/me/notifications.</summary>
public sealed class NotificationsModel(CaseFlowDbContext db, TimeProvider time) : PageModel
{
    public IReadOnlyList<NotificationsApi.Item> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Items = await NotificationsApi.List(null, User, db, ct);

    public async Task<IActionResult> OnPostReadAsync(long id, CancellationToken ct)
    {
        try
        {
            await NotificationsApi.MarkRead(id, User, db, time, ct);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        return Redirect("/notifications");
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        await NotificationsApi.MarkAllRead(User, db, time, ct);
        return Redirect("/notifications");
    }
}
