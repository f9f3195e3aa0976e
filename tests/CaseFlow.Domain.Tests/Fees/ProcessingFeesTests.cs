using CaseFlow.Domain.Fees;

namespace CaseFlow.Domain.Tests.Fees;

/// <summary>信息处理费 schedule of domain.md §2 item 4 (国办函〔2020〕109号).</summary>
public class ProcessingFeesTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(10, 0)]
    [InlineData(11, 100)]
    [InlineData(30, 100)]
    [InlineData(31, 200)]
    [InlineData(40, 200)]
    [InlineData(41, 300)]
    [InlineData(50, 300)]
    [InlineData(51, 400)]
    [InlineData(60, 400)]
    [InlineData(61, 500)]
    [InlineData(100, 800)]   // 91st–100th band: 200 + 100×6
    [InlineData(101, 900)]
    public void FeeForNthApplication(int n, int yuan) =>
        Assert.Equal((decimal)yuan, ProcessingFees.FeeForNthApplication(n));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void FeeForNthApplication_rejects_non_positive_n(int n) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ProcessingFees.FeeForNthApplication(n));

    [Theory]
    // total = 100 × (n−10) for 11..30; 2000 + 200 × (n−30) for 31..40; 4000 + 300 × (n−40) for 41..50; 7000 + 400 × (n−50) for 51..60
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    [InlineData(10, 0)]
    [InlineData(11, 100)]
    [InlineData(30, 2000)]
    [InlineData(31, 2200)]
    [InlineData(40, 4000)]
    [InlineData(41, 4300)]
    [InlineData(45, 5500)]
    [InlineData(50, 7000)]
    [InlineData(51, 7400)]
    [InlineData(60, 11000)]
    public void PerApplication_total(int applications, int yuan)
    {
        var q = ProcessingFees.PerApplication(applications);
        Assert.Equal(FeeMethod.PerApplication, q.Method);
        Assert.Equal(applications, q.Quantity);
        Assert.Equal((decimal)yuan, q.TotalYuan);
        Assert.Equal(q.TotalYuan, q.Breakdown.Sum(b => b.AmountYuan));
        Assert.Equal(applications, q.Breakdown.Sum(b => b.Count));
        // the total is the sum of the fee of every single application
        Assert.Equal(q.TotalYuan, Enumerable.Range(1, applications).Sum(ProcessingFees.FeeForNthApplication));
    }

    [Fact]
    public void Forty_five_applications_cost_5500_yuan()
    {
        var q = ProcessingFees.PerApplication(45);
        Assert.Equal(5500m, q.TotalYuan);
        Assert.Equal(
        [
            new FeeBand(1, 10, 10, 0m, 0m, "第1至10件，免费，共10件，计0元"),
            new FeeBand(11, 30, 20, 100m, 2000m, "第11至30件，每件100元，共20件，计2000元"),
            new FeeBand(31, 40, 10, 200m, 2000m, "第31至40件，每件200元，共10件，计2000元"),
            new FeeBand(41, 45, 5, 300m, 1500m, "第41至45件，每件300元，共5件，计1500元"),
        ], q.Breakdown);
    }

    [Fact]
    public void PerApplication_band_edges()
    {
        Assert.Equal([(1, 10)], Bands(ProcessingFees.PerApplication(10)));
        Assert.Equal([(1, 10), (11, 11)], Bands(ProcessingFees.PerApplication(11)));
        Assert.Equal([(1, 10), (11, 30)], Bands(ProcessingFees.PerApplication(30)));
        Assert.Equal([(1, 10), (11, 30), (31, 31)], Bands(ProcessingFees.PerApplication(31)));
        Assert.Equal([(1, 10), (11, 30), (31, 40)], Bands(ProcessingFees.PerApplication(40)));
        Assert.Equal([(1, 10), (11, 30), (31, 40), (41, 41)], Bands(ProcessingFees.PerApplication(41)));
        Assert.Equal([(1, 10), (11, 30), (31, 40), (41, 50)], Bands(ProcessingFees.PerApplication(50)));
        Assert.Equal([(1, 10), (11, 30), (31, 40), (41, 50), (51, 51)], Bands(ProcessingFees.PerApplication(51)));
        Assert.Equal([(1, 5)], Bands(ProcessingFees.PerApplication(5)));
        Assert.Empty(ProcessingFees.PerApplication(0).Breakdown);

        var last = ProcessingFees.PerApplication(51).Breakdown[^1];
        Assert.Equal(new FeeBand(51, 51, 1, 400m, 400m, "第51至51件，每件400元，共1件，计400元"), last);
    }

    [Theory]
    // 0..30 free; 31..100 at 10; 101..200 at 20; 201.. at 40
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    [InlineData(30, 0)]
    [InlineData(31, 10)]
    [InlineData(100, 700)]       // 70 × 10
    [InlineData(101, 720)]       // 700 + 20
    [InlineData(200, 2700)]      // 700 + 100 × 20
    [InlineData(201, 2740)]      // 2700 + 40
    [InlineData(250, 4700)]      // 2700 + 50 × 40
    [InlineData(2219, 83460)]    // 700 + 2000 + 2019 × 40 = 83,460 (domain.md check)
    public void PerPage_total(int pages, int yuan)
    {
        var q = ProcessingFees.PerPage(pages);
        Assert.Equal(FeeMethod.PerPage, q.Method);
        Assert.Equal(pages, q.Quantity);
        Assert.Equal((decimal)yuan, q.TotalYuan);
        Assert.Equal(q.TotalYuan, q.Breakdown.Sum(b => b.AmountYuan));
        Assert.Equal(pages, q.Breakdown.Sum(b => b.Count));
    }

    [Fact]
    public void Pages_2219_cost_83460_yuan()
    {
        var q = ProcessingFees.PerPage(2219);
        Assert.Equal(83460m, q.TotalYuan);
        Assert.Equal(
        [
            new FeeBand(1, 30, 30, 0m, 0m, "第1至30页，免费，共30页，计0元"),
            new FeeBand(31, 100, 70, 10m, 700m, "第31至100页，每页10元，共70页，计700元"),
            new FeeBand(101, 200, 100, 20m, 2000m, "第101至200页，每页20元，共100页，计2000元"),
            new FeeBand(201, 2219, 2019, 40m, 80760m, "第201至2219页，每页40元，共2019页，计80760元"),
        ], q.Breakdown);
    }

    [Fact]
    public void PerPage_band_edges()
    {
        Assert.Equal([(1, 30)], Bands(ProcessingFees.PerPage(30)));
        Assert.Equal([(1, 30), (31, 31)], Bands(ProcessingFees.PerPage(31)));
        Assert.Equal([(1, 30), (31, 100)], Bands(ProcessingFees.PerPage(100)));
        Assert.Equal([(1, 30), (31, 100), (101, 101)], Bands(ProcessingFees.PerPage(101)));
        Assert.Equal([(1, 30), (31, 100), (101, 200)], Bands(ProcessingFees.PerPage(200)));
        Assert.Equal([(1, 30), (31, 100), (101, 200), (201, 201)], Bands(ProcessingFees.PerPage(201)));
        Assert.Empty(ProcessingFees.PerPage(0).Breakdown);
        Assert.Equal(new FeeBand(31, 31, 1, 10m, 10m, "第31至31页，每页10元，共1页，计10元"), ProcessingFees.PerPage(31).Breakdown[^1]);
    }

    [Fact]
    public void Negative_quantities_throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ProcessingFees.PerApplication(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProcessingFees.PerPage(-1));
    }

    private static List<(int From, int To)> Bands(FeeQuote q) => q.Breakdown.Select(b => (b.From, b.To)).ToList();
}
