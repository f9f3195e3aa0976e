using System.Globalization;
using CaseFlow.Data;
using CaseFlow.Domain.Reports;
using CaseFlow.Web.Errors;
using CaseFlow.Workflows.Definitions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OutcomeList = CaseFlow.Domain.Outcomes.Outcomes;

namespace CaseFlow.Web.Features.Reports.Pages;

/// <summary>/reports/annual/{year}/cells/{row}/{column}?agency=&amp;subordinates= — the cases behind one figure of the
/// annual report: the drill-down of GET /api/reports/annual/{year}/cells/{row}/{column} (<see cref="GetAnnualReport.CellHandle"/>),
/// each case a link to its page.</summary>
[Authorize(Roles = Roles.Office)]
public sealed class ReportCellModel(CaseFlowDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "agency")] public string? Agency { get; set; }
    [BindProperty(SupportsGet = true, Name = "subordinates")] public bool Subordinates { get; set; }

    public GetAnnualReport.Cell Cell { get; private set; } = null!;
    public string Table { get; private set; } = "";
    public string RowLabel { get; private set; } = "";
    public string ColumnLabel { get; private set; } = "";
    public IReadOnlyDictionary<string, string> AgencyNames { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(int year, string row, string column, CancellationToken ct)
    {
        try
        {
            Cell = await GetAnnualReport.CellHandle(year, row, column, Agency, Subordinates, User, db, ct);
        }
        catch (Exception e) when (e is NotFoundException or ValidationFailedException)
        {
            return NotFound();
        }
        catch (ForbiddenException)
        {
            return Forbid();
        }
        if (ReportLabels.IsTable3Row(row))
        {
            Table = "表三";
            RowLabel = ReportLabels.Table3Row(row) ?? row;
            ColumnLabel = ReportLabels.Table3Column(column) ?? column;
        }
        else if (row == ReportKeys.Extras)
        {
            Table = ReportExport.ExtrasHeading;
            RowLabel = ReportLabels.ExtrasKey(column) ?? column;
            ColumnLabel = "总计";
        }
        else
        {
            Table = "表四";
            RowLabel = ReportLabels.Table4Group(row) ?? row;
            ColumnLabel = ReportLabels.Table4Result(column) ?? column;
        }
        var codes = Cell.Cases.Select(c => c.Agency).Append(Cell.Agency).Distinct().ToList();
        AgencyNames = await db.Agencies.AsNoTracking().Where(a => codes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, a => a.Name, ct);
        return Page();
    }

    /// <summary>The older indicators' drill-down: shows each case's reply deadline and extension, the facts that put
    /// it in 按时/延期/逾期办结.</summary>
    public bool IsExtras => Table == ReportExport.ExtrasHeading;

    public string ReportLink => "/reports/annual" + QueryString.Create(new Dictionary<string, string?>
    {
        ["year"] = Cell.Year.ToString(CultureInfo.InvariantCulture), ["agency"] = Cell.Agency, ["subordinates"] = Cell.Subordinates ? "true" : "false",
    }).ToUriComponent();

    public static string OutcomeName(string? outcome) =>
        outcome is null ? "—" : OutcomeList.TryParse(outcome, out var o) ? (char.IsAsciiDigit(o.Row[^1]) ? $"{o.Row}.{o.Label}" : o.Row + o.Label) : outcome;
}
