using CaseFlow.Web.Hosting;
using System.Security.Claims;
using System.Text.Json;
using CaseFlow.Data;
using CaseFlow.Data.Reports;
using CaseFlow.Domain.Reports;
using CaseFlow.Web.Errors;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Web.Features.Reports;

/// <summary>POST /api/reports/annual/{year}/lock and /unlock (the office). A locked report's figures are stored with
/// their hash; unlocking needs a reason. Both are kept as history.</summary>
public static class LockReport
{
    public sealed record UnlockBody(string? Reason);

    public sealed record LockView(string Agency, int Year, bool Subordinates, string Hash, string LockedBy, DateTime LockedAtUtc,
        string? UnlockedBy, DateTime? UnlockedAtUtc, string? UnlockReason);

    public static async Task<IResult> Lock(int year, string? agency, bool? subordinates, ClaimsPrincipal user, CaseFlowDbContext db, WriteGate writes,
        TimeProvider time, CancellationToken ct)
    {
        var sub = subordinates == true;
        var codes = await AnnualReportQuery.ScopeAsync(agency, sub, user, db, ct);
        // The figures stored are the figures at commit: no case changes between computing and writing the lock (and a
        // second lock of the same report, sent at the same moment, waits and is refused below).
        AnnualReport report;
        using (await writes.EnterAsync(ct))
        await using (var tx = await ReportLockGuard.BeginLockingAsync(db, ct))
        {
            if (await db.ReportLocks.AnyAsync(l => l.AgencyCode == agency && l.Year == year && l.Subordinates == sub && l.UnlockedAtUtc == null, ct))
                throw new ConflictException($"{agency} {year} 年度报告已锁定。");
            report = await AnnualReportQuery.ComputeFromTalliesAsync(db, year, agency!, sub, codes, ct);
            if (report.AllChecksPassed)
            {
                var figures = AnnualReportQuery.Figures(report);
                var row = new ReportLock
                {
                    AgencyCode = agency!, Year = year, Subordinates = sub, FiguresJson = JsonSerializer.Serialize(figures, JsonDefaults.Options),
                    Hash = AnnualReportQuery.Hash(figures), LockedBy = user.Identity!.Name!, LockedAtUtc = time.GetUtcNow().UtcDateTime,
                };
                db.ReportLocks.Add(row);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return TypedResults.Ok(View(row));
            }
        }
        // A failed check names its cases, which means loading them all: done after the transaction, so that writes are
        // not held up meanwhile (should the checks pass by then, the first computation's are reported).
        var named = await AnnualReportQuery.ComputeWithCasesAsync(db, year, agency!, sub, codes, ct);
        var failed = (named.AllChecksPassed ? report : named).Checks.Where(c => !c.Passed);
        throw new ConflictException("报告未通过校验，不能锁定：" + string.Join("；", failed.Select(c => $"{c.Name}（{c.Detail}）")));
    }

    public static async Task<IResult> Unlock(int year, string? agency, bool? subordinates, UnlockBody? body, ClaimsPrincipal user, CaseFlowDbContext db, TimeProvider time, CancellationToken ct)
    {
        var sub = subordinates == true;
        await AnnualReportQuery.ScopeAsync(agency, sub, user, db, ct);
        if (string.IsNullOrWhiteSpace(body?.Reason)) throw new ValidationFailedException("reason", "解锁须说明理由。");
        var row = await db.ReportLocks.FirstOrDefaultAsync(l => l.AgencyCode == agency && l.Year == year && l.Subordinates == sub && l.UnlockedAtUtc == null, ct)
            ?? throw new NotFoundException($"{agency} {year} 年度报告未锁定。");
        row.UnlockedBy = user.Identity!.Name!;
        row.UnlockedAtUtc = time.GetUtcNow().UtcDateTime;
        row.UnlockReason = body.Reason.Trim();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(View(row));
    }

    public static async Task<IReadOnlyList<LockView>> History(int year, string? agency, ClaimsPrincipal user, CaseFlowDbContext db, CancellationToken ct)
    {
        await AnnualReportQuery.ScopeAsync(agency, false, user, db, ct);
        var rows = await db.ReportLocks.AsNoTracking().Where(l => l.AgencyCode == agency && l.Year == year).OrderBy(l => l.Id).ToListAsync(ct);
        return [.. rows.Select(View)];
    }

    private static LockView View(ReportLock l) => new(l.AgencyCode, l.Year, l.Subordinates, l.Hash, l.LockedBy, l.LockedAtUtc, l.UnlockedBy, l.UnlockedAtUtc, l.UnlockReason);
}
