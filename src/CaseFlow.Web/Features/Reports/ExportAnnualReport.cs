using System.Security.Claims;
using CaseFlow.Data;
using CaseFlow.Domain.Reports;
using CaseFlow.Web.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace CaseFlow.Web.Features.Reports;

/// <summary>GET /api/reports/annual/{year}/export.xlsx and export.docx (same parameters as the JSON report): tables
/// 二, 三 and 四 in the national template's layout. A report that fails its checks is not exported (409), as it
/// cannot be locked either: the figures must be fixed first.</summary>
public static class ExportAnnualReport
{
    public static Task<IResult> Xlsx(int year, string? agency, bool? subordinates, ClaimsPrincipal user, CaseFlowDbContext db, HttpContext http, CancellationToken ct) =>
        ExportAsync(year, agency, subordinates, user, db, http, "xlsx", ReportExport.XlsxContentType, ReportExport.Xlsx, ct);

    public static Task<IResult> Docx(int year, string? agency, bool? subordinates, ClaimsPrincipal user, CaseFlowDbContext db, HttpContext http, CancellationToken ct) =>
        ExportAsync(year, agency, subordinates, user, db, http, "docx", ReportExport.DocxContentType, ReportExport.Docx, ct);

    private static async Task<IResult> ExportAsync(int year, string? agency, bool? subordinates, ClaimsPrincipal user, CaseFlowDbContext db,
        HttpContext http, string extension, string contentType, Func<AnnualReport, string, byte[]> render, CancellationToken ct)
    {
        var report = await GetAnnualReport.Handle(year, agency, subordinates, user, db, ct);
        if (!report.AllChecksPassed)
            throw new ConflictException("报告未通过校验，不能导出：" + string.Join("；", report.Checks.Where(c => !c.Passed).Select(c => $"{c.Name}（{c.Detail}）")));
        var name = await AgencyNameAsync(db, agency!, ct);
        var disposition = new ContentDispositionHeaderValue("attachment")
        {
            FileName = FileName(agency!, year, subordinates == true, extension),
            FileNameStar = ReportExport.ChineseFileName(report, name, extension),
        };
        http.Response.Headers.ContentDisposition = disposition.ToString();
        return TypedResults.File(render(report, name), contentType);
    }

    public static async Task<string> AgencyNameAsync(CaseFlowDbContext db, string agency, CancellationToken ct) =>
        await db.Agencies.AsNoTracking().Where(a => a.Code == agency).Select(a => a.Name).FirstOrDefaultAsync(ct) is { Length: > 0 } name ? name : agency;

    /// <summary>"furong-2023-annual-report.xlsx" ("…-annual-report-with-subordinates.xlsx" for a report with subordinates);
    /// characters that are not ASCII letters, digits, '-' or '_' become '_'.</summary>
    public static string FileName(string agency, int year, bool subordinates, string extension)
    {
        var code = string.Concat(agency.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
        return $"{code}-{year}-annual-report{(subordinates ? "-with-subordinates" : "")}.{extension}";
    }
}
