using System.Security.Claims;
using CaseFlow.Data;
using CaseFlow.Domain;
using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Imports;
using CaseFlow.Web.Errors;
using CaseFlow.Web.Features.Agencies;
using CaseFlow.Web.Features.Calendar;
using CaseFlow.Web.Features.Cases;
using CaseFlow.Web.Features.Workflows;
using CaseFlow.Workflows.Engine;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Web.Features.Imports;

/// <summary>POST /api/import/ledger?agency=CODE — historical cases from an office's ledger, all or nothing.
/// Imported cases are history: journaled as imported, no timers, no e-mail, no workflow effects.</summary>
public static class ImportLedger
{
    public sealed record Result(string Agency, int Imported, int Open, int Concluded);

    public static async Task<IResult> Handle(string? agency, HttpRequest request, ClaimsPrincipal user, CaseFlowDbContext db,
        WorkflowEngine engine, CalendarProvider calendars, CaseSteps steps, TimeProvider time, CancellationToken ct)
    {
        var code = await ImportAccess.AgencyAsync(agency, user, db, ct);
        var table = await UploadedTable.ReadAsync(request, ct);
        return TypedResults.Ok(await RunAsync(db, engine, calendars, steps, code, table, user.Identity!.Name!, time.GetUtcNow().UtcDateTime, ct));
    }

    public static async Task<Result> RunAsync(CaseFlowDbContext db, WorkflowEngine engine, CalendarProvider calendars, CaseSteps steps, string agency,
        IReadOnlyList<IReadOnlyList<string>> table, string actor, DateTime nowUtc, CancellationToken ct)
    {
        var parsed = LedgerImport.Parse(table, today: ChinaTime.DateOf(new DateTimeOffset(nowUtc, TimeSpan.Zero)));
        ImportAccess.ThrowIfErrors(parsed.Errors);

        var numbers = parsed.Rows.Select(r => r.CaseNo).ToList();
        var existing = await db.Cases.Where(c => c.AgencyCode == agency && numbers.Contains(c.CaseNumber)).Select(c => c.CaseNumber).ToListAsync(ct);
        if (existing.Count > 0)
            ImportAccess.ThrowIfErrors([.. parsed.Rows.Where(r => existing.Contains(r.CaseNo))
                .Select(r => new ImportError(r.Line, "case_no", $"案件编号“{r.CaseNo}”已导入过，不能重复导入。"))]);

        var def = engine.Catalog.Latest(WorkflowsSetup.DisclosureRequest);
        var calendar = await calendars.GetAsync(agency, ct);
        var cases = new List<DisclosureRequest>();
        foreach (var r in parsed.Rows)
        {
            var state = r.ConcludedOn is null ? "handling" : "concluded";
            var c = DisclosureRequest.Import(
                new DisclosureRequest.LedgerEntry(r.CaseNo, r.Column, r.ApplicantName, r.Channel, r.ReceivedOn, r.Summary, r.Outcome, r.ConcludedOn, r.Extended, r.FeeNotifiedYuan, r.FeePaidYuan),
                agency, def.DefinitionId, def.Version, state, actor, nowUtc, calendar);
            db.Cases.Add(c);
            steps.Record(steps.Begin(c), actor, JournalActions.ImportLedger, new { imported = true, line = r.Line }, nowUtc);
            cases.Add(c);
        }
        await steps.CommitAsync(ct); // all or nothing; refused when a new case would count in a locked report
        return new Result(agency, cases.Count, cases.Count(c => c.ConcludedOn is null), cases.Count(c => c.ConcludedOn is not null));
    }
}

/// <summary>What both imports share: who may import where, and the all-or-nothing error answer.</summary>
public static class ImportAccess
{
    public static async Task<string> AgencyAsync(string? agency, ClaimsPrincipal user, CaseFlowDbContext db, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(agency)) throw new ValidationFailedException("agency", "必填：导入到哪个机关（机关代码）。");
        if (!await db.Agencies.AnyAsync(a => a.Code == agency, ct)) throw new ValidationFailedException("agency", $"机关“{agency}”不存在。");
        var visible = await AgencyTree.VisibleToAsync(user, db, ct);
        if (visible is not null && !visible.Contains(agency)) throw new ForbiddenException($"无权向机关“{agency}”导入。");
        return agency;
    }

    /// <summary>Every bad row and field in one 400, keyed <c>rows[LINE].column</c>; nothing is imported.</summary>
    public static void ThrowIfErrors(IReadOnlyList<ImportError> errors)
    {
        if (errors.Count == 0) return;
        throw new ValidationFailedException([.. errors.Select(e => new FieldError(e.Row > 0 ? $"rows[{e.Row}].{e.Field}" : e.Field, e.Message))]);
    }
}
