using CaseFlow.Data;
using CaseFlow.Domain;
using CaseFlow.Domain.Calendar;
using CaseFlow.Web.Errors;
using CaseFlow.Web.Features.Calendar;
using CaseFlow.Web.Features.Workflows;
using CaseFlow.Workflows.Definitions;
using CaseFlow.Workflows.Engine;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Web.Features.Cases.Pages;

/// <summary>/cases — the work queue: the list query of GET /api/cases (<see cref="ListCases"/>), soonest reply due date
/// first, each row with its deadline state in colour and words.</summary>
[Authorize(Roles = $"{Roles.Officer},{Roles.Head},{Roles.Office},{Roles.Admin},{Roles.ConfidentialityReviewer}")]
public sealed class QueueModel(CaseFlowDbContext db, WorkflowEngine engine, CalendarProvider calendars, TimeProvider time) : PageModel
{
    public const int PageSize = 20;

    /// <summary>The page counts the listed cases up to this many and then says "以上" (the API counts exactly).</summary>
    public const int CountUpTo = 10_000;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    [BindProperty(SupportsGet = true)] public string? Due { get; set; }
    [BindProperty(SupportsGet = true)] public string? Officer { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public sealed record Row(CaseSummary Case, string Request, string? OfficerName, Display.DueState Due);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public bool MoreThanCounted => Total > CountUpTo;
    public int PageCount => Math.Max(1, (Math.Min(Total, CountUpTo) + PageSize - 1) / PageSize);
    public IReadOnlyList<(string Id, string Label)> States { get; private set; } = [];
    public IReadOnlyList<(string UserName, string Name)> Officers { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var def = engine.Catalog.Latest(WorkflowsSetup.DisclosureRequest);
        States = [.. def.States.Select(s => (s.Id, s.Label))];
        var agency = Auth.AuthSetup.Agency(User) ?? "";
        Officers = [.. (await db.Users.AsNoTracking().Where(u => u.AgencyCode == agency).OrderBy(u => u.UserName).Select(u => new { u.UserName, u.DisplayName }).ToListAsync(ct))
            .Select(u => (u.UserName!, u.DisplayName))];
        if (PageNumber < 1) PageNumber = 1;

        ListCases.Page page;
        try
        {
            page = await ListCases.ListAsync(NullIfEmpty(State), NullIfEmpty(Officer), null, null, null, null,
                Due is "3" or "5" ? Due : null, Due == "overdue" ? true : null, null, PageNumber.ToString(System.Globalization.CultureInfo.InvariantCulture),
                PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture), NullIfEmpty(Q), CountUpTo, User, db, engine, calendars, time, ct);
        }
        catch (ValidationFailedException e)
        {
            Error = string.Join("；", e.Errors.Select(x => x.Message));
            return;
        }
        Total = page.Total;

        // The list query keeps the JSON details out; the shown rows need the request text and what pauses the clock.
        var ids = page.Items.Select(i => i.Id).ToList();
        var extra = (await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.RequestedInformation, c.Details }).ToListAsync(ct)).ToDictionary(x => x.Id);
        var names = await UserNames.DisplayNamesAsync(db, page.Items.Select(i => i.AssignedOfficer), ct);
        var today = ChinaTime.Today(time);
        var byAgency = new Dictionary<string, WorkingDayCalendar>();
        var rows = new List<Row>();
        foreach (var c in page.Items)
        {
            if (!byAgency.TryGetValue(c.Agency, out var calendar)) byAgency[c.Agency] = calendar = await calendars.GetAsync(c.Agency, ct);
            var x = extra[c.Id];
            var due = Display.Due(c.ReplyDueOn, today, c.ConcludedOn is not null, c.IsVoid, Display.PausedBy(c.State, x.Details), calendar);
            rows.Add(new Row(c, x.RequestedInformation, c.AssignedOfficer is { } o ? names.GetValueOrDefault(o, o) : null, due));
        }
        Rows = rows;
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public string PageLink(int n) => QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Q, ["state"] = State, ["due"] = Due, ["officer"] = Officer, ["page"] = n.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToUriComponent();
}
