using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Reports;
using static CaseFlow.Domain.Tests.Reports.ReportFixtures;
using static CaseFlow.Domain.Tests.TestSupport;

namespace CaseFlow.Domain.Tests.Reports;

/// <summary>Section 六 fees and the older indicators (by channel, on time / after extension).</summary>
public class FeesAndExtrasTests
{
    private static CaseFacts WithFee(CaseFacts c, string? notifiedOn, decimal? notified, string? paidOn, decimal? paid) =>
        c with { FeeNotifiedOn = Opt(notifiedOn), FeeNotifiedYuan = notified, FeePaidOn = Opt(paidOn), FeePaidYuan = paid };

    private static readonly CaseFacts[] Cases =
    [
        // 1: on time, fee notified and paid in 2023
        WithFee(Case(1, NP, "2023-01-05", "2023-01-20", "Disclosed", Channel.InPerson, replyDue: "2023-02-02"), "2023-01-10", 100.00m, "2023-01-15", 100.00m),
        // 2: concluded after an extension
        Case(2, NP, "2023-02-01", "2023-03-30", "Disclosed", Channel.Online, extended: true, replyDue: "2023-04-10"),
        // 3: late (concluded after the due date, no extension): neither on time nor after extension
        Case(3, Bus, "2023-03-01", "2023-04-20", "Disclosed", Channel.Online, replyDue: "2023-04-10"),
        // 4: received in 2022 (not in by-channel), concluded 2023 with no due date known → on time; fee notified 2022, paid 2023
        WithFee(Case(4, NP, "2022-12-20", "2023-01-05", "Disclosed", Channel.Email), "2022-12-25", 50m, "2023-01-03", 50m),
        // 5: fee notified in 2023, paid in 2024; still open
        WithFee(Case(5, Res, "2023-11-01", channel: Channel.Fax), "2023-11-05", 80.50m, "2024-01-02", 80.50m),
        // 6: void: counts nowhere
        WithFee(Case(6, NP, "2023-06-01", "2023-06-10", "Disclosed", Channel.RegisteredPost, isVoid: true, replyDue: "2023-06-30"), "2023-06-02", 10m, "2023-06-05", 10m),
        // 7: concluded on its due date → on time
        Case(7, LS, "2023-07-01", "2023-07-10", "Disclosed", Channel.OrdinaryLetter, replyDue: "2023-07-10"),
    ];

    [Fact]
    public void Fees_notices_and_amounts_notified_in_the_year_and_amounts_collected_in_the_year()
    {
        var r = Compute(2023, Cases);
        Assert.Equal(2, r.Fees.Notices);               // cases 1 and 5
        Assert.Equal(180.50m, r.Fees.NotifiedYuan);    // 100.00 + 80.50
        Assert.Equal(150.00m, r.Fees.CollectedYuan);   // 100.00 (case 1) + 50 (case 4)
    }

    [Fact]
    public void Fees_of_the_following_year()
    {
        var r = Compute(2024, Cases);
        Assert.Equal(0, r.Fees.Notices);
        Assert.Equal(0m, r.Fees.NotifiedYuan);
        Assert.Equal(80.50m, r.Fees.CollectedYuan);    // case 5 paid 2024-01-02
    }

    [Fact]
    public void New_applications_by_channel_all_six_present()
    {
        var r = Compute(2023, Cases);
        Assert.Equal(
            [("InPerson", 1), ("RegisteredPost", 0), ("OrdinaryLetter", 1), ("Online", 2), ("Fax", 1), ("Email", 0)],
            r.Extras.ByChannel.Select(kv => (kv.Key, kv.Value)));
    }

    [Fact]
    public void Concluded_on_time_after_extension_and_late_add_up_to_the_concluded_total()
    {
        var r = Compute(2023, Cases);
        Assert.Equal(3, r.Extras.ConcludedOnTime);           // 1, 4, 7
        Assert.Equal(1, r.Extras.ConcludedAfterExtension);   // 2
        Assert.Equal(1, r.Extras.ConcludedLate);             // 3
        Assert.Equal(5, r.Table3.Rows["ConcludedTotal"][6]);
        Assert.Equal([3L], r.CasesInExtras("ConcludedLate"));
        Assert.Equal([1L, 4L, 7L], r.CasesInExtras("ConcludedOnTime"));
        Assert.Equal([2L], r.CasesInExtras("ConcludedAfterExtension"));
        Assert.Equal([2L, 3L], r.CasesInExtras("Online"));
        Assert.True(CheckNamed(r, "按时办结 + 延期办结 + 逾期办结 = 三(七)").Passed);
        Assert.Throws<ArgumentException>(() => r.CasesInExtras("Nope"));
    }

    /// <summary>The rule book's worked example (domain.md §3): received Thu 2026-02-12, reply due 2026-03-18, with the full
    /// extension 2026-04-16. The due dates are written out here as the web layer stores them on the case.</summary>
    [Fact]
    public void The_worked_example_on_time_late_extended_and_extended_but_late()
    {
        CaseFacts[] cases =
        [
            Case(11, NP, "2026-02-12", "2026-03-18", "Disclosed", replyDue: "2026-03-18"),                  // on the due date: on time
            Case(12, NP, "2026-02-12", "2026-03-19", "Disclosed", replyDue: "2026-03-18"),                  // a day after: late
            Case(13, Bus, "2026-02-12", "2026-04-16", "Disclosed", extended: true, replyDue: "2026-04-16"), // within the extension
            Case(14, Bus, "2026-02-12", "2026-04-17", "Disclosed", extended: true, replyDue: "2026-04-16"), // extended AND late: late wins
            Case(15, Res, "2026-02-12", "2026-03-02", "Withheld.StateSecret", replyDue: "2026-03-18"),      // on time, another outcome
            Case(16, Res, "2026-02-12", "2026-03-10", null, replyDue: "2026-03-18"),                        // no valid outcome: not in (七), in no class
            Case(17, NP, "2026-02-12"),                                                                     // open: in no class
        ];
        var r = Compute(2026, cases);
        Assert.Equal(2, r.Extras.ConcludedOnTime);
        Assert.Equal(1, r.Extras.ConcludedAfterExtension);
        Assert.Equal(2, r.Extras.ConcludedLate);
        Assert.Equal(5, r.Table3.Rows["ConcludedTotal"][6]);
        Assert.Equal([12L, 14L], r.CasesInExtras("ConcludedLate"));
        Assert.Equal([13L], r.CasesInExtras("ConcludedAfterExtension"));
        Assert.Equal([11L, 15L], r.CasesInExtras("ConcludedOnTime"));
        var check = CheckNamed(r, "按时办结 + 延期办结 + 逾期办结 = 三(七)");
        Assert.True(check.Passed);
        Assert.Equal("按时办结 2 + 延期办结 1 + 逾期办结 2 = 5，三(七)总计 5。", check.Detail);
    }

    /// <summary>A case concluded in 2026 and late there: the 2027 report (when, say, a re-reply round ends) counts it in no
    /// class, because only the first conclusion counts and it was in 2026.</summary>
    [Fact]
    public void Only_the_year_of_the_first_conclusion_counts_the_classes()
    {
        CaseFacts[] cases = [Case(21, NP, "2026-02-12", "2026-03-19", "Disclosed", replyDue: "2026-03-18")];
        Assert.Equal(1, Compute(2026, cases).Extras.ConcludedLate);
        var next = Compute(2027, cases);
        Assert.Equal((0, 0, 0), (next.Extras.ConcludedOnTime, next.Extras.ConcludedAfterExtension, next.Extras.ConcludedLate));
    }
}
