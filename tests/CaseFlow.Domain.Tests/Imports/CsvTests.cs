using CaseFlow.Domain.Imports;

namespace CaseFlow.Domain.Tests.Imports;

/// <summary>RFC 4180 CSV reading.</summary>
public class CsvTests
{
    private static string[][] Rows(CsvParseResult r) => [.. r.Rows.Select(x => x.ToArray())];

    [Fact]
    public void Crlf_records()
    {
        var r = Csv.Parse("a,b,c\r\n1,2,3\r\n");
        Assert.True(r.Ok);
        Assert.Equal([["a", "b", "c"], ["1", "2", "3"]], Rows(r));
        Assert.Equal([1, 2], r.Lines);
    }

    [Fact]
    public void Lf_records_without_a_final_line_break()
    {
        var r = Csv.Parse("a,b\n1,2");
        Assert.Equal([["a", "b"], ["1", "2"]], Rows(r));
    }

    [Fact]
    public void Lone_cr_ends_a_record_too()
    {
        Assert.Equal([["a"], ["b"]], Rows(Csv.Parse("a\rb\r")));
    }

    [Fact]
    public void A_leading_bom_is_stripped()
    {
        var r = Csv.Parse("\uFEFFcase_no,x\n1,2\n");
        Assert.Equal([["case_no", "x"], ["1", "2"]], Rows(r));
        Assert.Empty(Csv.Parse("\uFEFF").Rows);
    }

    [Fact]
    public void Quoted_fields_hold_commas_doubled_quotes_and_line_breaks()
    {
        var r = Csv.Parse("x,\"a,b\",\"say \"\"hi\"\"\"\n\"line1\nline2\",2,\"\"\n4,5,6\n");
        Assert.True(r.Ok);
        Assert.Equal([["x", "a,b", "say \"hi\""], ["line1\nline2", "2", ""], ["4", "5", "6"]], Rows(r));
        Assert.Equal([1, 2, 4], r.Lines); // the second record spans lines 2–3
    }

    [Fact]
    public void A_crlf_inside_quotes_is_kept_as_data()
    {
        var r = Csv.Parse("\"a\r\nb\",c\r\nd,e\r\n");
        Assert.Equal([["a\r\nb", "c"], ["d", "e"]], Rows(r));
        Assert.Equal([1, 3], r.Lines);
    }

    [Fact]
    public void Empty_fields_and_a_trailing_comma()
    {
        Assert.Equal([["", "", ""], ["a", "b", ""]], Rows(Csv.Parse(",,\na,b,\n")));
    }

    [Fact]
    public void Empty_lines_at_the_end_are_ignored_but_not_in_the_middle()
    {
        Assert.Equal([["a"]], Rows(Csv.Parse("a\n\n\r\n")));
        var r = Csv.Parse("a\n\nb\n");
        Assert.Equal([["a"], [""], ["b"]], Rows(r));
        Assert.Equal([1, 2, 3], r.Lines);
    }

    [Fact]
    public void Empty_text_has_no_records()
    {
        var r = Csv.Parse("");
        Assert.True(r.Ok);
        Assert.Empty(r.Rows);
    }

    [Fact]
    public void A_quote_inside_an_unquoted_field_is_data()
    {
        Assert.Equal([["5\" disk", "b"]], Rows(Csv.Parse("5\" disk,b")));
    }

    [Fact]
    public void An_unterminated_quote_is_an_error_naming_its_line()
    {
        var r = Csv.Parse("a,b\n\"open,1\n2,3\n");
        Assert.False(r.Ok);
        var e = Assert.Single(r.Errors);
        Assert.Equal("line 2", e.Field);
        Assert.Contains("引号未闭合", e.Message);
    }

    [Fact]
    public void Text_after_a_closing_quote_is_an_error_naming_its_line()
    {
        var r = Csv.Parse("a,b\n1,2\n\"x\"y,3\n\"p\" ,q\n");
        Assert.Equal(["line 3", "line 4"], r.Errors.Select(e => e.Field));
    }
}
