using System.Globalization;

namespace CaseFlow.Domain.Fees;

public enum FeeMethod
{
    /// <summary>按件：by number of applications of one applicant in one natural month at one agency.</summary>
    PerApplication,

    /// <summary>按量：by number of pages.</summary>
    PerPage,
}

/// <summary>One band of a fee schedule as applied to a quantity: items <see cref="From"/>–<see cref="To"/>
/// (inclusive, 1-based), <see cref="Count"/> of them at <see cref="UnitYuan"/> each.</summary>
public sealed record FeeBand(int From, int To, int Count, decimal UnitYuan, decimal AmountYuan, string Description);

/// <summary>A computed fee: the total and its breakdown by band (free bands included with amount 0).</summary>
public sealed record FeeQuote(FeeMethod Method, int Quantity, decimal TotalYuan, IReadOnlyList<FeeBand> Breakdown);

/// <summary>
/// 信息处理费 (条例第四十二条, 国办函〔2020〕109号), domain.md §2 item 4. Pure.
/// <list type="bullet">
/// <item>按件: same applicant, one natural month, same agency: 1st–10th free; 11th–30th 100 yuan each;
/// from the 31st each further band of 10 adds 100 yuan per application (31st–40th 200, 41st–50th 300, …).</item>
/// <item>按量: pages 1–30 free; 31–100 at 10 yuan; 101–200 at 20 yuan; from 201 at 40 yuan.</item>
/// </list>
/// </summary>
public static class ProcessingFees
{
    private const int FreeApplications = 10;
    private const int FirstPaidBandEnd = 30;
    private const int ProgressiveBandSize = 10;
    private const decimal FirstPaidUnit = 100m;
    private const decimal ProgressiveStep = 100m;

    // (from, to, unit); the last band is open-ended.
    private static readonly (int From, int To, decimal Unit)[] PageBands =
    [
        (1, 30, 0m),
        (31, 100, 10m),
        (101, 200, 20m),
        (201, int.MaxValue, 40m),
    ];

    /// <summary>The fee for the <paramref name="n"/>-th application (1-based) of the applicant in the month.</summary>
    public static decimal FeeForNthApplication(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        if (n <= FreeApplications) return 0m;
        if (n <= FirstPaidBandEnd) return FirstPaidUnit;
        var band = (n - FirstPaidBandEnd - 1) / ProgressiveBandSize; // 31–40 → 0, 41–50 → 1, …
        return FirstPaidUnit + ProgressiveStep * (band + 1);
    }

    /// <summary>Total fee for <paramref name="applicationsInMonth"/> applications of one applicant in one natural
    /// month at one agency, with a breakdown by band.</summary>
    public static FeeQuote PerApplication(int applicationsInMonth)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(applicationsInMonth);
        var bands = new List<FeeBand>();
        var from = 1;
        while (from <= applicationsInMonth)
        {
            var bandEnd = from <= FreeApplications ? FreeApplications
                : from <= FirstPaidBandEnd ? FirstPaidBandEnd
                : from + ProgressiveBandSize - 1;
            var to = Math.Min(bandEnd, applicationsInMonth);
            bands.Add(Band(from, to, FeeForNthApplication(from), "件"));
            from = bandEnd + 1;
        }
        return new FeeQuote(FeeMethod.PerApplication, applicationsInMonth, bands.Sum(b => b.AmountYuan), bands);
    }

    /// <summary>Total fee for <paramref name="pages"/> pages, with a breakdown by band.</summary>
    public static FeeQuote PerPage(int pages)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pages);
        var bands = new List<FeeBand>();
        foreach (var (from, to, unit) in PageBands)
        {
            if (from > pages) break;
            bands.Add(Band(from, Math.Min(to, pages), unit, "页"));
        }
        return new FeeQuote(FeeMethod.PerPage, pages, bands.Sum(b => b.AmountYuan), bands);
    }

    /// <summary>The fee of one application that is the applicant's <paramref name="n"/>-th (1-based) at the agency in its
    /// natural month: one line of the 按件 schedule (the earlier applications of the month carry their own fees).</summary>
    public static FeeQuote ForNthApplication(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var band = NthLine(n, $"本月第{n}件申请");
        return new FeeQuote(FeeMethod.PerApplication, n, band.AmountYuan, [band]);
    }

    /// <summary>The fee of one application split into <paramref name="units"/> units (一事一申请, domain.md §2 item 4):
    /// its units are the applicant's <paramref name="first"/>-th to (<paramref name="first"/> + units − 1)-th of the
    /// month, one 按件 line per unit.</summary>
    public static FeeQuote ForApplicationUnits(int first, int units)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(first, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(units, 1);
        if (units == 1) return ForNthApplication(first);
        var bands = Enumerable.Range(first, units).Select(n => NthLine(n, $"本月第{n}件（本申请第{n - first + 1}个事项）")).ToList();
        return new FeeQuote(FeeMethod.PerApplication, first + units - 1, bands.Sum(b => b.AmountYuan), bands);
    }

    /// <summary>The 按件 line of the month's <paramref name="n"/>-th application (or unit), described as <paramref name="what"/>.</summary>
    private static FeeBand NthLine(int n, string what)
    {
        var unit = FeeForNthApplication(n);
        var rate = unit == 0m ? "免费" : $"每件{Yuan(unit)}元";
        return new FeeBand(n, n, 1, unit, unit, $"{what}，{BandOf(n)}，{rate}，计{Yuan(unit)}元");
    }

    private static string BandOf(int n)
    {
        if (n <= FreeApplications) return $"第1至{FreeApplications}件";
        if (n <= FirstPaidBandEnd) return $"第{FreeApplications + 1}至{FirstPaidBandEnd}件";
        var from = FirstPaidBandEnd + 1 + (n - FirstPaidBandEnd - 1) / ProgressiveBandSize * ProgressiveBandSize;
        return $"第{from}至{from + ProgressiveBandSize - 1}件";
    }

    /// <summary>The basis and standard the fee notice states when the officer writes none.</summary>
    public static string BasisText(FeeQuote quote) =>
        "依据《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），" +
        (quote.Method == FeeMethod.PerPage ? $"按量计收，共{quote.Quantity}页：" : "按件计收：") +
        string.Join("；", quote.Breakdown.Select(b => b.Description)) + $"。合计{Yuan(quote.TotalYuan)}元。";

    private static FeeBand Band(int from, int to, decimal unit, string measure)
    {
        var count = to - from + 1;
        var amount = unit * count;
        var rate = unit == 0m ? "免费" : $"每{measure}{Yuan(unit)}元";
        var description = $"第{from}至{to}{measure}，{rate}，共{count}{measure}，计{Yuan(amount)}元";
        return new FeeBand(from, to, count, unit, amount, description);
    }

    private static string Yuan(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
