using CaseFlow.Data;
using CaseFlow.Domain.Cases;
using CaseFlow.Web.Errors;
using CaseFlow.Web.Features.Calendar;
using CaseFlow.Web.Features.Cases.Pages;
using CaseFlow.Workflows.Definitions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseFlow.Web.Features.Proceedings.Pages;

/// <summary>/proceedings — the agency's reviews and lawsuits that concern no case: the list, a form to record one and
/// a form per pending one for its result, all through <see cref="AgencyProceedingsApi"/> as the API does.</summary>
[Authorize(Roles = Roles.Office + "," + Roles.Officer)]
public sealed class AgencyProceedingsModel(CaseFlowDbContext db, CalendarProvider calendars, TimeProvider time) : PageModel
{
    public sealed class Form
    {
        public ProceedingKind? Kind { get; set; }
        public string? Body { get; set; }
        public string? Subject { get; set; }
        public DateOnly? FiledOn { get; set; }
        public DateOnly? CopyReceivedOn { get; set; }
        public bool SimpleProcedure { get; set; }
        public long? ReviewId { get; set; }
    }

    public sealed class ResultForm
    {
        public long Id { get; set; }
        public ProceedingResult? Result { get; set; }
        public DateOnly? DecidedOn { get; set; }
    }

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["kind"] = "类别", ["body"] = "复议机关或法院", ["subject"] = "事由", ["filedOn"] = "申请或起诉日期", ["copyReceivedOn"] = "收到副本日期",
        ["reviewId"] = "所诉行政复议编号", ["result"] = "结果", ["decidedOn"] = "决定或判决日期", ["agency"] = "机关",
    };

    [BindProperty] public Form Input { get; set; } = new();

    [BindProperty] public ResultForm Decision { get; set; } = new();

    [FromQuery(Name = "done")] public string? Done { get; set; }

    public FormErrors Errors { get; } = new();

    /// <summary>The proceeding whose result form was refused (its errors show beside its fields).</summary>
    public long? FailedResultId { get; private set; }

    public IReadOnlyList<AgencyProceedingsApi.View> Items { get; private set; } = [];

    public (FormErrors, Func<string, string?>, Func<string, string>) Summary =>
        (Errors, f => f is "result" or "decidedOn" ? $"{f}-{FailedResultId}" : Labels.ContainsKey(f) ? f : null, f => Labels.GetValueOrDefault(f, f));

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var row = await AgencyProceedingsApi.RecordAsync(new AgencyProceedingsApi.RecordBody(null, Input.Kind, Input.Body, Input.Subject, Input.FiledOn,
                Input.CopyReceivedOn, Input.SimpleProcedure, Input.ReviewId), User, db, calendars, time, ct);
            return Redirect($"/proceedings?done=recorded-{row.Id}");
        }
        catch (ValidationFailedException e)
        {
            Errors.AddRange(e.Errors);
        }
        catch (Domain.Reports.ReportLockedException e)
        {
            Errors.Add("filedOn", e.Message);
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostResultAsync(CancellationToken ct)
    {
        try
        {
            await AgencyProceedingsApi.RecordResultAsync(Decision.Id, new AgencyProceedingsApi.ResultBody(Decision.Result, Decision.DecidedOn), User, db, time, ct);
            return Redirect($"/proceedings?done=decided-{Decision.Id}");
        }
        catch (ValidationFailedException e)
        {
            Errors.AddRange(e.Errors);
        }
        catch (Exception e) when (e is ConflictException or Domain.Reports.ReportLockedException)
        {
            Errors.Add("decidedOn", e.Message);
        }
        FailedResultId = Decision.Id;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) => Items = await AgencyProceedingsApi.List(null, null, User, db, ct);
}
