using System.Globalization;
using CaseFlow.Data;
using CaseFlow.Domain;
using CaseFlow.Domain.Reports;
using CaseFlow.Web.Errors;
using CaseFlow.Web.Features.Agencies;
using CaseFlow.Web.Features.Cases.Pages;
using CaseFlow.Workflows.Definitions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Web.Features.Reports.Pages;

/// <summary>/reports/annual?year=&amp;agency=&amp;subordinates= — the annual report as the API computes it
/// (<see cref="GetAnnualReport"/>): tables 二, 三 and 四 in the national form's layout with the checks, every figure a
/// link to its cases; table 二 typed in (<see cref="Table2Api"/>), the year locked (<see cref="LockReport"/>), the
/// exports of <see cref="ExportAnnualReport"/> and charts drawn on the server.</summary>
[Authorize(Roles = Roles.Office)]
public sealed class AnnualReportModel(CaseFlowDbContext db, WriteGate writes, TimeProvider time) : PageModel
{
    /// <summary>One typed-in figure of table 二: its form id, the API's field key, where it sits on the form.</summary>
    public sealed record Table2Field(string Id, string Key, string Section, string Label, bool Decimal);

    public static readonly IReadOnlyList<Table2Field> Table2Fields =
    [
        new("regulations-issued", "regulations.issued", "规章", "本年制发件数", false),
        new("regulations-repealed", "regulations.repealed", "规章", "本年废止件数", false),
        new("regulations-inForce", "regulations.inForce", "规章", "现行有效件数", false),
        new("normativeDocuments-issued", "normativeDocuments.issued", "行政规范性文件", "本年制发件数", false),
        new("normativeDocuments-repealed", "normativeDocuments.repealed", "行政规范性文件", "本年废止件数", false),
        new("normativeDocuments-inForce", "normativeDocuments.inForce", "行政规范性文件", "现行有效件数", false),
        new("licensingDecisions", "licensingDecisions", "行政许可", "本年处理决定数量", false),
        new("penaltyDecisions", "penaltyDecisions", "行政处罚", "本年处理决定数量", false),
        new("enforcementDecisions", "enforcementDecisions", "行政强制", "本年处理决定数量", false),
        new("feesTenThousandYuan", "feesTenThousandYuan", "行政事业性收费", "本年收费金额（万元）", true),
    ];

    /// <summary>The sections of table 二's form, with the article of the regulation each reports on.</summary>
    public static readonly IReadOnlyList<(string Section, string Article)> Table2Sections =
    [
        ("规章", "第二十条第（一）项"), ("行政规范性文件", "第二十条第（一）项"), ("行政许可", "第二十条第（五）项"),
        ("行政处罚", "第二十条第（六）项"), ("行政强制", "第二十条第（六）项"), ("行政事业性收费", "第二十条第（八）项"),
    ];

