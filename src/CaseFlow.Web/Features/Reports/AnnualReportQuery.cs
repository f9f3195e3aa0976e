using CaseFlow.Web.Hosting;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CaseFlow.Data;
using CaseFlow.Domain.Reports;
using CaseFlow.Web.Errors;
using CaseFlow.Web.Features.Agencies;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Web.Features.Reports;

/// <summary>Loads the facts one annual report counts (the cases open at some point in the year or the year
/// before, and the proceedings filed then) and hands them to the pure calculator in CaseFlow.Domain.</summary>
public static class AnnualReportQuery
{
    /// <summary>The agencies a report covers, after checking the caller may see them.</summary>
    public static async Task<HashSet<string>> ScopeAsync(string? agency, bool subordinates, ClaimsPrincipal? user, CaseFlowDbContext db, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(agency)) throw new ValidationFailedException("agency", "必填：机关代码。");
        var parents = await AgencyTree.ParentsAsync(db, ct);
        if (!parents.ContainsKey(agency)) throw new NotFoundException($"机关“{agency}”不存在。");
        if (user is not null)
        {
            var visible = await AgencyTree.VisibleToAsync(user, db, ct);
            if (visible is not null && !visible.Contains(agency)) throw new ForbiddenException($"无权查看机关“{agency}”的年度报告。");
        }
        return subordinates ? AgencyTree.Subtree(parents, agency) : [agency];
    }

    public static async Task<AnnualReport> ComputeAsync(CaseFlowDbContext db, int year, string agency, bool subordinates, HashSet<string> codes, CancellationToken ct)
    {
        var input = new Input();
        input.YearInRange(year, "year");
        input.ThrowIfInvalid();
        var from = new DateOnly(year - 1, 1, 1);
        var to = new DateOnly(year, 12, 31);

        var proceedings = await db.CaseProceedings.AsNoTracking()
            .Where(p => codes.Contains(p.AgencyCode) && p.FiledOn >= from && p.FiledOn <= to)
            .Join(db.Cases, p => p.CaseId, c => c.Id, (p, c) => new ProceedingFacts(p.CaseId, c.CaseNumber, p.Kind, p.FiledOn, p.Result, p.DecidedOn))
            .ToListAsync(ct);
        var withProceedings = proceedings.Select(p => p.CaseId).Distinct().ToList();

        var cases = await db.Cases.AsNoTracking()
            .Where(c => codes.Contains(c.AgencyCode) && !c.IsVoid &&
                        ((c.ReceivedOn <= to && (c.ConcludedOn == null || c.ConcludedOn >= from)) || withProceedings.Contains(c.Id)))
            .Select(c => new CaseFacts(c.Id, c.CaseNumber, c.AgencyCode, c.ApplicantColumn, c.Channel, c.ReceivedOn, c.ConcludedOn, c.Outcome,
                c.IsVoid, c.ExtensionDays > 0, c.ReplyDueOn, c.FeeNotifiedOn, c.FeeNotifiedYuan, c.FeePaidOn, c.FeePaidYuan))
            .ToListAsync(ct);

        var table2 = await Table2Api.SumAsync(db, codes, year, ct);
        var lastYearLock = await db.ReportLocks.AsNoTracking()
            .Where(l => l.AgencyCode == agency && l.Year == year - 1 && l.Subordinates == subordinates && l.UnlockedAtUtc == null)
            .Select(l => l.FiguresJson).FirstOrDefaultAsync(ct);
        var lockedCarriedOut = lastYearLock is null ? null : new Dictionary<string, int[]>
        {
            [ReportKeys.CarriedOut] = JsonSerializer.Deserialize<LockedFigures>(lastYearLock, JsonDefaults.Options)!.Table3[ReportKeys.CarriedOut],
        };
        return AnnualReportCalculator.Compute(year, agency, cases, proceedings, table2, lockedCarriedOut);
    }

    /// <summary>What a lock protects: every computed figure (not the typed-in table 二, not the checks).</summary>
    public sealed record LockedFigures(IReadOnlyDictionary<string, int[]> Table3, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Table4, Fees Fees);

    public static LockedFigures Figures(AnnualReport r) => new(r.Table3.Rows, r.Table4, r.Fees);

    public static string Hash(LockedFigures f) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(f, JsonDefaults.Options)))).ToLowerInvariant();
}
