using System.Collections.ObjectModel;
using System.Globalization;
using CaseFlow.Domain.Cases;
using OutcomeList = CaseFlow.Domain.Outcomes.Outcomes;

namespace CaseFlow.Domain.Reports;

/// <summary>
/// Computes the annual report of year Y from case and proceeding facts, exactly as domain.md §5 attributes
/// them. Void cases (and their proceedings) count nowhere. Never throws on bad data: a concluded case with
/// an unknown or missing outcome, or inconsistent dates, shows up as a failed <see cref="Check"/> naming it. A stored
/// value that maps to no name (an applicant column, a channel, a proceeding's kind or result: undefined enum values)
/// is trusted nowhere: a case with an unknown column counts in no cell of table 三, an unknown channel in no channel,
/// a proceeding with an unknown kind or result in no group of table 四, and the check "存储的值可识别" fails naming
/// the cases.
/// </summary>
public static class AnnualReportCalculator
{
    private const int Six = 6;

    /// <param name="year">the report year Y (1 January–31 December).</param>
    /// <param name="agency">the label shown on the report (one agency, or an agency and everything below it).</param>
    /// <param name="cases">the cases to count (void ones are skipped).</param>
    /// <param name="proceedings">reviews and lawsuits; only those of non-void cases in <paramref name="cases"/> count, and those without a case.</param>
    /// <param name="table2">table 二 as typed in; null → <see cref="Table2.Empty"/>.</param>
    /// <param name="lockedPreviousCarriedOut">
    /// Row 四 (7 numbers: six columns, total) of locked reports of Y−1, for the check "二 = 上年四". Keys:
    /// the <paramref name="agency"/> label (or "CarriedOut", so a locked report's <c>table3.rows</c> can be passed as is):
    /// that row is last year's 四 for this whole report; otherwise each key is a <see cref="CaseFacts.Agency"/>
    /// whose locked row replaces the figures recomputed from the facts of that agency's cases.
    /// Null → last year's 四 is recomputed from the same facts, and compared only when last year has data.
    /// </param>
    public static AnnualReport Compute(
        int year,
        string agency,
        IReadOnlyCollection<CaseFacts> cases,
        IReadOnlyCollection<ProceedingFacts> proceedings,
        Table2? table2,
        IReadOnlyDictionary<string, int[]>? lockedPreviousCarriedOut = null)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(proceedings);
        CheckYear(year);
        var live = cases.Where(c => c is not null && !c.IsVoid).ToList();
        var liveIds = live.Select(c => c.Id).ToHashSet();
        var facts = live.Select(c => Fact.Of(c, year)).ToList();
        var fees = live.Select(c => new FeeFacts(c.FeeNotifiedOn, c.FeeNotifiedYuan, c.FeePaidOn, c.FeePaidYuan));
        return Compute(year, agency, facts, withIds: true, fees, proceedings.Where(p => p is not null && (p.WithoutCase || liveIds.Contains(p.CaseId))),
            table2, lockedPreviousCarriedOut);
    }

    /// <summary>
    /// The same report from an aggregate query: the figures are those <see cref="Compute(int, string, IReadOnlyCollection{CaseFacts}, IReadOnlyCollection{ProceedingFacts}, Table2?, IReadOnlyDictionary{string, int[]}?)"/>
    /// gives for the cases behind the tallies, but no cell lists its cases and a failed check cannot name them:
    /// when a check fails (rare), compute from the cases instead.
    /// </summary>
    /// <param name="tallies">the non-void cases to count, grouped by what the report tells apart.</param>
    /// <param name="fees">the fee dates and amounts of those cases (only the ones with a fee date in the year matter).</param>
    /// <param name="proceedings">reviews and lawsuits of those cases (no filtering: the caller selects them).</param>
    public static AnnualReport Compute(
        int year,
        string agency,
        IReadOnlyCollection<CaseTally> tallies,
        IReadOnlyCollection<FeeFacts> fees,
        IReadOnlyCollection<ProceedingFacts> proceedings,
        Table2? table2,
        IReadOnlyDictionary<string, int[]>? lockedPreviousCarriedOut = null)
    {
        ArgumentNullException.ThrowIfNull(tallies);
        ArgumentNullException.ThrowIfNull(fees);
        ArgumentNullException.ThrowIfNull(proceedings);
        CheckYear(year);
        var facts = tallies.Where(t => t is not null && t.Count > 0).Select(Fact.Of).ToList();
        return Compute(year, agency, facts, withIds: false, fees.Where(f => f is not null), proceedings.Where(p => p is not null),
            table2, lockedPreviousCarriedOut);
    }

    private static void CheckYear(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
    }

    /// <summary>Where a case's dates fall relative to year Y: all the attribution rules look at.</summary>
    public static ReportPeriod PeriodOf(DateOnly date, int year) =>
        date.Year < year ? ReportPeriod.Before : date.Year == year ? ReportPeriod.During : ReportPeriod.After;

    /// <summary>One case, or a tally of cases that the report counts alike (<see cref="Case"/> null).</summary>
    private sealed record Fact(
        CaseFacts? Case, string Agency, ApplicantColumn Column, ReportPeriod Received, ReportPeriod? Concluded,
        string? Outcome, Channel? Channel, bool Extended, bool RepliedByDue, int Count)
    {
        public static Fact Of(CaseFacts c, int year) => new(
            c, c.Agency, c.Column, PeriodOf(c.ReceivedOn, year), c.ConcludedOn is { } d ? PeriodOf(d, year) : null,
            c.Outcome, c.Channel, c.Extended, c.ReplyDueOn is null || c.ConcludedOn <= c.ReplyDueOn, 1);

        public static Fact Of(CaseTally t) => new(
            null, t.Agency, t.Column, t.Received, t.Concluded, t.Outcome, t.Channel, t.Extended, t.RepliedByDue, t.Count);

        public bool ReceivedBy31December => Received != ReportPeriod.After;
        public bool OpenOn1January => Received == ReportPeriod.Before && Concluded is null or not ReportPeriod.Before;
        public bool OpenOn31December => ReceivedBy31December && Concluded is null or ReportPeriod.After;
    }

    /// <summary>One table-三 cell: the number of cases and, when computed from cases, their ids.</summary>
    private sealed class Cell
    {
        public int Count;
        public readonly List<long> Ids = [];
    }

    private static AnnualReport Compute(
        int year, string agency, List<Fact> all, bool withIds, IEnumerable<FeeFacts> fees, IEnumerable<ProceedingFacts> proceedings,
        Table2? table2, IReadOnlyDictionary<string, int[]>? lockedPreviousCarriedOut)
    {
        ArgumentNullException.ThrowIfNull(agency);
        var dec31 = new DateOnly(year, 12, 31);

        // Values no name maps to: set aside, counted nowhere, named by a failed check.
        var unknownColumn = all.Where(c => !Enum.IsDefined(c.Column)).ToList();
        var live = all.Where(c => Enum.IsDefined(c.Column)).ToList();
        var unknownChannel = live.Where(c => c.Received == ReportPeriod.During && c.Channel is { } ch && !Enum.IsDefined(ch)).ToList();
        var proceedingList = proceedings.ToList();
        var unknownProceedings = proceedingList.Where(p => p.FiledOn.Year == year && !KnownProceeding(p)).ToList();

        // ---- table 三 -------------------------------------------------------------------------------
        var cells = new Dictionary<string, Cell[]>(StringComparer.Ordinal);
        foreach (var row in ReportKeys.Table3Rows)
            cells[row] = [.. Enumerable.Range(0, Six + 1).Select(_ => new Cell())];

        void Count(string row, int column, Fact f)
        {
            foreach (var cell in new[] { cells[row][column], cells[row][Six] }) // 总计, accumulated on its own and checked against the sum of the six
            {
                cell.Count += f.Count;
                if (f.Case is not null) cell.Ids.Add(f.Case.Id);
            }
        }

        var badOutcome = new List<Fact>();
        var imbalance = new List<(Fact Case, int Column)>(); // cases whose 一+二 ≠ 三(七)+四 contribution
        foreach (var c in live)
        {
            var column = (int)c.Column;
            var balance = 0;
            if (c.Received == ReportPeriod.During)
            {
                Count(ReportKeys.New, column, c);
                balance++;
            }
            if (c.OpenOn1January)
            {
                Count(ReportKeys.CarriedIn, column, c);
                balance++;
            }
            if (c.Concluded == ReportPeriod.During)
            {
                if (OutcomeList.TryParse(c.Outcome, out var outcome))
                {
                    Count(outcome.Code, column, c);
                    Count(ReportKeys.ConcludedTotal, column, c);
                    balance--;
                }
                else
                {
                    badOutcome.Add(c);
                }
            }
            if (c.OpenOn31December)
            {
                Count(ReportKeys.CarriedOut, column, c);
                balance--;
            }
            if (balance != 0) imbalance.Add((c, column));
        }

        var rows = new OrderedDictionary<string, int[]>(StringComparer.Ordinal);
        var rowIds = new OrderedDictionary<string, IReadOnlyList<long>[]>(StringComparer.Ordinal);
        foreach (var row in ReportKeys.Table3Rows)
        {
            var row3 = cells[row];
            foreach (var cell in row3) cell.Ids.Sort();
            var counts = new int[Six + 1];
            for (var i = 0; i < Six; i++) counts[i] = row3[i].Count;
            counts[Six] = counts.Take(Six).Sum();
            rows[row] = counts;
            if (withIds) rowIds[row] = [.. row3.Select(cell => (IReadOnlyList<long>)cell.Ids.AsReadOnly())];
        }
        var table3 = new Table3
        {
            Rows = new ReadOnlyDictionary<string, int[]>(rows),
            CaseIds = new ReadOnlyDictionary<string, IReadOnlyList<long>[]>(rowIds),
        };

        // ---- table 四 -------------------------------------------------------------------------------
        var t4 = new Dictionary<string, Dictionary<string, List<long>>>(StringComparer.Ordinal);
        foreach (var g in ReportKeys.Table4Groups)
            t4[g] = ReportKeys.Table4Results.ToDictionary(r => r, _ => new List<long>(), StringComparer.Ordinal);
        foreach (var p in proceedingList)
        {
            if (p.FiledOn.Year != year || !KnownProceeding(p)) continue;
            var group = p.Kind switch
            {
                ProceedingKind.Review => ReportKeys.Review,
                ProceedingKind.Lawsuit => ReportKeys.LawsuitDirect,
                _ => ReportKeys.LawsuitAfterReview,
            };
            var result = p.Result is { } r && p.DecidedOn is { } decided && decided <= dec31 ? r.ToString() : ReportKeys.Pending;
            t4[group][result].Add(p.CaseId);
            t4[group][ReportKeys.Total].Add(p.CaseId);
        }
        var table4 = new OrderedDictionary<string, IReadOnlyDictionary<string, int>>(StringComparer.Ordinal);
        var table4Ids = new OrderedDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<long>>>(StringComparer.Ordinal);
        foreach (var g in ReportKeys.Table4Groups)
        {
            var counts = new OrderedDictionary<string, int>(StringComparer.Ordinal);
            var ids = new OrderedDictionary<string, IReadOnlyList<long>>(StringComparer.Ordinal);
            foreach (var r in ReportKeys.Table4Results)
            {
                var list = t4[g][r];
                list.Sort();
                ids[r] = list.AsReadOnly();
                counts[r] = r == ReportKeys.Total
                    ? ReportKeys.Table4Results.Where(x => x != ReportKeys.Total).Sum(x => t4[g][x].Count)
                    : list.Count;
            }
            table4[g] = new ReadOnlyDictionary<string, int>(counts);
            table4Ids[g] = new ReadOnlyDictionary<string, IReadOnlyList<long>>(ids);
        }

        // ---- fees and extras ------------------------------------------------------------------------
        var notices = 0;
        decimal notified = 0m, collected = 0m;
        foreach (var f in fees)
        {
            if (f.NotifiedOn is { } n && n.Year == year)
            {
                notices++;
                notified += f.NotifiedYuan ?? 0m;
            }
            if (f.PaidOn is { } paid && paid.Year == year)
                collected += f.PaidYuan ?? 0m;
        }

        var extras = ReportKeys.ExtrasKeys.ToDictionary(k => k, _ => new Cell(), StringComparer.Ordinal);
        void CountExtra(string key, Fact f)
        {
            extras[key].Count += f.Count;
            if (f.Case is not null) extras[key].Ids.Add(f.Case.Id);
        }
        foreach (var c in live.Where(c => c.Received == ReportPeriod.During && c.Channel is { } ch && Enum.IsDefined(ch)))
            CountExtra(c.Channel!.Value.ToString(), c);
        // The three conclusion classes partition exactly the cases of 三(七) — the first conclusion with a valid
        // outcome — so they add up to it. "Late" wins over "extended": an extension that was still overrun is late.
        foreach (var c in live.Where(c => c.Concluded == ReportPeriod.During && OutcomeList.TryParse(c.Outcome, out _)))
            CountExtra(!c.RepliedByDue ? ReportKeys.ConcludedLate : c.Extended ? ReportKeys.ConcludedAfterExtension : ReportKeys.ConcludedOnTime, c);
        var byChannel = new OrderedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var ch in Enum.GetValues<Channel>())
            byChannel[ch.ToString()] = extras[ch.ToString()].Count;
        var extrasIds = new OrderedDictionary<string, IReadOnlyList<long>>(StringComparer.Ordinal);
        foreach (var key in ReportKeys.ExtrasKeys)
        {
            extras[key].Ids.Sort();
            if (withIds) extrasIds[key] = extras[key].Ids.AsReadOnly();
        }

        // ---- checks ---------------------------------------------------------------------------------
        var checks = new List<Check>();
        checks.Add(OutcomeCheck(badOutcome));
        checks.Add(StoredValuesCheck(unknownColumn, unknownChannel, unknownProceedings));
        checks.AddRange(BalanceChecks(rows, imbalance, badOutcome));
        checks.Add(TotalColumnCheck(rows, cells));
        checks.Add(ConcludedTotalCheck(rows, cells, withIds));
        checks.Add(CarryOverCheck(year, agency, live, rows, lockedPreviousCarriedOut));
        checks.Add(Table4Check(table4, t4));
        checks.Add(ConclusionClassesCheck(rows, extras));

        return new AnnualReport
        {
            Year = year,
            Agency = agency,
            Table3 = table3,
            Table4 = new ReadOnlyDictionary<string, IReadOnlyDictionary<string, int>>(table4),
            Table4CaseIds = new ReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<long>>>(table4Ids),
            Table2 = table2 ?? Table2.Empty,
            Fees = new Fees(notices, notified, collected),
            Extras = new Extras(new ReadOnlyDictionary<string, int>(byChannel), extras[ReportKeys.ConcludedOnTime].Count,
                extras[ReportKeys.ConcludedAfterExtension].Count, extras[ReportKeys.ConcludedLate].Count),
            ExtrasCaseIds = new ReadOnlyDictionary<string, IReadOnlyList<long>>(extrasIds),
            Checks = checks.AsReadOnly(),
        };
    }

        // ---- checks -----------------------------------------------------------------------------------------

    // From tallies a failed check knows how many cases cause it, not which: it says so, and the caller that
    // wants the names computes from the cases.
    private const string Unnamed = "（按汇总数据计算，未列出案件）";

    private static Check OutcomeCheck(List<Fact> bad)
    {
        const string name = "办结案件的办理结果有效";
        if (bad.Count == 0)
            return new Check(name, true, "本年办结的案件都有 21 种办理结果之一。");
        var named = Cases(bad);
        var list = named.Count > 0 ? string.Join("；", named.Select(Describe)) : Unnamed;
        return new Check(name, false, $"{bad.Sum(f => f.Count)} 件本年办结的案件没有有效的办理结果，未计入表三：{list}。")
        {
            CaseIds = Ids(named),
        };
    }

    private static bool KnownProceeding(ProceedingFacts p) =>
        Enum.IsDefined(p.Kind) && (p.Result is not { } r || Enum.IsDefined(r));

    private static Check StoredValuesCheck(List<Fact> unknownColumn, List<Fact> unknownChannel, List<ProceedingFacts> unknownProceedings)
    {
        const string name = "存储的值可识别";
        if (unknownColumn.Count + unknownChannel.Count + unknownProceedings.Count == 0)
            return new Check(name, true, "案件的申请人类型、本年收到案件的收件渠道、本年复议诉讼的类别和结果都可识别。");
        var parts = new List<string>();
        void Part(List<Fact> facts, string what)
        {
            if (facts.Count == 0) return;
            var named = Cases(facts);
            parts.Add($"{facts.Sum(f => f.Count)} 件案件的{what}：{(named.Count > 0 ? string.Join("、", named.Select(c => c.CaseNumber)) : Unnamed)}");
        }
        Part(unknownColumn, "申请人类型无法识别，未计入表三");
        Part(unknownChannel, "收件渠道无法识别，未计入按渠道统计");
        if (unknownProceedings.Count > 0)
            parts.Add($"{unknownProceedings.Count} 件复议或诉讼的类别或结果无法识别，未计入表四：{string.Join("、", unknownProceedings.Select(p => p.CaseNumber).Distinct())}");
        var ids = Cases(unknownColumn.Concat(unknownChannel)).Select(c => c.Id).Concat(unknownProceedings.Select(p => p.CaseId));
        return new Check(name, false, $"数据库中存有无法识别的值，请更正这些案件：{string.Join("；", parts)}。") { CaseIds = Distinct(ids) };
    }

    private static IEnumerable<Check> BalanceChecks(
        OrderedDictionary<string, int[]> rows, List<(Fact Case, int Column)> imbalance, List<Fact> badOutcome)
    {
        var badCases = Cases(badOutcome);
        for (var col = 0; col <= Six; col++)
        {
            var label = ReportKeys.Table3ColumnLabels[col];
            var name = $"一+二=三(七)+四（{label}）";
            int a = rows[ReportKeys.New][col], b = rows[ReportKeys.CarriedIn][col];
            int c = rows[ReportKeys.ConcludedTotal][col], d = rows[ReportKeys.CarriedOut][col];
            var figures = $"{label}：一 {a} + 二 {b} = {a + b}，三(七) {c} + 四 {d} = {c + d}";
            if (a + b == c + d)
            {
                yield return new Check(name, true, figures + "。");
                continue;
            }
            var facts = imbalance.Where(x => col == Six || x.Column == col).Select(x => x.Case).ToList();
            var causes = Cases(facts);
            var reasons = string.Join("；", causes.Select(x => badCases.Contains(x) ? Describe(x) : DescribeDates(x)));
            yield return new Check(name, false,
                $"{figures}，不相等。" + (causes.Count > 0 ? $"原因案件：{reasons}。" : facts.Count > 0 ? $"原因案件{Unnamed}。" : "未找到原因案件。"))
            {
                CaseIds = Ids(causes),
            };
        }
    }

    private static Check TotalColumnCheck(OrderedDictionary<string, int[]> rows, Dictionary<string, Cell[]> cells)
    {
        const string name = "总计 = 六列之和";
        var wrong = new List<string>();
        var ids = new List<long>();
        foreach (var (row, counts) in rows)
        {
            var counted = cells[row][Six];
            if (counted.Count == counts[Six]) continue;
            wrong.Add($"{row}：总计 {counted.Count}，六列之和 {counts[Six]}");
            ids.AddRange(counted.Ids);
        }
        return wrong.Count == 0
            ? new Check(name, true, "表三每一行的总计都等于六列之和。")
            : new Check(name, false, "总计与六列之和不一致：" + string.Join("；", wrong) + "。") { CaseIds = Distinct(ids) };
    }

    private static Check ConcludedTotalCheck(OrderedDictionary<string, int[]> rows, Dictionary<string, Cell[]> cells, bool withIds)
    {
        const string name = "三(七) = 各办理结果之和";
        var outcomeRows = OutcomeList.All.Select(o => o.Code).ToList();
        var wrong = new List<string>();
        var ids = new List<long>();
        for (var col = 0; col <= Six; col++)
        {
            var sum = outcomeRows.Sum(r => rows[r][col]);
            var total = rows[ReportKeys.ConcludedTotal][col];
            // with ids, also prove that no case is counted under two outcomes
            var union = outcomeRows.SelectMany(r => cells[r][col].Ids).ToHashSet();
            if (sum == total && (!withIds || union.Count == total)) continue;
            wrong.Add($"{ReportKeys.Table3ColumnLabels[col]}：(七) {total}，各办理结果之和 {sum}");
            ids.AddRange(union.Except(cells[ReportKeys.ConcludedTotal][col].Ids));
        }
        return wrong.Count == 0
            ? new Check(name, true, "每一列的（七）总计都等于各办理结果之和。")
            : new Check(name, false, "（七）总计与各办理结果之和不一致：" + string.Join("；", wrong) + "。") { CaseIds = Distinct(ids) };
    }

    private static Check CarryOverCheck(
        int year, string agency, List<Fact> live, OrderedDictionary<string, int[]> rows, IReadOnlyDictionary<string, int[]>? locked)
    {
        var name = $"二 = {year - 1} 年四（上年结转）";
        var carriedIn = rows[ReportKeys.CarriedIn];

        // Open on 31 December Y−1 (last year's 四): received before Y and not concluded before Y.
        static bool IsOpenAtLastYearEnd(Fact c) =>
            c.Received == ReportPeriod.Before && c.Concluded is null or not ReportPeriod.Before;

        // last year's 四, column by column, and where each part comes from
        var previous = new int[Six + 1];
        var sources = new List<string>();
        var badLocked = new List<string>();
        int[]? whole = null;
        string? wholeKey = null;
        if (locked is not null)
        {
            if (locked.TryGetValue(agency, out var a)) (whole, wholeKey) = (a, agency);
            else if (locked.TryGetValue(ReportKeys.CarriedOut, out var r)) (whole, wholeKey) = (r, ReportKeys.CarriedOut);
        }

        var lockedAgencies = new HashSet<string>(StringComparer.Ordinal);
        if (whole is not null)
        {
            if (whole.Length != Six + 1) badLocked.Add(wholeKey!);
            else Array.Copy(whole, previous, Six + 1);
            sources.Add("锁定的上年报告");
        }
        else
        {
            if (locked is not null)
            {
                foreach (var (key, row) in locked)
                {
                    lockedAgencies.Add(key);
                    if (row is null || row.Length != Six + 1) { badLocked.Add(key); continue; }
                    for (var i = 0; i <= Six; i++) previous[i] += row[i];
                }
                if (locked.Count > 0) sources.Add($"锁定的上年报告（{string.Join("、", locked.Keys)}）");
            }
            var recomputed = live.Where(c => !lockedAgencies.Contains(c.Agency)).ToList();
            if (recomputed.Any(c => c.Received == ReportPeriod.Before))
            {
                foreach (var c in recomputed.Where(IsOpenAtLastYearEnd))
                {
                    previous[(int)c.Column] += c.Count;
                    previous[Six] += c.Count;
                }
                sources.Add("按案件数据重算的上年四");
            }
        }

        if (badLocked.Count > 0)
            return new Check(name, false,
                $"锁定的上年报告（{string.Join("、", badLocked)}）的“四、结转下年度继续办理”不是 7 个数（六列和总计），无法比较。");
        if (sources.Count == 0)
            return new Check(name, true, $"{year - 1} 年没有案件数据，也没有锁定的上年报告，不比较。");

        var mismatched = Enumerable.Range(0, Six + 1).Where(i => previous[i] != carriedIn[i]).ToList();
        var figures = string.Join("，", Enumerable.Range(0, Six + 1)
            .Select(i => $"{ReportKeys.Table3ColumnLabels[i]} {carriedIn[i]}/{previous[i]}"));
        var source = string.Join(" + ", sources);
        if (mismatched.Count == 0)
            return new Check(name, true, $"本年二与上年四（{source}）逐列相等（本年二/上年四）：{figures}。");

        // The cases to look at: in the recomputed part, those in exactly one of (本年二, 上年四) — none when the
        // facts are consistent; in a locked part, this year's 二 of that part in the columns that differ.
        var causes = new List<CaseFacts>();
        var unnamed = false;
        var columnsToList = mismatched.Contains(Six) && mismatched.Count == 1 ? [Six] : mismatched.Where(i => i < Six).ToList();
        foreach (var c in live)
        {
            var inCarriedIn = c.OpenOn1January;
            var fromLocked = whole is not null || lockedAgencies.Contains(c.Agency);
            var relevant = columnsToList.Contains(Six) || columnsToList.Contains((int)c.Column);
            if (!relevant) continue;
            if (!(fromLocked ? inCarriedIn : inCarriedIn != IsOpenAtLastYearEnd(c))) continue;
            if (c.Case is null) unnamed = true;
            else causes.Add(c.Case);
        }
        causes = [.. causes.OrderBy(c => c.Id)];
        var causeText = causes.Count > 0
            ? $"请核对本年二中的案件：{string.Join("、", causes.Select(c => c.CaseNumber))}。"
            : unnamed ? $"请核对本年二中的案件{Unnamed}。" : "";
        return new Check(name, false,
            $"本年二与上年四（{source}）不一致的列：{string.Join("、", mismatched.Select(i => ReportKeys.Table3ColumnLabels[i]))}（本年二/上年四：{figures}）。{causeText}")
        {
            CaseIds = [.. causes.Select(c => c.Id)],
        };
    }

    private static Check Table4Check(
        OrderedDictionary<string, IReadOnlyDictionary<string, int>> table4, Dictionary<string, Dictionary<string, List<long>>> lists)
    {
        const string name = "表四各组总计 = 四项之和";
        var wrong = new List<string>();
        var ids = new List<long>();
        foreach (var (group, counts) in table4)
        {
            var counted = lists[group][ReportKeys.Total];
            var sum = counts[nameof(ProceedingResult.Upheld)] + counts[nameof(ProceedingResult.Corrected)]
                + counts[nameof(ProceedingResult.Other)] + counts[ReportKeys.Pending];
            if (sum == counts[ReportKeys.Total] && counted.Count == sum) continue;
            wrong.Add($"{ReportKeys.Table4GroupLabel(group)}：总计 {counted.Count}，四项之和 {sum}");
            ids.AddRange(counted);
        }
        return wrong.Count == 0
            ? new Check(name, true, "行政复议、直接起诉、复议后起诉三组的总计都等于结果维持、结果纠正、其他结果、尚未审结之和。")
            : new Check(name, false, "表四总计不一致：" + string.Join("；", wrong) + "。") { CaseIds = Distinct(ids) };
    }

    /// <summary>按时 + 延期 + 逾期 = 三(七) 总计: the older indicators classify every case of (七) once.</summary>
    private static Check ConclusionClassesCheck(OrderedDictionary<string, int[]> rows, Dictionary<string, Cell> extras)
    {
        const string name = "按时办结 + 延期办结 + 逾期办结 = 三(七)";
        int onTime = extras[ReportKeys.ConcludedOnTime].Count, extended = extras[ReportKeys.ConcludedAfterExtension].Count,
            late = extras[ReportKeys.ConcludedLate].Count, total = rows[ReportKeys.ConcludedTotal][Six];
        var figures = $"按时办结 {onTime} + 延期办结 {extended} + 逾期办结 {late} = {onTime + extended + late}，三(七)总计 {total}";
        if (onTime + extended + late == total) return new Check(name, true, figures + "。");
        // Cannot happen while the classes and (七) read the same facts: this check guards that they keep doing so.
        return new Check(name, false, figures + "，不相等。");
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private static string Describe(CaseFacts c) =>
        $"{c.CaseNumber}（办结于 {Date(c.ConcludedOn)}，办理结果{(string.IsNullOrWhiteSpace(c.Outcome) ? "为空" : $"“{c.Outcome}”无法识别")}）";

    private static string DescribeDates(CaseFacts c) =>
        $"{c.CaseNumber}（收到 {Date(c.ReceivedOn)}，办结 {(c.ConcludedOn is null ? "未办结" : Date(c.ConcludedOn))}，日期不一致）";

    private static string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    private static IReadOnlyList<long> Ids(IEnumerable<CaseFacts> cases) => [.. cases.Select(c => c.Id).Distinct().Order()];

    /// <summary>The cases behind facts, by id (none for tallies).</summary>
    private static List<CaseFacts> Cases(IEnumerable<Fact> facts) => [.. facts.Where(f => f.Case is not null).Select(f => f.Case!).OrderBy(c => c.Id)];

    private static IReadOnlyList<long> Distinct(IEnumerable<long> ids) => [.. ids.Distinct().Order()];
}
