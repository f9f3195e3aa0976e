using CaseFlow.Web.Hosting;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CaseFlow.Data;
using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Reports;
using CaseFlow.Web.Errors;
using CaseFlow.Web.Features.Agencies;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Web.Features.Reports;

/// <summary>Loads the facts one annual report counts (the cases open at some point in the year or the year
/// before, and the proceedings filed then) and hands them to the pure calculator in CaseFlow.Domain: as tallies
/// from a GROUP BY for the report, case by case for the drill-down and when a check fails.</summary>
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
        var (report, proceedings, table2, lockedCarriedOut) = await ComputeTalliedAsync(db, year, agency, subordinates, codes, ct);
        // A failed check must name its cases, which tallies cannot: rare, so only then load the cases themselves.
        return report.AllChecksPassed
            ? report
            : await ComputeFromCasesAsync(db, year, agency, codes, proceedings, table2, lockedCarriedOut, ct);
    }

    /// <summary>The fast path alone (tallies from GROUP BY), even when a check fails: what <see cref="ComputeAsync"/>
    /// returns when all checks pass. Public so a test can prove it equals <see cref="ComputeWithCasesAsync"/>.</summary>
    public static async Task<AnnualReport> ComputeFromTalliesAsync(CaseFlowDbContext db, int year, string agency, bool subordinates, HashSet<string> codes, CancellationToken ct) =>
        (await ComputeTalliedAsync(db, year, agency, subordinates, codes, ct)).Report;

    private static async Task<(AnnualReport Report, List<ProceedingFacts> Proceedings, Table2 Table2, IReadOnlyDictionary<string, int[]>? LockedCarriedOut)> ComputeTalliedAsync(
        CaseFlowDbContext db, int year, string agency, bool subordinates, HashSet<string> codes, CancellationToken ct)
    {
        var input = new Input();
        input.YearInRange(year, "year");
        input.ThrowIfInvalid();
        var (from, to) = Window(year);
        await using var snapshot = await BeginSnapshotAsync(db, ct);
        var proceedings = await ProceedingsAsync(db, year, codes, ct);
        var withProceedings = proceedings.Select(p => p.CaseId).Distinct().ToList();

        // The cases counted: open at some point in the year or the year before (so the check "二 = 上年四" knows
        // whether last year has data), and those with a proceeding filed then. Aggregated in SQL in three parts
        // whose sums add up, so each part is one range of IX_Cases_Report (an OR with IS NULL would not be).
        var inScope = db.Cases.AsNoTracking().Where(c => codes.Contains(c.AgencyCode) && !c.IsVoid);
        var open = inScope.Where(c => c.ConcludedOn == null && c.ReceivedOn <= to);
        var concluded = inScope.Where(c => c.ConcludedOn >= from && c.ReceivedOn <= to);
        var others = inScope.Where(c => withProceedings.Contains(c.Id) && !(c.ReceivedOn <= to && (c.ConcludedOn == null || c.ConcludedOn >= from)));
        var tallies = new List<CaseTally>();
        foreach (var part in withProceedings.Count > 0 ? new[] { open, concluded, others } : [open, concluded])
            tallies.AddRange(await TallyAsync(part, year, ct));

        // Fee dates are rare: select by them alone so their own indexes are used (with the other conditions in SQL
        // SQLite plans through the case window and reads the rows), then keep the cases counted above.
        var (jan1, dec31) = (new DateOnly(year, 1, 1), to);
        var feeCases = await db.Cases.AsNoTracking()
            .Where(c => (c.FeeNotifiedOn >= jan1 && c.FeeNotifiedOn <= dec31) || (c.FeePaidOn >= jan1 && c.FeePaidOn <= dec31))
            .Select(c => new { c.Id, c.AgencyCode, c.IsVoid, c.ReceivedOn, c.ConcludedOn, Fee = new FeeFacts(c.FeeNotifiedOn, c.FeeNotifiedYuan, c.FeePaidOn, c.FeePaidYuan) })
            .ToListAsync(ct);
        var fees = feeCases
            .Where(c => codes.Contains(c.AgencyCode) && !c.IsVoid &&
                        ((c.ReceivedOn <= to && (c.ConcludedOn == null || c.ConcludedOn >= from)) || withProceedings.Contains(c.Id)))
            .Select(c => c.Fee)
            .ToList();

        var table2 = await Table2Api.SumAsync(db, codes, year, ct);
        var lockedCarriedOut = await LockedCarriedOutAsync(db, year, agency, subordinates, ct);
        return (AnnualReportCalculator.Compute(year, agency, tallies, fees, proceedings, table2, lockedCarriedOut), proceedings, table2, lockedCarriedOut);
    }

    /// <summary>On PostgreSQL the report's queries read one snapshot (a read-only REPEATABLE READ transaction), so a case
    /// concluded while they run is counted in exactly one of its parts, as SQLite's single writer already ensures (inside
    /// a caller's transaction, locking a report, no change commits meanwhile: <see cref="ReportLockGuard"/>). The
    /// tallies may also aggregate by hash: the planner cannot estimate how few groups the CASE keys make (a few hundred;
    /// it guesses one per row), so with the default work_mem it sorted a quarter of a million rows instead, and it
    /// compiled the query (JIT) on every request. Null on SQLite and inside a caller's transaction.</summary>
    private static async Task<IAsyncDisposable?> BeginSnapshotAsync(CaseFlowDbContext db, CancellationToken ct)
    {
        if (DatabaseProviders.ProviderOf(db.Database) != DatabaseProvider.Postgres) return null;
        const string settings = "SET LOCAL work_mem = '64MB'; SET LOCAL jit = off";
        if (db.Database.CurrentTransaction is not null)
        {
            await db.Database.ExecuteSqlRawAsync(settings, ct);
            return null;
        }
        var tx = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        await db.Database.ExecuteSqlRawAsync("SET TRANSACTION READ ONLY; " + settings, ct);
        return tx;
    }

    /// <summary>The report computed case by case: every cell lists its cases (for the drill-down), and a failed
    /// check names them. Same figures as <see cref="ComputeAsync"/>.</summary>
    public static async Task<AnnualReport> ComputeWithCasesAsync(CaseFlowDbContext db, int year, string agency, bool subordinates, HashSet<string> codes, CancellationToken ct)
    {
        var input = new Input();
        input.YearInRange(year, "year");
        input.ThrowIfInvalid();
        var proceedings = await ProceedingsAsync(db, year, codes, ct);
        var table2 = await Table2Api.SumAsync(db, codes, year, ct);
        var locked = await LockedCarriedOutAsync(db, year, agency, subordinates, ct);
        return await ComputeFromCasesAsync(db, year, agency, codes, proceedings, table2, locked, ct);
    }

    private static async Task<AnnualReport> ComputeFromCasesAsync(
        CaseFlowDbContext db, int year, string agency, HashSet<string> codes, List<ProceedingFacts> proceedings, Table2 table2,
        IReadOnlyDictionary<string, int[]>? lockedCarriedOut, CancellationToken ct)
    {
        var (from, to) = Window(year);
        var withProceedings = proceedings.Select(p => p.CaseId).Distinct().ToList();
        var cases = await db.Cases.AsNoTracking()
            .Where(c => codes.Contains(c.AgencyCode) && !c.IsVoid &&
                        ((c.ReceivedOn <= to && (c.ConcludedOn == null || c.ConcludedOn >= from)) || withProceedings.Contains(c.Id)))
            .Select(c => new CaseFacts(c.Id, c.CaseNumber, c.AgencyCode, c.ApplicantColumn, c.Channel, c.ReceivedOn, c.ConcludedOn, c.Outcome,
                c.IsVoid, c.ExtensionDays > 0, c.ReplyDueOn, c.FeeNotifiedOn, c.FeeNotifiedYuan, c.FeePaidOn, c.FeePaidYuan))
            .ToListAsync(ct);
        return AnnualReportCalculator.Compute(year, agency, cases, proceedings, table2, lockedCarriedOut);
    }

    /// <summary>The report reads cases open at some point from 1 January Y−1 to 31 December Y.</summary>
    private static (DateOnly From, DateOnly To) Window(int year) => (new DateOnly(year - 1, 1, 1), new DateOnly(year, 12, 31));

    /// <summary>Proceedings filed in Y−1 or Y of live cases in scope (the calculator counts those of Y).</summary>
    private static async Task<List<ProceedingFacts>> ProceedingsAsync(CaseFlowDbContext db, int year, HashSet<string> codes, CancellationToken ct)
    {
        var (from, to) = Window(year);
        var ofCases = await db.CaseProceedings.AsNoTracking()
            .Where(p => codes.Contains(p.AgencyCode) && p.FiledOn >= from && p.FiledOn <= to)
            .Join(db.Cases.Where(c => codes.Contains(c.AgencyCode) && !c.IsVoid), p => p.CaseId, c => c.Id,
                (p, c) => new ProceedingFacts(p.CaseId, c.CaseNumber, p.Kind, p.FiledOn, p.Result, p.DecidedOn, false))
            .ToListAsync(ct);
        // Proceedings without a case belong to their agency and count in table 四 all the same (domain.md §2.9).
        var withoutCase = await db.AgencyProceedings.AsNoTracking()
            .Where(p => codes.Contains(p.AgencyCode) && p.FiledOn >= from && p.FiledOn <= to)
            .Select(p => new { p.Id, p.Kind, p.FiledOn, p.Result, p.DecidedOn })
            .ToListAsync(ct);
        ofCases.AddRange(withoutCase.Select(p => new ProceedingFacts(-p.Id, Proceedings.AgencyProceedingsApi.Label(p.Id), p.Kind, p.FiledOn, p.Result, p.DecidedOn, true)));
        return ofCases;
    }

    private static async Task<IReadOnlyDictionary<string, int[]>?> LockedCarriedOutAsync(CaseFlowDbContext db, int year, string agency, bool subordinates, CancellationToken ct)
    {
        var lastYearLock = await db.ReportLocks.AsNoTracking()
            .Where(l => l.AgencyCode == agency && l.Year == year - 1 && l.Subordinates == subordinates && l.UnlockedAtUtc == null)
            .Select(l => l.FiguresJson).FirstOrDefaultAsync(ct);
        return lastYearLock is null ? null : new Dictionary<string, int[]>
        {
            [ReportKeys.CarriedOut] = JsonSerializer.Deserialize<LockedFigures>(lastYearLock, JsonDefaults.Options)!.Table3[ReportKeys.CarriedOut],
        };
    }

    /// <summary>One GROUP BY: the cases of a part, by what the calculator tells apart (dates only by the side of
    /// 1 January and 31 December Y they fall on; outcome, extension and deadline only when concluded in Y;
    /// channel only when received in Y). A few hundred rows.</summary>
    private static async Task<List<CaseTally>> TallyAsync(IQueryable<DisclosureRequest> cases, int year, CancellationToken ct)
    {
        var (jan1, dec31) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var rows = await cases
            .GroupBy(c => new
            {
                c.AgencyCode,
                c.ApplicantColumn,
                Received = c.ReceivedOn < jan1 ? ReportPeriod.Before : c.ReceivedOn <= dec31 ? ReportPeriod.During : ReportPeriod.After,
                Concluded = c.ConcludedOn == null ? (ReportPeriod?)null
                    : c.ConcludedOn < jan1 ? ReportPeriod.Before : c.ConcludedOn <= dec31 ? ReportPeriod.During : ReportPeriod.After,
                Outcome = c.ConcludedOn >= jan1 && c.ConcludedOn <= dec31 ? c.Outcome : null,
                Channel = c.ReceivedOn >= jan1 && c.ReceivedOn <= dec31 ? c.Channel : (Channel?)null,
                Extended = c.ConcludedOn >= jan1 && c.ConcludedOn <= dec31 && c.ExtensionDays > 0,
                RepliedByDue = c.ConcludedOn >= jan1 && c.ConcludedOn <= dec31 && (c.ReplyDueOn == null || c.ConcludedOn <= c.ReplyDueOn),
            })
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(ct);
        return [.. rows.Select(r => new CaseTally(r.Key.AgencyCode, r.Key.ApplicantColumn, r.Key.Received, r.Key.Concluded, r.Key.Outcome,
            r.Key.Channel, r.Key.Extended, r.Key.RepliedByDue, r.Count))];
    }

    /// <summary>What a lock protects: every computed figure of the official tables and section 六 (not the typed-in
    /// table 二, not the checks, not the older indicators of <see cref="Extras"/>: those were added later, outside the
    /// hash, so a report locked before they existed still verifies).</summary>
    public sealed record LockedFigures(IReadOnlyDictionary<string, int[]> Table3, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Table4, Fees Fees);

    public static LockedFigures Figures(AnnualReport r) => new(r.Table3.Rows, r.Table4, r.Fees);

    public static string Hash(LockedFigures f) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(f, JsonDefaults.Options)))).ToLowerInvariant();
}
