using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Reports;
using static CaseFlow.Domain.Tests.TestSupport;

namespace CaseFlow.Domain.Tests.Reports;

/// <summary>Short builders for hand-written report facts. Case numbers are "C-" + the id in three digits.</summary>
internal static class ReportFixtures
{
    public const string Agency = "测试局";

    public const ApplicantColumn NP = ApplicantColumn.NaturalPerson;
    public const ApplicantColumn Bus = ApplicantColumn.Business;
    public const ApplicantColumn Res = ApplicantColumn.Research;
    public const ApplicantColumn PI = ApplicantColumn.PublicInterest;
    public const ApplicantColumn LS = ApplicantColumn.LegalService;
    public const ApplicantColumn Oth = ApplicantColumn.OtherOrganisation;

    public static CaseFacts Case(
        long id, ApplicantColumn column, string received, string? concluded = null, string? outcome = null,
        Channel channel = Channel.Online, bool isVoid = false, bool extended = false, string? replyDue = null,
        string agency = Agency) =>
        new(id, $"C-{id:000}", agency, column, channel, D(received), Opt(concluded), outcome, isVoid, extended,
            Opt(replyDue), null, null, null, null);

    public static ProceedingFacts Proceeding(long caseId, ProceedingKind kind, string filed, ProceedingResult? result = null, string? decided = null) =>
        new(caseId, $"C-{caseId:000}", kind, D(filed), result, Opt(decided));

    public static DateOnly? Opt(string? s) => s is null ? null : D(s);

    public static AnnualReport Compute(
        int year, IReadOnlyCollection<CaseFacts> cases, IReadOnlyCollection<ProceedingFacts>? proceedings = null,
        IReadOnlyDictionary<string, int[]>? locked = null) =>
        AnnualReportCalculator.Compute(year, Agency, cases, proceedings ?? [], null, locked);

    /// <summary>Asserts one table-三 row: the six columns then the total.</summary>
    public static void Row(AnnualReport report, string row, int np, int bus, int res, int pi, int ls, int oth, int total) =>
        Assert.True(new[] { np, bus, res, pi, ls, oth, total }.SequenceEqual(report.Table3.Rows[row]),
            $"row {row}: expected [{np},{bus},{res},{pi},{ls},{oth},{total}] but was [{string.Join(",", report.Table3.Rows[row])}]");

    public static Check CheckNamed(AnnualReport report, string name) => Assert.Single(report.Checks, c => c.Name == name);

    public static void AllPassed(AnnualReport report) =>
        Assert.True(report.AllChecksPassed, string.Join("\n", report.Checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Detail}")));

    public static void Table4(AnnualReport report, string group, int upheld, int corrected, int other, int pending, int total) =>
        Assert.Equal(
            [("Upheld", upheld), ("Corrected", corrected), ("Other", other), ("Pending", pending), ("Total", total)],
            report.Table4[group].Select(kv => (kv.Key, kv.Value)));
}
