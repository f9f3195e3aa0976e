using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Imports;
using static CaseFlow.Domain.Tests.TestSupport;

namespace CaseFlow.Domain.Tests.Imports;

/// <summary>The ledger import: all or nothing, every bad row and field reported with its line and column.</summary>
public class LedgerImportTests
{
    private const string Header =
        "case_no,applicant_kind,applicant_name,channel,received_on,summary,outcome,concluded_on,extended,fee_notified_yuan,fee_paid_yuan";

    private static readonly string Chinese = string.Join("\r\n",
        Header,
        "2023-001,自然人,张三,当面,2023-01-05,申请公开某文件,予以公开,2023-01-20,否,,",
        "2023-002,商业企业,某某有限公司,邮寄,2023-02-01,\"关于A、B,C的信息\",部分公开,2023-03-10,是,100,100.00",
        "2023-003,科研机构,某研究所,平常信函,2023-03-01,,\"危及\"\"三安全一稳定\"\"\",2023-03-15,,,",
        "2023-004,社会公益组织,某基金会,网络,2023-04-01,\"第一行\r\n第二行\",,,,50.5,",
        "2023-005,法律服务机构,某律师事务所,传真,2023-05-01,摘要,其他,2023-05-02,FALSE,,",
        "2023-006,其他,某协会,电子邮件,2023-06-01,摘要,申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请,2023-07-01,True,,",
        "");

    private static readonly string English = string.Join("\r\n",
        Header,
        "2023-001,NaturalPerson,张三,InPerson,2023-01-05,申请公开某文件,Disclosed,2023-01-20,false,,",
        "2023-002,Business,某某有限公司,RegisteredPost,2023-02-01,\"关于A、B,C的信息\",PartlyDisclosed,2023-03-10,true,100,100.00",
        "2023-003,Research,某研究所,OrdinaryLetter,2023-03-01,,Withheld.Security,2023-03-15,,,",
        "2023-004,PublicInterest,某基金会,Online,2023-04-01,\"第一行\r\n第二行\",,,,50.5,",
        "2023-005,LegalService,某律师事务所,Fax,2023-05-01,摘要,Other.Other,2023-05-02,false,,",
        "2023-006,OtherOrganisation,某协会,Email,2023-06-01,摘要,Other.FeeUnpaid,2023-07-01,true,,",
        "");

    private static readonly LedgerRow[] Expected =
    [
        new(2, "2023-001", ApplicantColumn.NaturalPerson, "张三", Channel.InPerson, D("2023-01-05"), "申请公开某文件", "Disclosed", D("2023-01-20"), false, null, null),
        new(3, "2023-002", ApplicantColumn.Business, "某某有限公司", Channel.RegisteredPost, D("2023-02-01"), "关于A、B,C的信息", "PartlyDisclosed", D("2023-03-10"), true, 100m, 100m),
        new(4, "2023-003", ApplicantColumn.Research, "某研究所", Channel.OrdinaryLetter, D("2023-03-01"), "", "Withheld.Security", D("2023-03-15"), false, null, null),
        new(5, "2023-004", ApplicantColumn.PublicInterest, "某基金会", Channel.Online, D("2023-04-01"), "第一行\r\n第二行", null, null, false, 50.5m, null),
        new(7, "2023-005", ApplicantColumn.LegalService, "某律师事务所", Channel.Fax, D("2023-05-01"), "摘要", "Other.Other", D("2023-05-02"), false, null, null),
        new(8, "2023-006", ApplicantColumn.OtherOrganisation, "某协会", Channel.Email, D("2023-06-01"), "摘要", "Other.FeeUnpaid", D("2023-07-01"), true, null, null),
    ];

    private static (int, string)[] Where(LedgerParseResult r) => [.. r.Errors.Select(e => (e.Row, e.Field))];

    private static LedgerParseResult ParseLines(params string[] lines) => LedgerImport.ParseCsv(string.Join("\n", lines));

    [Fact]
    public void A_chinese_ledger_parses()
    {
        var r = LedgerImport.ParseCsv(Chinese);
        Assert.True(r.Ok, string.Join("\n", r.Errors));
        Assert.Equal(Expected, r.Rows);
    }

    [Fact]
    public void English_codes_give_the_same_rows()
    {
        var r = LedgerImport.ParseCsv(English);
        Assert.True(r.Ok, string.Join("\n", r.Errors));
        Assert.Equal(Expected, r.Rows);
        Assert.Equal(LedgerImport.ParseCsv(Chinese).Rows, r.Rows);
    }