    [BindProperty(SupportsGet = true, Name = "year")] public string? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "agency")] public string? Agency { get; set; }
    [BindProperty(SupportsGet = true, Name = "subordinates")] public bool Subordinates { get; set; }
    [BindProperty(SupportsGet = true, Name = "done")] public string? Done { get; set; }

    /// <summary>Table 二 as typed, by <see cref="Table2Field.Id"/>: kept as text so a bad value comes back as it was typed.</summary>
    [BindProperty(Name = "t2")] public Dictionary<string, string?> T2 { get; set; } = [];

    [BindProperty(Name = "confirm")] public bool Confirm { get; set; }
    [BindProperty(Name = "unlockReason")] public string? UnlockReason { get; set; }

    public IReadOnlyList<AgencyOutline.Entry> Agencies { get; private set; } = [];
    public int? YearNumber { get; private set; }
    public AnnualReport? Report { get; private set; }
    public string AgencyName { get; private set; } = "";
    internal IReadOnlyList<ReportExport.GridTable> Grids { get; private set; } = [];
    public IReadOnlyList<AnnualReportCharts.Chart> Charts { get; private set; } = [];
    public IReadOnlyList<LockReport.LockView> Locks { get; private set; } = [];
    public LockReport.LockView? ActiveLock => Locks.FirstOrDefault(l => l.Subordinates == Subordinates && l.UnlockedAtUtc is null);

    /// <summary>Table 二 is kept per agency and year: any active lock of the agency's report for the year freezes it.</summary>
    public bool Table2Locked => Locks.Any(l => l.UnlockedAtUtc is null);

    /// <summary>The case numbers of the cases failed checks name (at most <see cref="MaxCasesPerCheck"/> each).</summary>
    public IReadOnlyDictionary<long, string> CaseNumbers { get; private set; } = new Dictionary<long, string>();

    public const int MaxCasesPerCheck = 50;

    public FormErrors QueryErrors { get; } = new();
    public FormErrors Table2Errors { get; } = new();
    public FormErrors LockErrors { get; } = new();

    private static readonly Dictionary<string, string> QueryLabels = new() { ["year"] = "年度", ["agency"] = "机关", ["subordinates"] = "包含下级机关" };

    public (FormErrors, Func<string, string?>, Func<string, string>) QuerySummary =>
        (QueryErrors, f => QueryLabels.ContainsKey(f) ? "q-" + f : null, f => QueryLabels.GetValueOrDefault(f, f));

    public (FormErrors, Func<string, string?>, Func<string, string>) Table2Summary =>
        (Table2Errors, f => Table2Fields.Any(x => x.Id == f) ? "t2-" + f : null,
         f => Table2Fields.FirstOrDefault(x => x.Id == f) is { } x ? x.Section + x.Label : f);

    public (FormErrors, Func<string, string?>, Func<string, string>) LockSummary =>
        (LockErrors, f => f is "confirm" or "unlockReason" ? f : null, f => f == "confirm" ? "确认锁定" : f == "unlockReason" ? "解锁理由" : f);

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(keepTable2: false, ct);
    }

    public async Task<IActionResult> OnPostTable2Async(CancellationToken ct)
    {
        await LoadAsync(keepTable2: true, ct);
        if (Report is null || YearNumber is not { } year) return Page();
        var values = new Dictionary<string, decimal>();
        foreach (var f in Table2Fields)
        {
            var raw = T2.GetValueOrDefault(f.Id)?.Trim();
            if (string.IsNullOrEmpty(raw)) Table2Errors.Add(f.Id, "必填；没有的请填 0。");
            else if (!f.Decimal && int.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)) values[f.Id] = n;
            else if (f.Decimal && decimal.TryParse(raw, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d)) values[f.Id] = d;
            else Table2Errors.Add(f.Id, f.Decimal ? "请填写数字（可带小数），单位为万元。" : "请填写整数。");
        }
        int I(string id) => (int)values.GetValueOrDefault(id);
        var body = new Table2(
            new DocumentCounts(I("regulations-issued"), I("regulations-repealed"), I("regulations-inForce")),
            new DocumentCounts(I("normativeDocuments-issued"), I("normativeDocuments-repealed"), I("normativeDocuments-inForce")),
            I("licensingDecisions"), I("penaltyDecisions"), I("enforcementDecisions"), values.GetValueOrDefault("feesTenThousandYuan"));
        // The rules of table 二 (Table2.Validate, as PUT …/table2 applies them) for the fields that are numbers at all.
        foreach (var e in body.Validate())
            if (Table2Fields.FirstOrDefault(f => f.Key == e.Field) is { } f && !Table2Errors.Has(f.Id)) Table2Errors.Add(f.Id, e.Message);
        if (!Table2Errors.Any)
        {
            try
            {
                await Table2Api.Put(year, Agency, body, User, db, time, ct);
                return Redirect(SelfLink("table2") + "#table2");
            }
            catch (ValidationFailedException e)
            {
                foreach (var x in e.Errors)
                    if (Table2Fields.FirstOrDefault(f => f.Key == x.Field) is { } f) Table2Errors.Add(f.Id, x.Message);
                    else Table2Errors.General.Add(x.Message);
            }
            catch (ConflictException e)
            {
                Table2Errors.General.Add(e.Message);
            }
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostLockAsync(CancellationToken ct)
    {
        await LoadAsync(keepTable2: false, ct);
        if (Report is null || YearNumber is not { } year) return Page();
        if (!Confirm) LockErrors.Add("confirm", "锁定后本年度的统计数字不能再改变；请勾选确认后再锁定。");
        else
        {
            try
            {
                await LockReport.Lock(year, Agency, Subordinates, User, db, writes, time, ct);
                return Redirect(SelfLink("locked") + "#lock");
            }
            catch (ConflictException e)
            {
                LockErrors.General.Add(e.Message);
            }
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostUnlockAsync(CancellationToken ct)
    {
        await LoadAsync(keepTable2: false, ct);
        if (Report is null || YearNumber is not { } year) return Page();
        try
        {
            await LockReport.Unlock(year, Agency, Subordinates, new LockReport.UnlockBody(UnlockReason), User, db, time, ct);
            return Redirect(SelfLink("unlocked") + "#lock");
        }
        catch (ValidationFailedException e)
        {
            foreach (var x in e.Errors) LockErrors.Add(x.Field == "reason" ? "unlockReason" : x.Field, x.Message);
        }
        catch (NotFoundException e)
        {
            LockErrors.General.Add(e.Message);
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(bool keepTable2, CancellationToken ct)
    {
        Agencies = await AgencyOutline.ForUserAsync(User, db, ct);
        if (string.IsNullOrWhiteSpace(Agency)) Agency = Auth.AuthSetup.Agency(User);
        Agency = Agency?.Trim();
        // In January the office reports on the year just ended.
        if (string.IsNullOrWhiteSpace(Year)) Year = (ChinaTime.Today(time).Year - 1).ToString(CultureInfo.InvariantCulture);
        if (!int.TryParse(Year.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            QueryErrors.Add("year", "请填写四位数字的年份，例如 2025。");
            return;
        }
        YearNumber = year;
        try
        {
            Report = await GetAnnualReport.Handle(year, Agency, Subordinates, User, db, ct);
            Charts = await AnnualReportCharts.BuildAsync(year, Agency!, Subordinates, User, db, ct);
            Locks = await LockReport.History(year, Agency, User, db, ct);
        }
        catch (ValidationFailedException e)
        {
            QueryErrors.AddRange(e.Errors);
        }
        catch (Exception e) when (e is NotFoundException or ForbiddenException)
        {
            QueryErrors.Add("agency", e.Message);
        }
        if (Report is null) return;
        AgencyName = await ExportAnnualReport.AgencyNameAsync(db, Agency!, ct);
        // A failed check names its cases by id: show their numbers.
        var named = Report.Checks.SelectMany(c => c.CaseIds.Take(MaxCasesPerCheck)).Distinct().ToList();
        if (named.Count > 0)
            CaseNumbers = await db.Cases.AsNoTracking().Where(c => named.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.CaseNumber, ct);
        Grids = ReportExport.Layout(Report);
        if (!keepTable2)
        {
            var own = await Table2Api.Get(year, Agency, User, db, ct);
            T2 = Table2Fields.ToDictionary(f => f.Id, f => (string?)ReportExport.FormatNumber(Value(own, f.Id)));
        }
    }

    private static decimal Value(Table2 t, string id) => id switch
    {
        "regulations-issued" => t.Regulations.Issued,
        "regulations-repealed" => t.Regulations.Repealed,
        "regulations-inForce" => t.Regulations.InForce,
        "normativeDocuments-issued" => t.NormativeDocuments.Issued,
        "normativeDocuments-repealed" => t.NormativeDocuments.Repealed,
        "normativeDocuments-inForce" => t.NormativeDocuments.InForce,
        "licensingDecisions" => t.LicensingDecisions,
        "penaltyDecisions" => t.PenaltyDecisions,
        "enforcementDecisions" => t.EnforcementDecisions,
        _ => t.FeesTenThousandYuan,
    };

    private string Query(string? done = null) => QueryString.Create(new Dictionary<string, string?>
    {
        ["year"] = YearNumber?.ToString(CultureInfo.InvariantCulture), ["agency"] = Agency, ["subordinates"] = Subordinates ? "true" : "false", ["done"] = done,
    }.Where(kv => kv.Value is not null)).ToUriComponent();

    public string SelfLink(string? done = null) => "/reports/annual" + Query(done);

    public string CellLink(string row, string column) =>
        $"/reports/annual/{YearNumber?.ToString(CultureInfo.InvariantCulture)}/cells/{Uri.EscapeDataString(row)}/{Uri.EscapeDataString(column)}{Query()}";

    /// <summary>The export endpoint of the API (the same handler the API serves), e.g. …/export.xlsx?agency=…</summary>
    public string ExportLink(string extension) =>
        $"/api/reports/annual/{YearNumber?.ToString(CultureInfo.InvariantCulture)}/export.{extension}{Query()}";

    public string? DoneMessage => Done switch
    {
        "table2" => "表二已保存。",
        "locked" => "年度报告已锁定。",
        "unlocked" => "年度报告已解锁。",
        _ => null,
    };
}
