using System.Security.Claims;
using CaseFlow.Data;
using CaseFlow.Data.Cases;
using CaseFlow.Domain;
using CaseFlow.Domain.Imports;
using CaseFlow.Web.Features.Calendar;
using CaseFlow.Web.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Web.Features.Imports;

/// <summary>POST /api/import/proceedings?agency=CODE — reviews and lawsuits of the agency's cases, all or
/// nothing. History: a 纠正 result does not reopen the case.</summary>
public static class ImportProceedings
{
    public sealed record Result(string Agency, int Imported);

    public static async Task<IResult> Handle(string? agency, HttpRequest request, ClaimsPrincipal user, CaseFlowDbContext db,
        CalendarProvider calendars, CaseSteps steps, TimeProvider time, CancellationToken ct)
    {
        var code = await ImportAccess.AgencyAsync(agency, user, db, ct);
        var table = await UploadedTable.ReadAsync(request, ct);
        return TypedResults.Ok(await RunAsync(db, calendars, steps, code, table, user.Identity!.Name!, time.GetUtcNow().UtcDateTime, ct));
    }

    public static async Task<Result> RunAsync(CaseFlowDbContext db, CalendarProvider calendars, CaseSteps steps, string agency,
        IReadOnlyList<IReadOnlyList<string>> table, string actor, DateTime nowUtc, CancellationToken ct)
    {
        var parsed = ProceedingsImport.Parse(table, today: ChinaTime.DateOf(new DateTimeOffset(nowUtc, TimeSpan.Zero)));
        ImportAccess.ThrowIfErrors(parsed.Errors);

        var numbers = parsed.Rows.Select(r => r.CaseNo).Distinct().ToList();
        var cases = await db.Cases.Where(c => c.AgencyCode == agency && numbers.Contains(c.CaseNumber)).ToDictionaryAsync(c => c.CaseNumber, ct);
        var errors = new List<ImportError>();
        foreach (var r in parsed.Rows)
        {
            if (!cases.TryGetValue(r.CaseNo, out var c))
                errors.Add(new ImportError(r.Line, "case_no", $"机关“{agency}”没有编号为“{r.CaseNo}”的案件。"));
            else if (c.IsVoid)
                errors.Add(new ImportError(r.Line, "case_no", $"案件“{r.CaseNo}”已作废。"));
            else if (c.Details.Proceedings.Any(p => p.Kind == r.Kind && p.FiledOn == r.FiledOn))
                errors.Add(new ImportError(r.Line, "filed_on", $"案件“{r.CaseNo}”已有同日提起的同类程序，不能重复导入。"));
        }
        ImportAccess.ThrowIfErrors(errors);

        var calendar = await calendars.GetAsync(agency, ct);
        foreach (var r in parsed.Rows)
        {
            var c = cases[r.CaseNo];
            var change = steps.Begin(c);
            var p = c.ImportProceeding(r.Kind, r.FiledOn, r.Result, r.DecidedOn, calendar);
            steps.Record(change, actor, JournalActions.ImportProceeding, new { imported = true, line = r.Line, proceedingId = p.Id }, nowUtc);
        }
        foreach (var c in cases.Values) await CaseStepWriter.SyncProceedingsAsync(db, c, ct);
        await steps.CommitAsync(ct); // all or nothing; refused when a proceeding would change a locked report
        return new Result(agency, parsed.Rows.Count);
    }
}
