using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Imports;
using static CaseFlow.Domain.Tests.TestSupport;

namespace CaseFlow.Domain.Tests.Imports;

/// <summary>The proceedings import (行政复议、行政诉讼).</summary>
public class ProceedingsImportTests
{
    private const string Header = "case_no,kind,filed_on,result,decided_on";

    private static ProceedingsParseResult ParseLines(params string[] lines) => ProceedingsImport.ParseCsv(string.Join("\r\n", lines));

    [Fact]
    public void Valid_rows_in_chinese_and_english()
    {
        var r = ParseLines(
            Header,
            "2023-001,行政复议,2023-03-01,维持,2023-05-01",
            "2023-002,行政诉讼,2023-04-01,,",
            "2023-003,复议后起诉,2023-06-01,纠正,2023-09-01",
            "2023-004,Review,2023-07-01,Other,2023-08-01",
            "2023-005,lawsuitafterreview,2023-07-02,upheld,2023-07-02",
            "2023-006,Lawsuit,2023-07-03,其他,2023-12-31",
            "2023-001,行政诉讼,2023-06-01,Corrected,2023-11-30");
        Assert.True(r.Ok, string.Join("\n", r.Errors));
        Assert.Equal(
        [
            new ProceedingRow(2, "2023-001", ProceedingKind.Review, D("2023-03-01"), ProceedingResult.Upheld, D("2023-05-01")),
            new ProceedingRow(3, "2023-002", ProceedingKind.Lawsuit, D("2023-04-01"), null, null),
            new ProceedingRow(4, "2023-003", ProceedingKind.LawsuitAfterReview, D("2023-06-01"), ProceedingResult.Corrected, D("2023-09-01")),
            new ProceedingRow(5, "2023-004", ProceedingKind.Review, D("2023-07-01"), ProceedingResult.Other, D("2023-08-01")),
            new ProceedingRow(6, "2023-005", ProceedingKind.LawsuitAfterReview, D("2023-07-02"), ProceedingResult.Upheld, D("2023-07-02")),
            new ProceedingRow(7, "2023-006", ProceedingKind.Lawsuit, D("2023-07-03"), ProceedingResult.Other, D("2023-12-31")),
            new ProceedingRow(8, "2023-001", ProceedingKind.Lawsuit, D("2023-06-01"), ProceedingResult.Corrected, D("2023-11-30")),
        ], r.Rows);
    }

    [Fact]
    public void Every_bad_row_and_field_is_reported_and_nothing_is_imported()
    {
        var r = ParseLines(
            Header,
            "OK,行政复议,2023-03-01,,",                    // 2 valid, but not imported
            ",行政复议,2023-03-01,,",                      // 3 case_no
            "A,信访,2023-03-01,,",                          // 4 kind
            "A,行政复议,,,",                                // 5 filed_on required
            "A,行政复议,2023-02-30,,",                      // 6 filed_on not a real date
            "A,行政复议,2023-03-01,驳回,2023-04-01",         // 7 result
            "A,行政复议,2023-03-01,维持,",                   // 8 decided_on missing
            "A,行政复议,2023-03-01,,2023-04-01",             // 9 result missing
            "A,行政复议,2023-03-01,维持,2023-02-28",         // 10 decided before filed
            "A,行政复议,2023-03-01",                         // 11 too few values
            ",,2023-3-1,?,x");                              // 12 five errors at once
        Assert.Empty(r.Rows);
        Assert.Equal(
        [
            (3, "case_no"),
            (4, "kind"),
            (5, "filed_on"),
            (6, "filed_on"),
            (7, "result"),
            (8, "decided_on"),
            (9, "result"),
            (10, "decided_on"),
            (11, "row"),
            (12, "case_no"),
            (12, "kind"),
            (12, "filed_on"),
            (12, "result"),
            (12, "decided_on"),
        ], r.Errors.Select(e => (e.Row, e.Field)));
        Assert.Contains("驳回", r.Errors[4].Message);
        Assert.Contains("早于", r.Errors[7].Message);
    }

    [Fact]
    public void Header_problems_are_named()
    {
        var r = ParseLines("case_no,kind,filed,result,decided_on", "A,行政复议,2023-03-01,,");
        Assert.Equal(2, r.Errors.Count);
        Assert.All(r.Errors, e => Assert.Equal((1, "header"), (e.Row, e.Field)));
        Assert.Contains("filed", r.Errors[0].Message);
        Assert.Contains("filed_on", r.Errors[1].Message);
    }

    [Fact]
    public void A_header_only_file_imports_nothing_without_error()
    {
        var r = ProceedingsImport.ParseCsv("\uFEFF" + Header + "\r\n");
        Assert.True(r.Ok);
        Assert.Empty(r.Rows);
    }

    [Fact]
    public void An_empty_file_is_an_error()
    {
        var e = Assert.Single(ProceedingsImport.ParseCsv("").Errors);
        Assert.Equal((1, "header"), (e.Row, e.Field));
    }
}
