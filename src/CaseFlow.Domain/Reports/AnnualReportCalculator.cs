using System.Collections.ObjectModel;
using System.Globalization;
using CaseFlow.Domain.Cases;
using OutcomeList = CaseFlow.Domain.Outcomes.Outcomes;

namespace CaseFlow.Domain.Reports;

/// <summary>
/// Computes the annual report of year Y from case and proceeding facts, exactly as domain.md §5 attributes
/// them. Void cases (and their proceedings) count nowhere. Never throws on bad data: a concluded case with
/// an unknown or missing outcome, or inconsistent dates, shows up as a failed <see cref="Check"/> naming it.
/// </summary>
public static class AnnualReportCalculator
{
    private const int Six = 6;

    /// <param name="year">the report year Y (1 January–31 December).</param>
    /// <param name="agency">the label shown on the report (one agency, or an agency and everything below it).</param>
    /// <param name="cases">the cases to count (void ones are skipped).</param>
    /// <param name="proceedings">reviews and lawsuits; only those of non-void cases in <paramref name="cases"/> count.</param>
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
        ArgumentNullException.ThrowIfNull(agency);
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(proceedings);
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);

        var jan1 = new DateOnly(year, 1, 1);
        var dec31 = new DateOnly(year, 12, 31);
        var live = cases.Where(c => c is not null && !c.IsVoid).ToList();

        // ---- table 三 -------------------------------------------------------------------------------
        var cells = new Dictionary<string, List<long>[]>(StringComparer.Ordinal);
        foreach (var row in ReportKeys.Table3Rows)
            cells[row] = [.. Enumerable.Range(0, Six + 1).Select(_ => new List<long>())];

        void Count(string row, int column, long id)
        {
            cells[row][column].Add(id);
            cells[row][Six].Add(id); // 总计, accumulated on its own and checked against the sum of the six
        }

        var badOutcome = new List<CaseFacts>();
        var imbalance = new List<(CaseFacts Case, int Column)>(); // cases whose 一+二 ≠ 三(七)+四 contribution
        foreach (var c in live)
        {
            var column = (int)c.Column;
            var balance = 0;
            if (c.ReceivedOn.Year == year)
            {
                Count(ReportKeys.New, column, c.Id);
                balance++;
            }
            if (c.ReceivedOn < jan1 && (c.ConcludedOn is null || c.ConcludedOn >= jan1))
            {
                Count(ReportKeys.CarriedIn, column, c.Id);
                balance++;
            }
            if (c.ConcludedOn is { } concluded && concluded.Year == year)
            {
                if (OutcomeList.TryParse(c.Outcome, out var outcome))
                {
                    Count(outcome.Code, column, c.Id);
                    Count(ReportKeys.ConcludedTotal, column, c.Id);
                    balance--;
                }
                else
                {
                    badOutcome.Add(c);
                }
            }
            if (c.ReceivedOn <= dec31 && (c.ConcludedOn is null || c.ConcludedOn > dec31))
            {
                Count(ReportKeys.CarriedOut, column, c.Id);
                balance--;
            }
            if (balance != 0) imbalance.Add((c, column));
        }

        var rows = new OrderedDictionary<string, int[]>(StringComparer.Ordinal);
        var rowIds = new OrderedDictionary<string, IReadOnlyList<long>[]>(StringComparer.Ordinal);
        foreach (var row in ReportKeys.Table3Rows)
        {
            var lists = cells[row];
            foreach (var list in lists) list.Sort();
            var counts = new int[Six + 1];
            for (var i = 0; i < Six; i++) counts[i] = lists[i].Count;
            counts[Six] = counts.Take(Six).Sum();
            rows[row] = counts;
            rowIds[row] = [.. lists.Select(l => (IReadOnlyList<long>)l.AsReadOnly())];
        }
        var table3 = new Table3
        {
            Rows = new ReadOnlyDictionary<string, int[]>(rows),
            CaseIds = new ReadOnlyDictionary<string, IReadOnlyList<long>[]>(rowIds),
        };

        // ---- table 四 -------------------------------------------------------------------------------
        var liveIds = live.Select(c => c.Id).ToHashSet();
        var t4 = new Dictionary<string, Dictionary<string, List<long>>>(StringComparer.Ordinal);
        foreach (var g in ReportKeys.Table4Groups)
            t4[g] = ReportKeys.Table4Results.ToDictionary(r => r, _ => new List<long>(), StringComparer.Ordinal);
        foreach (var p in proceedings)
        {
            if (p is null || !liveIds.Contains(p.CaseId) || p.FiledOn.Year != year) continue;
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
        foreach (var c in live)
        {
            if (c.FeeNotifiedOn is { } n && n.Year == year)
            {
                notices++;
                notified += c.FeeNotifiedYuan ?? 0m;
            }
            if (c.FeePaidOn is { } paid && paid.Year == year)
                collected += c.FeePaidYuan ?? 0m;
        }

        var byChannel = new OrderedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var ch in Enum.GetValues<Channel>())
            byChannel[ch.ToString()] = live.Count(c => c.ReceivedOn.Year == year && c.Channel == ch);
        var concludedThisYear = live.Where(c => c.ConcludedOn is { } d && d.Year == year).ToList();
        var afterExtension = concludedThisYear.Count(c => c.Extended);
        var onTime = concludedThisYear.Count(c => !c.Extended && (c.ReplyDueOn is null || c.ConcludedOn <= c.ReplyDueOn));

        // ---- checks ---------------------------------------------------------------------------------
        var checks = new List<Check>();
        checks.Add(OutcomeCheck(badOutcome));
        checks.AddRange(BalanceChecks(rows, imbalance, badOutcome));
        checks.Add(TotalColumnCheck(rows, cells));
        checks.Add(ConcludedTotalCheck(rows, cells));
        checks.Add(CarryOverCheck(year, agency, live, rows, cells, lockedPreviousCarriedOut));
        checks.Add(Table4Check(table4, t4));

        return new AnnualReport
        {
            Year = year,
            Agency = agency,
            Table3 = table3,
            Table4 = new ReadOnlyDictionary<string, IReadOnlyDictionary<string, int>>(table4),
            Table4CaseIds = new ReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<long>>>(table4Ids),
            Table2 = table2 ?? Table2.Empty,
            Fees = new Fees(notices, notified, collected),
            Extras = new Extras(new ReadOnlyDictionary<string, int>(byChannel), onTime, afterExtension),
            Checks = checks.AsReadOnly(),
        };
    }

    // ---- checks -----------------------------------------------------------------------------------------

    private static Check OutcomeCheck(List<CaseFacts> bad)
    {
        const string name = "办结案件的办理结果有效";
        if (bad.Count == 0)
            return new Check(name, true, "本年办结的案件都有 21 种办理结果之一。");
        var list = string.Join("；", bad.OrderBy(c => c.Id).Select(Describe));
        return new Check(name, false, $"{bad.Count} 件本年办结的案件没有有效的办理结果，未计入表三：{list}。")
        {
            CaseIds = Ids(bad),
        };
    }

    private static IEnumerable<Check> BalanceChecks(
        OrderedDictionary<string, int[]> rows, List<(CaseFacts Case, int Column)> imbalance, List<CaseFacts> badOutcome)
    {
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
            var causes = imbalance.Where(x => col == Six || x.Column == col).Select(x => x.Case).OrderBy(x => x.Id).ToList();
            var reasons = string.Join("；", causes.Select(x => badOutcome.Contains(x) ? Describe(x) : DescribeDates(x)));
            yield return new Check(name, false,
                $"{figures}，不相等。" + (causes.Count > 0 ? $"原因案件：{reasons}。" : "未找到原因案件。"))
            {
                CaseIds = Ids(causes),
            };
        }
    }

    private static Check TotalColumnCheck(OrderedDictionary<string, int[]> rows, Dictionary<string, List<long>[]> cells)
    {
        const string name = "总计 = 六列之和";
        var wrong = new List<string>();
        var ids = new List<long>();
        foreach (var (row, counts) in rows)
        {
            var counted = cells[row][Six];
            if (counted.Count == counts[Six]) continue;
            wrong.Add($"{row}：总计 {counted.Count}，六列之和 {counts[Six]}");
            ids.AddRange(counted);
        }
        return wrong.Count == 0
            ? new Check(name, true, "表三每一行的总计都等于六列之和。")
            : new Check(name, false, "总计与六列之和不一致：" + string.Join("；", wrong) + "。") { CaseIds = Distinct(ids) };
    }

    private static Check ConcludedTotalCheck(OrderedDictionary<string, int[]> rows, Dictionary<string, List<long>[]> cells)
    {
        const string name = "三(七) = 各办理结果之和";
        var outcomeRows = OutcomeList.All.Select(o => o.Code).ToList();
        var wrong = new List<string>();
        var ids = new List<long>();
        for (var col = 0; col <= Six; col++)
        {
            var sum = outcomeRows.Sum(r => rows[r][col]);
            var total = rows[ReportKeys.ConcludedTotal][col];
            var union = outcomeRows.SelectMany(r => cells[r][col]).ToHashSet();
            if (sum == total && union.Count == total) continue;
            wrong.Add($"{ReportKeys.Table3ColumnLabels[col]}：(七) {total}，各办理结果之和 {sum}");
            ids.AddRange(union.Except(cells[ReportKeys.ConcludedTotal][col]));
        }
        return wrong.Count == 0
            ? new Check(name, true, "每一列的（七）总计都等于各办理结果之和。")
            : new Check(name, false, "（七）总计与各办理结果之和不一致：" + string.Join("；", wrong) + "。") { CaseIds = Distinct(ids) };
    }

    private static Check CarryOverCheck(
        int year, string agency, List<CaseFacts> live, OrderedDictionary<string, int[]> rows,
        Dictionary<string, List<long>[]> cells, IReadOnlyDictionary<string, int[]>? locked)
    {
        var name = $"二 = {year - 1} 年四（上年结转）";
        var carriedIn = rows[ReportKeys.CarriedIn];
        var lastDec31 = new DateOnly(year - 1, 12, 31);

        bool IsOpenAtLastYearEnd(CaseFacts c) =>
            c.ReceivedOn <= lastDec31 && (c.ConcludedOn is null || c.ConcludedOn > lastDec31);

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
            if (recomputed.Any(c => c.ReceivedOn <= lastDec31))
            {
                foreach (var c in recomputed.Where(IsOpenAtLastYearEnd))
                {
                    previous[(int)c.Column]++;
                    previous[Six]++;
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
        var causes = new List<long>();
        var columnsToList = mismatched.Contains(Six) && mismatched.Count == 1 ? [Six] : mismatched.Where(i => i < Six).ToList();
        foreach (var c in live)
        {
            var inCarriedIn = c.ReceivedOn < new DateOnly(year, 1, 1) && (c.ConcludedOn is null || c.ConcludedOn >= new DateOnly(year, 1, 1));
            var fromLocked = whole is not null || lockedAgencies.Contains(c.Agency);
            var relevant = columnsToList.Contains(Six) || columnsToList.Contains((int)c.Column);
            if (!relevant) continue;
            if (fromLocked ? inCarriedIn : inCarriedIn != IsOpenAtLastYearEnd(c)) causes.Add(c.Id);
        }
        causes.Sort();
        var causeText = causes.Count > 0
            ? $"请核对本年二中的案件：{string.Join("、", live.Where(c => causes.Contains(c.Id)).OrderBy(c => c.Id).Select(c => c.CaseNumber))}。"
            : "";
        return new Check(name, false,
            $"本年二与上年四（{source}）不一致的列：{string.Join("、", mismatched.Select(i => ReportKeys.Table3ColumnLabels[i]))}（本年二/上年四：{figures}）。{causeText}")
        {
            CaseIds = causes.AsReadOnly(),
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

    // ---- helpers ----------------------------------------------------------------------------------------

    private static string Describe(CaseFacts c) =>
        $"{c.CaseNumber}（办结于 {Date(c.ConcludedOn)}，办理结果{(string.IsNullOrWhiteSpace(c.Outcome) ? "为空" : $"“{c.Outcome}”无法识别")}）";

    private static string DescribeDates(CaseFacts c) =>
        $"{c.CaseNumber}（收到 {Date(c.ReceivedOn)}，办结 {(c.ConcludedOn is null ? "未办结" : Date(c.ConcludedOn))}，日期不一致）";

    private static string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    private static IReadOnlyList<long> Ids(IEnumerable<CaseFacts> cases) => [.. cases.Select(c => c.Id).Distinct().Order()];

    private static IReadOnlyList<long> Distinct(IEnumerable<long> ids) => [.. ids.Distinct().Order()];
}
