using CaseFlow.Data;
using CaseFlow.Domain;
using CaseFlow.Web.Features.Calendar;
using CaseFlow.Web.Features.Mail;
using CaseFlow.Workflows.Definitions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Web.Features.Admin.Pages;

/// <summary>/admin — the administrator's start page: what needs attention (dead-lettered e-mail, next year's holiday
/// notice not loaded) and the way to each administration page.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class AdminModel(CaseFlowDbContext db, CalendarProvider calendars, TimeProvider time) : PageModel
{
    public int DeadLetters { get; private set; }
    public int Users { get; private set; }
    public int DisabledUsers { get; private set; }
    public int Agencies { get; private set; }
    public int ThisYear { get; private set; }
    public bool ThisYearLoaded { get; private set; }
    public bool NextYearLoaded { get; private set; }
    public IReadOnlyList<AuditLog.EntryView> Recent { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        DeadLetters = await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.DeadLettered, ct);
        Users = await db.Users.CountAsync(ct);
        DisabledUsers = await db.Users.CountAsync(u => u.DisabledAtUtc != null, ct);
        Agencies = await db.Agencies.CountAsync(ct);
        ThisYear = ChinaTime.Today(time).Year;
        var calendar = await calendars.GetAsync(null, ct);
        ThisYearLoaded = calendar.IsLoaded(ThisYear);
        NextYearLoaded = calendar.IsLoaded(ThisYear + 1);
        Recent = [.. (await AuditLog.List(null, db, ct)).Take(10)];
    }
}
