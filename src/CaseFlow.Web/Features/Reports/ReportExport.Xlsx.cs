using System.Globalization;
using CaseFlow.Domain.Reports;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CaseFlow.Web.Features.Reports;

public static partial class ReportExport
{
    // cellXfs of the stylesheet below
    private const uint StyleTitle = 1, StyleHeading = 2, StyleHeader = 3, StyleLabel = 4, StyleNumber = 5, StyleNote = 6;

    /// <summary>One worksheet per table (表二, 表三, 表四): the report title in row 1, the section heading in
    /// row 2, the table from row 3 with merged headers, thin borders on every cell and figures as numbers.</summary>
    public static byte[] Xlsx(AnnualReport report, string agencyName)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(agencyName);
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = doc.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = XlsxStylesheet();
            var strings = new SharedStrings();
            var sheets = new Sheets();
            uint sheetId = 1;
            foreach (var table in Layout(report))
            {
                var part = workbookPart.AddNewPart<WorksheetPart>();
                part.Worksheet = SheetFor(table, Title(report, agencyName), strings);
                sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = sheetId++, Name = table.Key });
            }
            workbookPart.Workbook.Append(sheets);
            workbookPart.AddNewPart<SharedStringTablePart>().SharedStringTable = strings.Table;
            workbookPart.Workbook.Save();
        }
        return stream.ToArray();
    }

    private sealed class SharedStrings
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

        public SharedStringTable Table { get; } = new();

        public string Add(string text)
        {
            if (!_index.TryGetValue(text, out var i))
            {
                i = _index[text] = _index.Count;
                Table.Append(new SharedStringItem(new Text(text)));
                Table.Count = Table.UniqueCount = (uint)_index.Count;
            }
            return i.ToString(CultureInfo.InvariantCulture);
        }
    }

    private const int FirstTableRow = 3; // 1-based: title, heading, then the table

    private static Worksheet SheetFor(GridTable table, string title, SharedStrings strings)
    {
        var lastColumn = ColumnName(table.Columns - 1);
        var columns = new Columns();
        for (var c = 0; c < table.Columns; c++)
            columns.Append(new Column { Min = (uint)c + 1, Max = (uint)c + 1, Width = table.Widths[c], CustomWidth = true });

        var data = new SheetData();
        var titleLines = Math.Ceiling(TextWidth(title) * 16 / 11 / (table.Widths.Sum() - 2));
        data.Append(TextRow(1, title, StyleTitle, table.Columns, titleLines * 21 + 9, strings));
        data.Append(TextRow(2, table.Heading, StyleHeading, table.Columns, 22, strings));
        var heights = RowHeights(table);
        for (var r = 0; r < table.Rows; r++)
        {
            var rowIndex = (uint)(FirstTableRow + r);
            var row = new Row { RowIndex = rowIndex, Height = heights[r], CustomHeight = true };
            for (var c = 0; c < table.Columns; c++)
            {
                var cell = table.At(r, c);
                var reference = ColumnName(c) + rowIndex.ToString(CultureInfo.InvariantCulture);
                if (cell is null || cell.Row != r || cell.Column != c)
                {
                    // inside a merged range: an empty cell carrying the border style
                    row.Append(new Cell { CellReference = reference, StyleIndex = cell is null ? StyleLabel : XlsxStyle(cell) });
                }
                else if (cell.Number is { } n)
                {
                    row.Append(new Cell { CellReference = reference, StyleIndex = StyleNumber, CellValue = new CellValue(FormatNumber(n)) });
                }
                else
                {
                    row.Append(new Cell
                    {
                        CellReference = reference, StyleIndex = XlsxStyle(cell), DataType = CellValues.SharedString,
                        CellValue = new CellValue(strings.Add(cell.Text ?? "")),
                    });
                }
            }
            data.Append(row);
        }
        // Notes below the table, each merged across its width and tall enough for its wrapped text.
        var noteRows = new List<uint>();
        foreach (var note in table.Notes)
        {
            var index = (uint)(FirstTableRow + table.Rows + noteRows.Count);
            var lines = Math.Ceiling(TextWidth(note) / Math.Max(1, table.Widths.Sum() - 2));
            data.Append(TextRow(index, note, StyleNote, table.Columns, lines * 14.5 + 6, strings));
            noteRows.Add(index);
        }

        var merges = new MergeCells();
        merges.Append(new MergeCell { Reference = $"A1:{lastColumn}1" });
        merges.Append(new MergeCell { Reference = $"A2:{lastColumn}2" });
        foreach (var index in noteRows)
            merges.Append(new MergeCell { Reference = $"A{index.ToString(CultureInfo.InvariantCulture)}:{lastColumn}{index.ToString(CultureInfo.InvariantCulture)}" });
        foreach (var cell in table.Cells.Where(c => c.RowSpan > 1 || c.ColumnSpan > 1))
            merges.Append(new MergeCell { Reference = MergeRange(cell) });
        merges.Count = (uint)merges.ChildElements.Count;

        var wide = table.Widths.Sum() > 120; // 表四: landscape; every table fits on one page
        var worksheet = new Worksheet(
            new SheetProperties(new PageSetupProperties { FitToPage = true }),
            new SheetViews(new SheetView { WorkbookViewId = 0U, ShowGridLines = false }),
            new SheetFormatProperties { DefaultRowHeight = 15 },
            columns,
            data,
            merges,
            new PrintOptions { HorizontalCentered = true },
            new PageMargins { Left = 0.6, Right = 0.6, Top = 0.75, Bottom = 0.75, Header = 0.3, Footer = 0.3 },
            new PageSetup
            {
                PaperSize = 9U, // A4
                Orientation = wide ? OrientationValues.Landscape : OrientationValues.Portrait,
                FitToWidth = 1U,
                FitToHeight = 1U,
            });
        return worksheet;
    }

    private static Row TextRow(uint index, string text, uint style, int columns, double height, SharedStrings strings)
    {
        var row = new Row { RowIndex = index, Height = height, CustomHeight = true };
        row.Append(new Cell
        {
            CellReference = "A" + index.ToString(CultureInfo.InvariantCulture), StyleIndex = style,
            DataType = CellValues.SharedString, CellValue = new CellValue(strings.Add(text)),
        });
        for (var c = 1; c < columns; c++)
            row.Append(new Cell { CellReference = ColumnName(c) + index.ToString(CultureInfo.InvariantCulture), StyleIndex = style });
        return row;
    }

    private static uint XlsxStyle(GridCell cell) => cell.Kind switch
    {
        CellKind.Header => StyleHeader,
        CellKind.Number => StyleNumber,
        _ => StyleLabel,
    };

    /// <summary>"A3:C5" for a merged cell (1-based rows after the title and heading).</summary>
    internal static string MergeRange(GridCell cell) =>
        ColumnName(cell.Column) + (FirstTableRow + cell.Row).ToString(CultureInfo.InvariantCulture) + ":" +
        ColumnName(cell.Column + cell.ColumnSpan - 1) + (FirstTableRow + cell.Row + cell.RowSpan - 1).ToString(CultureInfo.InvariantCulture);

    internal static string ColumnName(int index) =>
        index < 26 ? ((char)('A' + index)).ToString() : ColumnName(index / 26 - 1) + (char)('A' + index % 26);

    /// <summary>Row heights (points) so wrapped text shows in full: Excel does not grow rows for merged cells.</summary>
    private static double[] RowHeights(GridTable table)
    {
        const double line = 14.5, padding = 4, minimum = 20;
        var heights = Enumerable.Repeat(minimum, table.Rows).ToArray();
        foreach (var cell in table.Cells.Where(c => c.Number is null).OrderBy(c => c.RowSpan))
        {
            var width = table.Widths.Skip(cell.Column).Take(cell.ColumnSpan).Sum() - 1;
            var needed = Math.Ceiling(TextWidth(cell.Text ?? "") / Math.Max(1, width)) * line + padding;
            var rows = Enumerable.Range(cell.Row, cell.RowSpan).ToList();
            var have = rows.Sum(r => heights[r]);
            if (needed > have)
                foreach (var r in rows) heights[r] += (needed - have) / rows.Count;
        }
        return heights;
    }

    /// <summary>Approximate width in Excel character units: a CJK character is two.</summary>
    private static double TextWidth(string text) => text.Sum(ch => ch > 0x2E7F ? 2.0 : 1.0);

    private static Stylesheet XlsxStylesheet()
    {
        static Font MakeFont(string name, double size, bool bold)
        {
            var font = new Font();
            if (bold) font.Append(new Bold());
            font.Append(new FontSize { Val = size }, new FontName { Val = name }, new FontFamilyNumbering { Val = 3 }, new FontCharSet { Val = 134 });
            return font;
        }

        static Border Thin() => new(
            new LeftBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
            new RightBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
            new TopBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
            new BottomBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
            new DiagonalBorder());

        static CellFormat Format(uint font, uint border, HorizontalAlignmentValues horizontal, bool wrap) => new(
            new Alignment { Horizontal = horizontal, Vertical = VerticalAlignmentValues.Center, WrapText = wrap })
        {
            NumberFormatId = 0U, FontId = font, FillId = 0U, BorderId = border, FormatId = 0U,
            ApplyFont = true, ApplyBorder = border != 0, ApplyAlignment = true,
        };

        return new Stylesheet(
            new Fonts(MakeFont(TableFont, 11, false), MakeFont(TableFont, 16, true), MakeFont(HeadingFont, 12, false)) { Count = 3U },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2U },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), Thin()) { Count = 2U },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U }) { Count = 1U },
            new CellFormats(
                new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U },
                Format(1, 0, HorizontalAlignmentValues.Center, true), // title
                Format(2, 0, HorizontalAlignmentValues.Left, false), // section heading
                Format(0, 1, HorizontalAlignmentValues.Center, true), // header
                Format(0, 1, HorizontalAlignmentValues.Left, true), // label
                Format(0, 1, HorizontalAlignmentValues.Center, false), // number
                Format(0, 0, HorizontalAlignmentValues.Left, true)) // note below a table
            { Count = 7U },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0U, BuiltinId = 0U }) { Count = 1U });
    }
}
