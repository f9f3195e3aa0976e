using System.Globalization;
using CaseFlow.Domain.Reports;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CaseFlow.Web.Features.Reports;

public static partial class ReportExport
{
    // A4 portrait, 2 cm left and right margins: 11906 − 2 × 1134 twips of text width.
    private const int PageWidth = 11906, PageHeight = 16838, SideMargin = 1134, DocxTextWidth = PageWidth - 2 * SideMargin;

    // Font sizes in half-points: title 小二 (18 pt), headings 三号 (16 pt), tables 小五 (9 pt) or 五号 (10.5 pt).
    private const string TitleSize = "36", HeadingSize = "32", SmallTableSize = "18", TableSize = "21";

    /// <summary>A Word document: the title, then each section heading followed by its table (real Word tables,
    /// gridSpan and vMerge for merged cells, single borders on every cell, 宋体 as the East-Asian font).</summary>
    public static byte[] Docx(AnnualReport report, string agencyName)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(agencyName);
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = WordStyles();
            var body = new Body();
            body.Append(TextParagraph(Title(report, agencyName), TableFont, TitleSize, bold: true, JustificationValues.Center, keepNext: true, after: "240"));
            foreach (var table in Layout(report))
            {
                // 表三 fills a page: it starts on a new one so that its merged labels are not split
                var heading = TextParagraph(table.Heading, HeadingFont, HeadingSize, bold: false, JustificationValues.Left, keepNext: true, after: "120", before: "240");
                if (table.Key == "表三") heading.ParagraphProperties!.KeepNext!.InsertAfterSelf(new PageBreakBefore());
                body.Append(heading);
                body.Append(WordTable(table));
                foreach (var note in table.Notes)
                    body.Append(TextParagraph(note, TableFont, TableSize, bold: false, JustificationValues.Both, before: "120"));
            }
            body.Append(new Paragraph());
            body.Append(new SectionProperties(
                new PageSize { Width = (UInt32Value)(uint)PageWidth, Height = (UInt32Value)(uint)PageHeight },
                new PageMargin
                {
                    Top = 1440, Bottom = 1440, Left = (UInt32Value)(uint)SideMargin, Right = (UInt32Value)(uint)SideMargin,
                    Header = 851U, Footer = 992U, Gutter = 0U,
                }));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static Table WordTable(GridTable grid)
    {
        var small = grid.Columns > 4;
        var size = small ? SmallTableSize : TableSize;
        var scale = DocxTextWidth / grid.Widths.Sum();
        var widths = grid.Widths.Select(w => (int)Math.Round(w * scale)).ToArray();
        widths[^1] += DocxTextWidth - widths.Sum();

        static BorderType Line<TBorder>() where TBorder : BorderType, new() =>
            new TBorder { Val = BorderValues.Single, Size = 4U, Space = 0U, Color = "000000" };

        var table = new Table(
            new TableProperties(
                new TableWidth { Width = DocxTextWidth.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableJustification { Val = TableRowAlignmentValues.Center },
                new TableBorders(Line<TopBorder>(), Line<LeftBorder>(), Line<BottomBorder>(), Line<RightBorder>(),
                    Line<InsideHorizontalBorder>(), Line<InsideVerticalBorder>()),
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableCellMarginDefault(
                    new TableCellLeftMargin { Width = (Int16Value)(short)(small ? 57 : 108), Type = TableWidthValues.Dxa },
                    new TableCellRightMargin { Width = (Int16Value)(short)(small ? 57 : 108), Type = TableWidthValues.Dxa })),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));

        for (var r = 0; r < grid.Rows; r++)
        {
            var rowProperties = new TableRowProperties(new CantSplit(), new TableRowHeight { Val = 397U, HeightType = HeightRuleValues.AtLeast });
            if (r < grid.HeaderRows) rowProperties.Append(new TableHeader());
            var row = new TableRow(rowProperties);
            for (var c = 0; c < grid.Columns;)
            {
                var cell = grid.At(r, c) ?? new GridCell(r, c, 1, 1, CellKind.Label, "", null);
                var span = cell.ColumnSpan;
                var properties = new TableCellProperties(
                    new TableCellWidth { Width = widths.Skip(c).Take(span).Sum().ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
                if (span > 1) properties.Append(new GridSpan { Val = span });
                var starts = cell.Row == r;
                if (cell.RowSpan > 1) properties.Append(starts ? new VerticalMerge { Val = MergedCellValues.Restart } : new VerticalMerge());
                properties.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
                row.Append(new TableCell(properties, starts
                    ? TextParagraph(cell.Display, TableFont, size, bold: false, cell.Kind == CellKind.Label ? JustificationValues.Left : JustificationValues.Center)
                    : new Paragraph(CellParagraphProperties(JustificationValues.Center))));
                c += span;
            }
            table.Append(row);
        }
        return table;
    }

    private static ParagraphProperties CellParagraphProperties(JustificationValues justification) => new(
        new SpacingBetweenLines { Before = "0", After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto },
        new Justification { Val = justification });

    private static Paragraph TextParagraph(string text, string font, string size, bool bold, JustificationValues justification,
        bool keepNext = false, string after = "0", string before = "0")
    {
        var paragraphProperties = new ParagraphProperties();
        if (keepNext) paragraphProperties.Append(new KeepNext());
        paragraphProperties.Append(
            new SpacingBetweenLines { Before = before, After = after, Line = "240", LineRule = LineSpacingRuleValues.Auto },
            new Justification { Val = justification });
        var runProperties = new RunProperties(new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", EastAsia = font, ComplexScript = "Times New Roman", Hint = FontTypeHintValues.EastAsia });
        if (bold) runProperties.Append(new Bold(), new BoldComplexScript());
        runProperties.Append(new FontSize { Val = size }, new FontSizeComplexScript { Val = size });
        return new Paragraph(paragraphProperties, new Run(runProperties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private static Styles WordStyles() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", EastAsia = TableFont, ComplexScript = "Times New Roman" },
                new FontSize { Val = TableSize },
                new FontSizeComplexScript { Val = TableSize },
                new Languages { Val = "en-US", EastAsia = "zh-CN", Bidi = "ar-SA" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }))),
        new Style(new StyleName { Val = "Normal" }, new PrimaryStyle())
        {
            Type = StyleValues.Paragraph, StyleId = "Normal", Default = true,
        });
}