    [Fact]
    public void A_bom_and_spaces_around_header_names_are_accepted()
    {
        var spaced = " case_no , applicant_kind,applicant_name ,channel,received_on,summary,outcome,concluded_on,extended,fee_notified_yuan,fee_paid_yuan ";
        var r = LedgerImport.ParseCsv("\uFEFF" + Chinese.Replace(Header, spaced));
        Assert.True(r.Ok, string.Join("\n", r.Errors));
        Assert.Equal(Expected, r.Rows);
    }

    [Fact]
    public void Parse_takes_a_table_and_counts_lines_from_one_without_line_numbers()
    {
        IReadOnlyList<string>[] table =
        [
            LedgerImport.Header,
            ["A-1", "自然人", "李四", "网络", "2023-09-01", "", "", "", "", "", ""],
        ];
        var r = LedgerImport.Parse(table);
        var row = Assert.Single(r.Rows);
        Assert.Equal(2, row.Line);
        Assert.Null(row.Outcome);
        Assert.Null(row.ConcludedOn);
        Assert.False(row.Extended);
    }

    [Fact]
    public void Every_bad_value_is_reported_with_its_line_and_column_and_nothing_is_imported()
    {
        var r = ParseLines(
            Header,
            "OK-1,自然人,张三,当面,2023-01-05,,,,,,",                         // 2 valid, but not imported
            ",自然人,张三,当面,2023-01-05,,,,,,",                             // 3 case_no empty
            "X-2,公司,张三,当面,2023-01-05,,,,,,",                            // 4 applicant_kind
            "X-3,自然人,,当面,2023-01-05,,,,,,",                              // 5 applicant_name empty
            "X-4,自然人,张三,飞鸽,2023-01-05,,,,,,",                           // 6 channel
            "X-5,自然人,张三,当面,2023-02-29,,,,,,",                           // 7 not a real date (2023 is not a leap year)
            "X-6,自然人,张三,当面,2023/01/05,,,,,,",                           // 8 wrong format
            "X-7,自然人,张三,当面,,,,,,,",                                     // 9 received_on empty
            "X-8,自然人,张三,当面,2023-01-05,,已公开,2023-01-10,,,",             // 10 unknown outcome
            "X-9,自然人,张三,当面,2023-01-05,,予以公开,,,,",                     // 11 outcome without concluded_on
            "X-10,自然人,张三,当面,2023-01-05,,,2023-01-10,,,",                 // 12 concluded_on without outcome
            "X-11,自然人,张三,当面,2023-01-05,,予以公开,2023-01-04,,,",          // 13 concluded before received
            "X-12,自然人,张三,当面,2023-01-05,,,,也许,,",                      // 14 extended
            "X-13,自然人,张三,当面,2023-01-05,,,,,-5,",                        // 15 negative fee
            "X-14,自然人,张三,当面,2023-01-05,,,,,1.234,",                     // 16 three decimals
            "X-15,自然人,张三,当面,2023-01-05,,,,,,abc",                       // 17 not a number
            "X-16,自然人,张三",                                                // 18 too few values
            "X-17,法人,张三,当面,2023-13-01,,予以公开,2023-1-2,,1e3,\"1,000\"",  // 19 five errors in one row
            "X-18,自然人,张三,当面,2023-01-05,,,,,,,surplus",                  // 20 a value beyond the last column
            "X-19,自然人,张三,当面,2023-01-05,,,,,,,,");                       // 21 empty values beyond the last column: fine
        Assert.Empty(r.Rows);
        Assert.False(r.Ok);
        Assert.Equal(
        [
            (3, "case_no"),
            (4, "applicant_kind"),
            (5, "applicant_name"),
            (6, "channel"),
            (7, "received_on"),
            (8, "received_on"),
            (9, "received_on"),
            (10, "outcome"),
            (11, "concluded_on"),
            (12, "outcome"),
            (13, "concluded_on"),
            (14, "extended"),
            (15, "fee_notified_yuan"),
            (16, "fee_notified_yuan"),
            (17, "fee_paid_yuan"),
            (18, "row"),
            (19, "applicant_kind"),
            (19, "received_on"),
            (19, "concluded_on"),
            (19, "fee_notified_yuan"),
            (19, "fee_paid_yuan"),
            (20, "row"),
        ], Where(r));
        Assert.All(r.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
        Assert.Contains("必填", r.Errors[0].Message);
        Assert.Contains("2023-02-29", r.Errors[4].Message);
        Assert.Contains("已公开", r.Errors[7].Message);
        Assert.Contains("不能为负数", r.Errors[12].Message);
        Assert.Contains("两位小数", r.Errors[13].Message);
    }

    [Fact]
    public void Too_long_values()
    {
        var r = ParseLines(
            Header,
            $"{new string('A', 101)},自然人,{new string('名', 201)},当面,2023-01-05,{new string('摘', 4001)},,,,,",
            $"{new string('B', 100)},自然人,{new string('名', 200)},当面,2023-01-05,{new string('摘', 4000)},,,,,");
        Assert.Equal([(2, "case_no"), (2, "applicant_name"), (2, "summary")], Where(r));
        Assert.Contains("100", r.Errors[0].Message);
    }

    [Fact]
    public void A_repeated_case_number_is_an_error_on_the_second_occurrence()
    {
        var r = ParseLines(
            Header,
            "A,自然人,张三,当面,2023-01-05,,,,,,",
            "B,自然人,张三,当面,2023-01-05,,,,,,",
            " A ,自然人,张三,当面,2023-01-06,,,,,,",
            "B,自然人,张三,当面,2023-01-07,,,,,,");
        Assert.Equal([(4, "case_no"), (5, "case_no")], Where(r));
        Assert.Contains("第 2 行", r.Errors[0].Message);
        Assert.Contains("第 3 行", r.Errors[1].Message);
        Assert.Empty(r.Rows);
    }

    [Fact]
    public void Lines_after_a_multiline_field_are_physical_line_numbers()
    {
        var r = ParseLines(
            Header,
            "A,自然人,张三,当面,2023-01-05,\"多行",
            "摘要\",,,,,",
            "B,自然人,张三,当面,2023-01-32,,,,,,");
        Assert.Equal([(4, "received_on")], Where(r));
    }

    [Fact]
    public void Blank_lines_between_rows_are_skipped()
    {
        var r = ParseLines(Header, "A,自然人,张三,当面,2023-01-05,,,,,,", "", ",,,,,,,,,,", "B,自然人,张三,当面,2023-01-06,,,,,,");
        Assert.True(r.Ok, string.Join("\n", r.Errors));
        Assert.Equal([2, 5], r.Rows.Select(x => x.Line));
    }

    [Theory]
    [InlineData("case_no,applicant_kind,applicant_name,channel,received_on,outcome,concluded_on,extended,fee_notified_yuan,fee_paid_yuan", "summary")]
    [InlineData("case_no,applicant_kind,applicant_name,channel,received_on,summary,outcome,concluded_on,extended,fee_notified_yuan,fee_paid_yuan,remark", "remark")]
    [InlineData("case_no,applicant_kind,applicant_name,channel,recieved_on,summary,outcome,concluded_on,extended,fee_notified_yuan,fee_paid_yuan", "recieved_on")]
    [InlineData("case_no,applicant_kind,applicant_name,channel,recieved_on,summary,outcome,concluded_on,extended,fee_notified_yuan,fee_paid_yuan", "received_on")]
    [InlineData("case_no,case_no,applicant_kind,applicant_name,channel,received_on,summary,outcome,concluded_on,extended,fee_notified_yuan,fee_paid_yuan", "case_no")]
    [InlineData("applicant_kind,case_no,applicant_name,channel,received_on,summary,outcome,concluded_on,extended,fee_notified_yuan,fee_paid_yuan", "顺序")]
    [InlineData("案件编号,申请人类型", "案件编号")]
    public void Header_problems_are_named(string header, string named)
    {
        var r = ParseLines(header, "A,自然人,张三,当面,2023-01-05,,,,,,");
        Assert.NotEmpty(r.Errors);
        Assert.All(r.Errors, e => Assert.Equal((1, "header"), (e.Row, e.Field)));
        Assert.Contains(r.Errors, e => e.Message.Contains(named, StringComparison.Ordinal));
        Assert.Empty(r.Rows);
    }

    [Fact]
    public void A_misspelled_column_is_reported_as_unknown_and_the_right_one_as_missing()
    {
        var r = ParseLines(Header.Replace("received_on", "recieved_on"), "A,自然人,张三,当面,2023-01-05,,,,,,");
        Assert.Equal(2, r.Errors.Count);
        Assert.Contains("未知的列“recieved_on”", r.Errors[0].Message);
        Assert.Contains("缺少列“received_on”", r.Errors[1].Message);
    }

    [Fact]
    public void Header_names_ignore_case_and_trailing_empty_columns()
    {
        var r = ParseLines(Header.ToUpperInvariant() + ",,", "A,自然人,张三,当面,2023-01-05,,,,,,");
        Assert.True(r.Ok, string.Join("\n", r.Errors));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\uFEFF")]
    [InlineData("\r\n\r\n")]
    public void An_empty_file_is_an_error(string text)
    {
        var r = LedgerImport.ParseCsv(text);
        var e = Assert.Single(r.Errors);
        Assert.Equal((1, "header"), (e.Row, e.Field));
        Assert.Contains("文件为空", e.Message);
    }

    [Fact]
    public void A_header_only_file_is_an_error_nothing_to_import()
    {
        var r = LedgerImport.ParseCsv(Header + "\r\n");
        var e = Assert.Single(r.Errors);
        Assert.Equal((1, "header"), (e.Row, e.Field));
        Assert.Contains("只有表头", e.Message);
        Assert.Empty(r.Rows);
    }

    [Fact]
    public void A_csv_syntax_error_is_reported_with_its_line()
    {
        var r = LedgerImport.ParseCsv(Header + "\nA,自然人,张三,当面,2023-01-05,\"unterminated,,,,,\n");
        var e = Assert.Single(r.Errors);
        Assert.Equal((2, "csv"), (e.Row, e.Field));
        Assert.Empty(r.Rows);
    }

    [Theory]
    [InlineData("是", true)]
    [InlineData("否", false)]
    [InlineData("TRUE", true)]
    [InlineData("False", false)]
    [InlineData("", false)]
    public void Extended_spellings(string text, bool expected)
    {
        var r = ParseLines(Header, $"A,自然人,张三,当面,2023-01-05,,,,{text},,");
        Assert.Equal(expected, Assert.Single(r.Rows).Extended);
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("12", 12)]
    [InlineData("12.5", 12.5)]
    [InlineData("12.50", 12.5)]
    [InlineData("0.01", 0.01)]
    public void Fee_amounts(string text, double expected)
    {
        var r = ParseLines(Header, $"A,自然人,张三,当面,2023-01-05,,,,,{text},{text}");
        var row = Assert.Single(r.Rows);
        Assert.Equal((decimal)expected, row.FeeNotifiedYuan);
        Assert.Equal((decimal)expected, row.FeePaidYuan);
    }

    [Theory]
    [InlineData("自然人", ApplicantColumn.NaturalPerson)]
    [InlineData("商业企业", ApplicantColumn.Business)]
    [InlineData("科研机构", ApplicantColumn.Research)]
    [InlineData("社会公益组织", ApplicantColumn.PublicInterest)]
    [InlineData("法律服务机构", ApplicantColumn.LegalService)]
    [InlineData("其他", ApplicantColumn.OtherOrganisation)]
    [InlineData("naturalperson", ApplicantColumn.NaturalPerson)]
    [InlineData("OtherOrganisation", ApplicantColumn.OtherOrganisation)]
    public void Applicant_kinds(string text, ApplicantColumn expected)
    {
        var r = ParseLines(Header, $"A,{text},张三,当面,2023-01-05,,,,,,");
        Assert.Equal(expected, Assert.Single(r.Rows).Column);
    }

    [Theory]
    [InlineData("当面", Channel.InPerson)]
    [InlineData("邮寄", Channel.RegisteredPost)]
    [InlineData("平常信函", Channel.OrdinaryLetter)]
    [InlineData("网络", Channel.Online)]
    [InlineData("传真", Channel.Fax)]
    [InlineData("电子邮件", Channel.Email)]
    [InlineData("email", Channel.Email)]
    [InlineData("RegisteredPost", Channel.RegisteredPost)]
    public void Channels(string text, Channel expected)
    {
        var r = ParseLines(Header, $"A,自然人,张三,{text},2023-01-05,,,,,,");
        Assert.Equal(expected, Assert.Single(r.Rows).Channel);
    }

    [Fact]
    public void Numeric_enum_values_are_not_accepted()
    {
        var r = ParseLines(Header, "A,1,张三,2,2023-01-05,,,,,,");
        Assert.Equal([(2, "applicant_kind"), (2, "channel")], Where(r));
    }
}
