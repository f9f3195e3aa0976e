using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace CaseFlow.Web.Features.Reports.Pages;

/// <summary>Writes one table of the national form as HTML from the same grid the .xlsx and .docx exports are written
/// from (<see cref="ReportExport.Layout"/>), so the page, the spreadsheet and the document have the same rows, columns
/// and merged headers. Column headers are &lt;th scope="col|colgroup"&gt;, row labels &lt;th scope="row"&gt;; each
/// computed figure links to the page that lists its cases.</summary>
public static class ReportGridHtml
{
    /// <param name="labelledBy">the id of the heading that names the table.</param>
    /// <param name="link">the address of a figure's cases from its (row, column) keys; null: figures are not links.</param>
    internal static IHtmlContent Render(ReportExport.GridTable table, string cssClass, string labelledBy, Func<string, string, string>? link)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<table class=\"report-grid {cssClass}\" aria-labelledby=\"{labelledBy}\">");
        for (var r = 0; r < table.Rows; r++)
        {
            if (r == 0 && table.HeaderRows > 0) sb.Append("<thead>");
            if (r == table.HeaderRows) sb.Append("<tbody>");
            sb.Append("<tr>");
            foreach (var cell in table.Cells.Where(c => c.Row == r).OrderBy(c => c.Column))
                sb.Append(Cell(table, cell, link));
            sb.Append("</tr>");
            if (r == table.HeaderRows - 1) sb.Append("</thead>");
        }
        if (table.Rows > table.HeaderRows) sb.Append("</tbody>");
        sb.Append("</table>");
        return new HtmlString(sb.ToString());
    }

    private static string Cell(ReportExport.GridTable table, ReportExport.GridCell c, Func<string, string, string>? link)
    {
        var spans = (c.RowSpan > 1 ? $" rowspan=\"{c.RowSpan.ToString(CultureInfo.InvariantCulture)}\"" : "")
                    + (c.ColumnSpan > 1 ? $" colspan=\"{c.ColumnSpan.ToString(CultureInfo.InvariantCulture)}\"" : "");
        var text = WebUtility.HtmlEncode(c.Display);
        switch (c.Kind)
        {
            case ReportExport.CellKind.Header when c.Text == ReportExport.Table3Corner:
                // The corner states how the columns add up; it heads nothing.
                return $"<td class=\"corner\"{spans}>{text}</td>";
            case ReportExport.CellKind.Header:
                return $"<th scope=\"{(c.ColumnSpan > 1 ? "colgroup" : "col")}\"{spans}>{text}</th>";
            case ReportExport.CellKind.Label:
                return $"<th scope=\"row\" class=\"label\"{spans}>{text}</th>";
            default:
                if (c.Source is not { } source || link is null) return $"<td class=\"num\"{spans}>{text}</td>";
                var data = $" data-row=\"{WebUtility.HtmlEncode(source.Row)}\" data-column=\"{WebUtility.HtmlEncode(source.Column)}\"";
                return $"<td class=\"num\"{data}{spans}><a href=\"{WebUtility.HtmlEncode(link(source.Row, source.Column))}\">{text}</a></td>";
        }
    }
}
