using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace CaseFlow.Web.Features.Reports.Pages;

/// <summary>Draws a <see cref="AnnualReportCharts.Chart"/> as inline SVG on the server: no chart script, no style
/// attributes (the CSP allows neither); colours come from the series' CSS classes in site.css. The chart is an image
/// whose &lt;title&gt; and &lt;desc&gt; (all figures in words) are its text alternative; the page adds a data table.</summary>
public static class SvgChart
{
    private const int Width = 720;

    public static IHtmlContent Render(AnnualReportCharts.Chart chart) =>
        new HtmlString(chart.Horizontal ? Bars(chart) : Columns(chart));

    private static string Columns(AnnualReportCharts.Chart c)
    {
        const int left = 44, right = 12, top = 34, plot = 190, bottom = 30;
        var height = top + plot + bottom;
        var max = NiceMax(c.Series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max());
        var sb = Open(c, height);
        Legend(sb, c, left);
        Ticks(sb, max, (value, label) =>
        {
            var y = top + plot - (double)value / max * plot;
            sb.Append(Line(left, y, Width - right, y, "grid"));
            sb.Append(Text(left - 6, y + 4, label, "tick", "end"));
        });
        var band = (double)(Width - left - right) / c.Categories.Count;
        var barWidth = Math.Min(18, (band - 8) / c.Series.Count);
        for (var i = 0; i < c.Categories.Count; i++)
        {
            var x0 = left + i * band + (band - barWidth * c.Series.Count) / 2;
            for (var s = 0; s < c.Series.Count; s++)
            {
                var v = c.Series[s].Values[i];
                var h = (double)v / max * plot;
                var x = x0 + s * barWidth;
                sb.Append(Rect(x, top + plot - h, barWidth - 2, h, c.Series[s].CssClass, $"{c.Categories[i]} {c.Series[s].Name} {v}件"));
                if (v > 0) sb.Append(Text(x + (barWidth - 2) / 2, top + plot - h - 3, Num(v), "value", "middle"));
            }
            sb.Append(Text(left + i * band + band / 2, top + plot + 18, c.Categories[i], "category", "middle"));
        }
        sb.Append(Line(left, top + plot, Width - right, top + plot, "axis"));
        return Close(sb);
    }

    private static string Bars(AnnualReportCharts.Chart c)
    {
        const int left = 150, right = 40, top = 34, bottom = 24;
        var row = c.Series.Count > 1 ? 34 : 26;
        var plot = Math.Max(1, c.Categories.Count) * row;
        var height = top + plot + bottom;
        var max = NiceMax(c.Series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max());
        var width = Width - left - right;
        var sb = Open(c, height);
        Legend(sb, c, left);
        Ticks(sb, max, (value, label) =>
        {
            var x = left + (double)value / max * width;
            sb.Append(Line(x, top, x, top + plot, "grid"));
            sb.Append(Text(x, top + plot + 16, label, "tick", "middle"));
        });
        var barHeight = (row - 8.0) / c.Series.Count;
        for (var i = 0; i < c.Categories.Count; i++)
        {
            var y0 = top + i * row + 4;
            sb.Append(Text(left - 8, y0 + (row - 8) / 2.0 + 4, Clip(c.Categories[i], 10), "category", "end"));
            for (var s = 0; s < c.Series.Count; s++)
            {
                var v = c.Series[s].Values[i];
                var w = (double)v / max * width;
                var y = y0 + s * barHeight;
                sb.Append(Rect(left, y, w, barHeight - 1, c.Series[s].CssClass, $"{c.Categories[i]} {c.Series[s].Name} {v}件"));
                sb.Append(Text(left + w + 4, y + barHeight / 2 + 4, Num(v), "value", "start"));
            }
        }
        sb.Append(Line(left, top, left, top + plot, "axis"));
        return Close(sb);
    }

    private static StringBuilder Open(AnnualReportCharts.Chart c, int height)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"{c.Id}\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-labelledby=\"{c.Id}-title {c.Id}-desc\">");
        sb.Append(CultureInfo.InvariantCulture, $"<title id=\"{c.Id}-title\">{Encode(c.Title)}</title>");
        sb.Append(CultureInfo.InvariantCulture, $"<desc id=\"{c.Id}-desc\">{Encode(c.Description)}</desc>");
        return sb;
    }

    private static string Close(StringBuilder sb) => sb.Append("</svg>").ToString();

    private static void Legend(StringBuilder sb, AnnualReportCharts.Chart c, int x)
    {
        if (c.Series.Count < 2) return;
        foreach (var s in c.Series)
        {
            sb.Append(Rect(x, 8, 12, 12, s.CssClass, null));
            sb.Append(Text(x + 17, 19, s.Name, "legend", "start"));
            x += 30 + s.Name.Length * 14;
        }
    }

    /// <summary>Ticks at 0 and at steps of 1, 2 or 5 × 10ⁿ up to <paramref name="max"/>.</summary>
    private static void Ticks(StringBuilder sb, int max, Action<int, string> tick)
    {
        var step = Step(max);
        for (var v = 0; v <= max; v += step) tick(v, Num(v));
    }

    private static int Step(int max)
    {
        foreach (var magnitude in new[] { 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000 })
            foreach (var m in new[] { 1, 2, 5 })
                if (max / (m * magnitude) <= 5) return m * magnitude;
        return Math.Max(1, max / 5);
    }

    /// <summary>The axis end: the smallest multiple of the tick step at or above the largest value (at least 1, so an
    /// empty chart still has an axis).</summary>
    internal static int NiceMax(int max)
    {
        if (max <= 0) return 1;
        var step = Step(max);
        return (max + step - 1) / step * step;
    }

    private static string Rect(double x, double y, double w, double h, string cssClass, string? title) =>
        string.Create(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{Math.Max(0, w):0.#}\" height=\"{Math.Max(0, h):0.#}\" class=\"{cssClass}\">")
        + (title is null ? "" : $"<title>{Encode(title)}</title>") + "</rect>";

    private static string Line(double x1, double y1, double x2, double y2, string cssClass) =>
        string.Create(CultureInfo.InvariantCulture, $"<line x1=\"{x1:0.#}\" y1=\"{y1:0.#}\" x2=\"{x2:0.#}\" y2=\"{y2:0.#}\" class=\"{cssClass}\"/>");

    private static string Text(double x, double y, string text, string cssClass, string anchor) =>
        string.Create(CultureInfo.InvariantCulture, $"<text x=\"{x:0.#}\" y=\"{y:0.#}\" class=\"{cssClass}\" text-anchor=\"{anchor}\">{Encode(text)}</text>");

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private static string Num(int v) => v.ToString(CultureInfo.InvariantCulture);

    // Only markup characters are escaped, so the Chinese stays readable in the source.
    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
