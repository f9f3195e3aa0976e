using System.Globalization;
using System.Text.RegularExpressions;
using CaseFlow.Data;
using CaseFlow.Domain.Imports;
using CaseFlow.Domain.Reports;
using CaseFlow.Web.Errors;
using CaseFlow.Web.Features.Agencies;
using CaseFlow.Web.Features.Calendar;
using CaseFlow.Web.Features.Cases;
using CaseFlow.Web.Features.Cases.Pages;
using CaseFlow.Web.Features.Imports;
using CaseFlow.Workflows.Definitions;
using CaseFlow.Workflows.Engine;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseFlow.Web.Features.Reports.Pages;

/// <summary>/reports/import — the ledger upload of POST /api/import/ledger (<see cref="ImportLedger.RunAsync"/>, the same
/// all-or-nothing rules): every bad row and field listed by line. wwwroot/js/import.js shows the upload's progress
/// and then that the server is checking and importing; without it the form posts and the page shows the result.</summary>
[Authorize(Roles = Roles.Office)]
public sealed partial class ReportImportModel(CaseFlowDbContext db, WorkflowEngine engine, CalendarProvider calendars, CaseSteps steps, TimeProvider time) : PageModel
{
    /// <summary>One refused line of the file (<see cref="Line"/> 0: the file as a whole).</summary>
    public sealed record RowError(int Line, string Column, string Message);

    public static readonly IReadOnlyDictionary<string, string> ColumnLabels = new Dictionary<string, string>
    {
        ["case_no"] = "案件编号", ["applicant_kind"] = "申请人类型", ["applicant_name"] = "申请人", ["channel"] = "收到渠道",
        ["received_on"] = "收到日期", ["summary"] = "申请内容", ["outcome"] = "办理结果", ["concluded_on"] = "办结日期",
        ["extended"] = "是否延期", ["fee_notified_yuan"] = "通知收费金额（元）", ["fee_paid_yuan"] = "实收金额（元）",
        ["header"] = "表头", ["row"] = "整行", ["csv"] = "CSV 格式",
    };

    [BindProperty(SupportsGet = true, Name = "agency")] public string? Agency { get; set; }
    [BindProperty(Name = "file")] public IFormFile? Upload { get; set; }

    public IReadOnlyList<AgencyOutline.Entry> Agencies { get; private set; } = [];
    public FormErrors Errors { get; } = new();
    public IReadOnlyList<RowError> RowErrors { get; private set; } = [];
    public ImportLedger.Result? Result { get; private set; }
    public string? FileName { get; private set; }
    public int? DataRows { get; private set; }

    public (FormErrors, Func<string, string?>, Func<string, string>) Summary =>
        (Errors, f => f is "agency" or "file" ? f : null, f => f switch { "agency" => "导入到机关", "file" => "台账文件", _ => f });

    public async Task OnGetAsync(CancellationToken ct)
    {
        Agencies = await AgencyOutline.ForUserAsync(User, db, ct);
        if (string.IsNullOrWhiteSpace(Agency)) Agency = Auth.AuthSetup.Agency(User);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await OnGetAsync(ct);
        FileName = Upload?.FileName;
        try
        {
            var code = await ImportAccess.AgencyAsync(Agency, User, db, ct);
            if (Upload is null || Upload.Length == 0) throw new ValidationFailedException("file", "请选择要导入的台账文件（.csv 或 .xlsx）。");
            if (Upload.FileName.Any(char.IsControl)) throw new ValidationFailedException("file", "文件名含有控制字符，请改名后重新上传。");
            IReadOnlyList<IReadOnlyList<string>> table;
            await using (var stream = Upload.OpenReadStream())
                table = await UploadedTable.ReadFileAsync(stream, Upload.FileName, ct);
            DataRows = table.Skip(1).Count(r => r.Any(c => !string.IsNullOrWhiteSpace(c)));
            Result = await ImportLedger.RunAsync(db, engine, calendars, steps, code, table, User.Identity!.Name!, time.GetUtcNow().UtcDateTime, ct);
            return Page();
        }
        catch (ValidationFailedException e)
        {
            var rows = new List<RowError>();
            foreach (var x in e.Errors)
            {
                if (RowKey().Match(x.Field) is { Success: true } m)
                    rows.Add(new(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m.Groups[2].Value, x.Message));
                else if (CsvLine().Match(x.Field) is { Success: true } l)
                    rows.Add(new(int.Parse(l.Groups[1].Value, CultureInfo.InvariantCulture), "csv", x.Message));
                else Errors.Add(x.Field is "agency" ? "agency" : "file", x.Message);
            }
            RowErrors = [.. rows.OrderBy(r => r.Line)];
        }
        catch (ForbiddenException e)
        {
            Errors.Add("agency", e.Message);
        }
        catch (ReportLockedException e)
        {
            Errors.General.Add(e.Message + "（全部未导入）");
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public static string ColumnLabel(string column) =>
        ColumnLabels.TryGetValue(column, out var l) ? column is "header" or "row" or "csv" ? l : $"{column}（{l}）" : column;

    public static string HeaderLine => string.Join(",", LedgerImport.Header);

    [GeneratedRegex(@"^rows\[(\d+)\]\.(.+)$")]
    private static partial Regex RowKey();

    [GeneratedRegex(@"^line (\d+)$")]
    private static partial Regex CsvLine();
}
