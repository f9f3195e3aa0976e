using CaseFlow.Web.Features.Imports;
using CaseFlow.Web.Hosting;
using CaseFlow.Workflows.Definitions;

namespace CaseFlow.Web.Features.Reports;

public static class ReportsApi
{
    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/api/reports/annual/{year:int}").WithTags("Reports 年度报告")
            .RequireAuthorization(p => p.RequireRole(Roles.Office, Roles.Admin, Roles.Head))
            // agency is required and must exist and be visible to the caller
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        reports.MapGet("/", GetAnnualReport.Handle).WithName("getAnnualReport").WithSummary("年度报告表二、表三、表四、收费与校验（由案件计算）")
            .WithDescription("extras：其他统计指标。" + Domain.Reports.Extras.ConventionText);
        reports.MapGet("/export.xlsx", ExportAnnualReport.Xlsx).WithName("exportAnnualReportXlsx")
            .Produces<Stream>(StatusCodes.Status200OK, ReportExport.XlsxContentType).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("导出表二、表三、表四、六（收费）及其他统计指标（Excel，国办公开办函〔2021〕30号格式）");
        reports.MapGet("/export.docx", ExportAnnualReport.Docx).WithName("exportAnnualReportDocx")
            .Produces<Stream>(StatusCodes.Status200OK, ReportExport.DocxContentType).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("导出表二、表三、表四、六（收费）及其他统计指标（Word，国办公开办函〔2021〕30号格式）");
        reports.MapGet("/cells/{row}/{column}", GetAnnualReport.CellHandle).WithName("getAnnualReportCell").WithSummary("某一格统计了哪些案件")
            .WithDescription("row/column：表三的行和列，表四的组和结果，或 Extras 与其他统计指标（ConcludedOnTime 按时办结、ConcludedAfterExtension 延期办结、ConcludedLate 逾期办结、各收件渠道）。" + Domain.Reports.Extras.ConventionText);
        reports.MapGet("/table2", Table2Api.Get).WithName("getTable2").WithSummary("表二（手工填报）");
        reports.MapPut("/table2", Table2Api.Put).WithName("putTable2").ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(p => p.RequireRole(Roles.Office, Roles.Admin)).WithSummary("填报表二");
        reports.MapPost("/lock", LockReport.Lock).WithName("lockAnnualReport").Produces<LockReport.LockView>().ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(p => p.RequireRole(Roles.Office)).WithSummary("锁定年度报告（保存数字及其哈希）");
        reports.MapPost("/unlock", LockReport.Unlock).WithName("unlockAnnualReport").Produces<LockReport.LockView>()
            .RequireAuthorization(p => p.RequireRole(Roles.Office)).WithSummary("说明理由解锁");
        reports.MapGet("/locks", LockReport.History).WithName("listAnnualReportLocks").WithSummary("锁定与解锁记录");

        var imports = app.MapGroup("/api/import").WithTags("Import 台账导入").RequireAuthorization(p => p.RequireRole(Roles.Office, Roles.Admin))
            // a locked annual report that the rows would change refuses them (409)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        imports.MapPost("/ledger", ImportLedger.Handle).WithName("importLedger").DocumentsTableUpload().Produces<ImportLedger.Result>().DisableAntiforgery()
            .WithSummary("导入台账（CSV 正文，或上传 .csv/.xlsx 文件）：全部成功或全部不导入");
        imports.MapPost("/proceedings", ImportProceedings.Handle).WithName("importProceedings").DocumentsTableUpload().Produces<ImportProceedings.Result>().DisableAntiforgery()
            .WithSummary("导入行政复议、行政诉讼台账");
        return app;
    }
}
