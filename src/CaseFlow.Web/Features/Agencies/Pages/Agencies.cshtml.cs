using System.Globalization;
using CaseFlow.Data;
using CaseFlow.Web.Errors;
using CaseFlow.Web.Features.Calendar;
using CaseFlow.Web.Features.Cases.Pages;
using CaseFlow.Workflows.Definitions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseFlow.Web.Features.Agencies.Pages;

/// <summary>/admin/agencies — the agency tree (GET /api/agencies) and a form that adds an agency or department under a
/// parent (POST /api/agencies, the same handler and checks).</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class AgenciesModel(CaseFlowDbContext db, CalendarProvider calendars) : PageModel
{
    public sealed class Form
    {
        public string? Code { get; set; }
        public string? Name { get; set; }
        public string? ParentCode { get; set; }
        public string? CorrectionPeriodWorkingDays { get; set; } = "15";
    }

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["code"] = "机关代码", ["name"] = "机关名称", ["parentCode"] = "上级机关", ["correctionPeriodWorkingDays"] = "补正期限（工作日）",
    };

    [BindProperty] public Form Input { get; set; } = new();

    [FromQuery(Name = "added")] public string? Added { get; set; }

    public FormErrors Errors { get; } = new();

    public IReadOnlyList<AgenciesApi.AgencyView> All { get; private set; } = [];

    public (FormErrors, Func<string, string?>, Func<string, string>) Summary =>
        (Errors, f => Labels.ContainsKey(f) ? f : null, f => Labels.GetValueOrDefault(f, f));

    /// <summary>Children by parent code, in code order; agencies whose parent is missing are shown at the top level.</summary>
    public ILookup<string?, AgenciesApi.AgencyView> Children { get; private set; } = Array.Empty<AgenciesApi.AgencyView>().ToLookup(a => a.ParentCode);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        int? days = null;
        if (!string.IsNullOrWhiteSpace(Input.CorrectionPeriodWorkingDays))
        {
            if (int.TryParse(Input.CorrectionPeriodWorkingDays.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n)) days = n;
            else Errors.Add("correctionPeriodWorkingDays", "请填写 1 至 60 之间的整数。");
        }
        if (!Errors.Any)
        {
            try
            {
                var body = new AgenciesApi.Body(Input.Code?.Trim(), Input.Name, string.IsNullOrWhiteSpace(Input.ParentCode) ? null : Input.ParentCode, days);
                await AgenciesApi.Create(body, User, db, calendars, ct);
                return Redirect($"/admin/agencies?added={Uri.EscapeDataString(body.Code!)}");
            }
            catch (ValidationFailedException e)
            {
                Errors.AddRange(e.Errors);
            }
            catch (ConflictException e)
            {
                Errors.Add("code", e.Message);
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        All = await AgenciesApi.List(User, db, ct);
        var codes = All.Select(a => a.Code).ToHashSet();
        Children = All.ToLookup(a => a.ParentCode is { } p && codes.Contains(p) ? p : null);
    }
}
