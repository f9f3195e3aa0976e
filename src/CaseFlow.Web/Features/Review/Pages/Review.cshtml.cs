using CaseFlow.Data;
using CaseFlow.Web.Features.Calendar;
using CaseFlow.Web.Features.Cases;
using CaseFlow.Workflows.Definitions;
using CaseFlow.Workflows.Engine;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseFlow.Web.Features.Review.Pages;

/// <summary>/review — the legal adviser's queue (<see cref="ReviewQueue"/>): draft replies waiting for legal review in
/// the user's agency, soonest reply date first, each linking to its review page.</summary>
[Authorize(Roles = Roles.LegalAdviser)]
public sealed class ReviewQueueModel(CaseFlowDbContext db, WorkflowEngine engine, CalendarProvider calendars, TimeProvider time) : PageModel
{
    public ReviewQueue.Result Queue { get; private set; } = new([], 0);

    /// <summary>What the adviser just did, e.g. 退回修改（案件 demo-2026-0001）.</summary>
    public string? Done { get; private set; }

    public async Task OnGetAsync(string? done, long? id, CancellationToken ct)
    {
        Queue = await ReviewQueue.LoadAsync(User, db, engine, calendars, time, ct);
        Done = await DoneMessage.DescribeAsync(done, id, User, db, engine, ct);
    }
}
