using CaseFlow.Data;
using CaseFlow.Web.Features.Calendar;
using CaseFlow.Workflows.Definitions;
using CaseFlow.Workflows.Engine;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseFlow.Web.Features.Supervision.Pages;

/// <summary>/supervision — 督办 for the office: per department of its agency tree the open cases and those overdue or
/// due within 3 or 5 working days (<see cref="SupervisionBoard"/>), each count a link to the cases behind it.</summary>
[Authorize(Roles = Roles.Office)]
public sealed class SupervisionModel(CaseFlowDbContext db, WorkflowEngine engine, CalendarProvider calendars, TimeProvider time) : PageModel
{
    /// <summary>Only this department's cases in the list.</summary>
    [BindProperty(SupportsGet = true, Name = "agency")] public string? Agency { get; set; }

    /// <summary>"open": every open case of <see cref="Agency"/>; "overdue", "3", "5": only that deadline state; else all flagged.</summary>
    [BindProperty(SupportsGet = true, Name = "due")] public string? Due { get; set; }

    public SupervisionBoard.Board Board { get; private set; } = null!;

    public IReadOnlyList<SupervisionBoard.FlaggedCase> Listed { get; private set; } = [];

    public string? AgencyName { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Board = await SupervisionBoard.Handle(Agency, Due == "open", User, db, engine, calendars, time, ct);
        if (Agency is not null && Board.Departments.FirstOrDefault(d => d.Code == Agency) is { } dept) AgencyName = dept.Name;
        else Agency = null; // not in the office's tree: show every department rather than someone else's
        Listed = Due switch
        {
            "overdue" => [.. Board.Cases.Where(c => c.Due.Urgency == Cases.Pages.Display.Urgency.Overdue)],
            "3" => [.. Board.Cases.Where(c => c.Due.Urgency == Cases.Pages.Display.Urgency.Within3)],
            "5" => [.. Board.Cases.Where(c => c.Due.Urgency == Cases.Pages.Display.Urgency.Within5)],
            _ => Board.Cases,
        };
    }

    public static string Link(string? agency, string? due) =>
        "/supervision" + QueryString.Create(new Dictionary<string, string?> { ["agency"] = agency, ["due"] = due }.Where(kv => kv.Value is not null)).ToUriComponent() + "#cases";

    public string ListTitle => (AgencyName is null ? "各部门" : AgencyName) + Due switch
    {
        "overdue" => "已超期的案件",
        "3" => "3个工作日内到期的案件",
        "5" => "5个工作日内到期的案件",
        "open" => "全部在办案件",
        _ => "已超期和即将到期的案件",
    };
}
