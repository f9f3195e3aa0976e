using System.Globalization;
using CaseFlow.Domain.Outcomes;
using CaseFlow.Domain.Reports;
using OutcomeList = CaseFlow.Domain.Outcomes.Outcomes;

namespace CaseFlow.Web.Features.Reports;

/// <summary>
/// Tables 二, 三 and 四 of the annual report in the layout of the national template (国办公开办函〔2021〕30号),
/// as .xlsx (<see cref="Xlsx"/>) and .docx (<see cref="Docx"/>). Both formats render the same
/// format-neutral grid (<see cref="Layout"/>): cells with their row and column spans, so merged headers,
/// labels and numbers are identical in both files.
/// </summary>
public static partial class ReportExport
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>The Chinese font of every table cell.</summary>
    public const string TableFont = "宋体";

    /// <summary>The font of the title and section headings in the .docx.</summary>
    public const string HeadingFont = "黑体";

    public const string Table2Heading = "二、主动公开政府信息情况";
    public const string Table3Heading = "三、收到和处理政府信息公开申请情况";
    public const string Table4Heading = "四、政府信息公开行政复议、行政诉讼情况";
    public const string FeesHeading = "六、信息处理费";
    public const string ExtrasHeading = "附：其他统计指标";

    /// <summary>What reports write about section 六's fees: "未收取信息处理费。" when there were neither notices nor
    /// payments in the year, else the three figures (the page and both exports say the same).</summary>
    public static string FeesSentence(Fees fees)
    {
        ArgumentNullException.ThrowIfNull(fees);
        return fees.Notices == 0 && fees.CollectedYuan == 0
            ? "未收取信息处理费。"
            : $"本年发出收费通知 {fees.Notices.ToString(CultureInfo.InvariantCulture)} 件，通知金额 {FormatNumber(fees.NotifiedYuan)} 元，实际收取 {FormatNumber(fees.CollectedYuan)} 元。";
    }

    public const string Table3Corner = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

    /// <summary>"{agencyName}{year}年度政府信息公开工作年度报告（统计表）".</summary>
    public static string Title(AnnualReport report, string agencyName) =>
        $"{agencyName}{report.Year.ToString(CultureInfo.InvariantCulture)}年度政府信息公开工作年度报告（统计表）";

    /// <summary>The Chinese file name of an export, e.g. "芙蓉区2023年度政府信息公开工作年度报告（统计表）.xlsx".</summary>
    public static string ChineseFileName(AnnualReport report, string agencyName, string extension) =>
        string.Concat((Title(report, agencyName) + "." + extension).Select(c => Path.GetInvalidFileNameChars().Contains(c) || c == '"' ? '_' : c));

    internal enum CellKind
    {
        /// <summary>A column or group header, centred.</summary>
        Header,

        /// <summary>A row label, left-aligned.</summary>
        Label,

        /// <summary>A figure.</summary>
        Number,
    }

    /// <summary>One cell of a table grid; a merged cell is one entry with spans &gt; 1 (its top-left corner).</summary>
    internal sealed record GridCell(int Row, int Column, int RowSpan, int ColumnSpan, CellKind Kind, string? Text, decimal? Number)
    {
        public string Display => Number is { } n ? FormatNumber(n) : Text ?? "";

        /// <summary>The report cell a computed figure comes from (table-三 row and column, or table-四 group and result),
        /// so the web page can link it to its cases; null for labels and typed-in figures.</summary>
        public (string Row, string Column)? Source { get; init; }
    }

    /// <param name="Key">"表二", "表三", "表四": the worksheet name.</param>
    /// <param name="Heading">the section heading above the table.</param>
    /// <param name="Widths">relative column widths (Excel character units; the .docx scales them to the page).</param>
    /// <param name="HeaderRows">rows repeated at the top of each page.</param>
    internal sealed record GridTable(string Key, string Heading, IReadOnlyList<double> Widths, int HeaderRows, IReadOnlyList<GridCell> Cells)
    {
        /// <summary>Sentences printed below the table (section 六's wording, the older indicators' convention).</summary>
        public IReadOnlyList<string> Notes { get; init; } = [];

        public int Columns => Widths.Count;
        public int Rows => Cells.Max(c => c.Row + c.RowSpan);

        /// <summary>The cell covering (row, column): the merged cell's corner, or null.</summary>
        public GridCell? At(int row, int column) =>
            Cells.FirstOrDefault(c => row >= c.Row && row < c.Row + c.RowSpan && column >= c.Column && column < c.Column + c.ColumnSpan);
    }

    /// <summary>Numbers as printed: integers without decimals, amounts without trailing zeros.</summary>
    internal static string FormatNumber(decimal n) => n.ToString("0.############", CultureInfo.InvariantCulture);

    /// <summary>表二, 表三, 表四 (the national form), then 六 (fees) and the older indicators.</summary>
    internal static IReadOnlyList<GridTable> Layout(AnnualReport report) =>
        [Table2Grid(report.Table2), Table3Grid(report), Table4Grid(report), FeesGrid(report.Fees), ExtrasGrid(report)];

    // ---- 六、信息处理费 ---------------------------------------------------------------------------------------

    internal static readonly IReadOnlyList<string> FeesLabels = ["本年发出收费通知（件）", "通知收取金额（元）", "实际收取金额（元）"];

    private static GridTable FeesGrid(Fees fees)
    {
        List<GridCell> cells =
        [
            new(0, 0, 1, 1, CellKind.Header, "事项", null),
            new(0, 1, 1, 1, CellKind.Header, "本年数", null),
        ];
        decimal[] figures = [fees.Notices, fees.NotifiedYuan, fees.CollectedYuan];
        for (var i = 0; i < figures.Length; i++)
        {
            cells.Add(new(1 + i, 0, 1, 1, CellKind.Label, FeesLabels[i], null));
            cells.Add(new(1 + i, 1, 1, 1, CellKind.Number, null, figures[i]));
        }
        return new GridTable("六、信息处理费", FeesHeading, [40, 24], 1, cells) { Notes = [FeesSentence(fees)] };
    }

    // ---- 其他统计指标 -----------------------------------------------------------------------------------------

    internal static readonly IReadOnlyList<(string Key, string Label)> ConclusionLabels =
    [
        (ReportKeys.ConcludedOnTime, "按时办结数"), (ReportKeys.ConcludedAfterExtension, "延期办结数"), (ReportKeys.ConcludedLate, "逾期办结数"),
    ];

    /// <summary>The older indicators: new applications by channel, then concluded on time / after extension / late and
    /// their sum, which is table 三 (七) 总计. Each figure drills down to its cases (row "Extras").</summary>
    private static GridTable ExtrasGrid(AnnualReport report)
    {
        var x = report.Extras;
        var cells = new List<GridCell>
        {
            new(0, 0, 1, 1, CellKind.Header, "指标", null),
            new(0, 1, 1, 1, CellKind.Header, "本年数", null),
        };
        var row = 1;
        cells.Add(new(row++, 0, 1, 2, CellKind.Label, "本年新收申请，按收件渠道", null));
        foreach (var channel in Enum.GetValues<Domain.Cases.Channel>())
        {
            cells.Add(new(row, 0, 1, 1, CellKind.Label, Domain.Cases.Labels.Channels[channel], null));
            cells.Add(new(row++, 1, 1, 1, CellKind.Number, null, x.ByChannel.TryGetValue(channel.ToString(), out var n) ? n : 0)
            {
                Source = (ReportKeys.Extras, channel.ToString()),
            });
        }
        cells.Add(new(row++, 0, 1, 2, CellKind.Label, "本年办结申请，按办理时限（按首次办结计算）", null));
        int[] counts = [x.ConcludedOnTime, x.ConcludedAfterExtension, x.ConcludedLate];
        for (var i = 0; i < counts.Length; i++)
        {
            cells.Add(new(row, 0, 1, 1, CellKind.Label, ConclusionLabels[i].Label, null));
            cells.Add(new(row++, 1, 1, 1, CellKind.Number, null, counts[i]) { Source = (ReportKeys.Extras, ConclusionLabels[i].Key) });
        }
        cells.Add(new(row, 0, 1, 1, CellKind.Label, "合计（等于表三（七）总计）", null));
        // Not a link: its cases are table 三's (七) 总计, which links to them already (and one cell per figure keeps the
        // page's data-row/data-column pairs unique).
        cells.Add(new(row, 1, 1, 1, CellKind.Number, null, counts.Sum()));
        return new GridTable("其他统计指标", ExtrasHeading, [40, 24], 1, cells) { Notes = [Extras.ConventionText] };
    }

    // ---- 表二 ----------------------------------------------------------------------------------------------

    private static GridTable Table2Grid(Table2 t)
    {
        var cells = new List<GridCell>();
        var row = 0;
        void Section(string text) => cells.Add(new(row++, 0, 1, 4, CellKind.Header, text, null));
        void Head(params string[] texts)
        {
            cells.Add(new(row, 0, 1, 1, CellKind.Header, "信息内容", null));
            if (texts.Length == 1) cells.Add(new(row, 1, 1, 3, CellKind.Header, texts[0], null));
            else for (var i = 0; i < texts.Length; i++) cells.Add(new(row, 1 + i, 1, 1, CellKind.Header, texts[i], null));
            row++;
        }
        void Numbers(string label, params decimal[] numbers)
        {
            cells.Add(new(row, 0, 1, 1, CellKind.Label, label, null));
            if (numbers.Length == 1) cells.Add(new(row, 1, 1, 3, CellKind.Number, null, numbers[0]));
            else for (var i = 0; i < numbers.Length; i++) cells.Add(new(row, 1 + i, 1, 1, CellKind.Number, null, numbers[i]));
            row++;
        }

        Section("第二十条第（一）项");
        Head("本年制发件数", "本年废止件数", "现行有效件数");
        Numbers("规章", t.Regulations.Issued, t.Regulations.Repealed, t.Regulations.InForce);
        Numbers("行政规范性文件", t.NormativeDocuments.Issued, t.NormativeDocuments.Repealed, t.NormativeDocuments.InForce);
        Section("第二十条第（五）项");
        Head("本年处理决定数量");
        Numbers("行政许可", t.LicensingDecisions);
        Section("第二十条第（六）项");
        Head("本年处理决定数量");
        Numbers("行政处罚", t.PenaltyDecisions);
        Numbers("行政强制", t.EnforcementDecisions);
        Section("第二十条第（八）项");
        Head("本年收费金额（单位：万元）");
        Numbers("行政事业性收费", t.FeesTenThousandYuan);
        return new GridTable("表二", Table2Heading, [24, 18, 18, 18], 0, cells);
    }

    // ---- 表三 ----------------------------------------------------------------------------------------------

    /// <summary>The six applicant columns and 总计, as printed.</summary>
    internal static readonly IReadOnlyList<string> Table3ColumnLabels = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"];

    internal static readonly IReadOnlyDictionary<OutcomeGroup, string> GroupLabels = new Dictionary<OutcomeGroup, string>
    {
        [OutcomeGroup.Withheld] = "（三）不予公开",
        [OutcomeGroup.Unavailable] = "（四）无法提供",
        [OutcomeGroup.NotProcessed] = "（五）不予处理",
        [OutcomeGroup.Other] = "（六）其他处理",
    };

    /// <summary>The printed label of an outcome row without its group: "（一）予以公开", "1.属于国家秘密".</summary>
    internal static string OutcomeRowLabel(Outcome o) => o.Group switch
    {
        OutcomeGroup.Disclosed => o.Row + o.Label,
        OutcomeGroup.PartlyDisclosed => o.Row + o.Label + "（区分处理的，只计这一情形，不计其他情形）",
        _ => o.Row[(o.Row.IndexOf('）', StringComparison.Ordinal) + 1)..] + "." + o.Label,
    };

    private static GridTable Table3Grid(AnnualReport report)
    {
        var rows = report.Table3.Rows;
        var cells = new List<GridCell>
        {
            new(0, 0, 3, 3, CellKind.Header, Table3Corner, null),
            new(0, 3, 1, 7, CellKind.Header, "申请人情况", null),
            new(1, 3, 2, 1, CellKind.Header, Table3ColumnLabels[0], null),
            new(1, 4, 1, 5, CellKind.Header, "法人或其他组织", null),
            new(1, 9, 2, 1, CellKind.Header, Table3ColumnLabels[6], null),
        };
        for (var i = 1; i <= 5; i++) cells.Add(new(2, 3 + i, 1, 1, CellKind.Header, Table3ColumnLabels[i], null));

        var row = 3;
        void Figures(string key)
        {
            var counts = rows.TryGetValue(key, out var c) ? c : new int[7];
            for (var i = 0; i < 7; i++)
                cells.Add(new(row, 3 + i, 1, 1, CellKind.Number, null, i < counts.Length ? counts[i] : 0) { Source = (key, ReportKeys.Table3Columns[i]) });
            row++;
        }
        void Line(int column, string label, string key)
        {
            cells.Add(new(row, column, 1, 3 - column, CellKind.Label, label, null));
            Figures(key);
        }

        Line(0, "一、本年新收政府信息公开申请数量", ReportKeys.New);
        Line(0, "二、上年结转政府信息公开申请数量", ReportKeys.CarriedIn);
        var outcomes = OutcomeList.All;
        cells.Add(new(row, 0, outcomes.Count + 1, 1, CellKind.Label, "三、本年度办理结果", null));
        foreach (var group in outcomes.GroupBy(o => o.Group))
        {
            if (GroupLabels.TryGetValue(group.Key, out var groupLabel))
            {
                cells.Add(new(row, 1, group.Count(), 1, CellKind.Label, groupLabel, null));
                foreach (var o in group) Line(2, OutcomeRowLabel(o), o.Code);
            }
            else
            {
                foreach (var o in group) Line(1, OutcomeRowLabel(o), o.Code);
            }
        }
        Line(1, "（七）总计", ReportKeys.ConcludedTotal);
        Line(0, "四、结转下年度继续办理", ReportKeys.CarriedOut);
        return new GridTable("表三", Table3Heading, [9, 16, 31, 8, 8, 8, 8, 8, 8, 8], 3, cells);
    }

    // ---- 表四 ----------------------------------------------------------------------------------------------

    internal static readonly IReadOnlyList<string> Table4ResultLabels = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];

    private static GridTable Table4Grid(AnnualReport report)
    {
        var cells = new List<GridCell>
        {
            new(0, 0, 2, 5, CellKind.Header, "行政复议", null),
            new(0, 5, 1, 10, CellKind.Header, "行政诉讼", null),
            new(1, 5, 1, 5, CellKind.Header, "未经复议直接起诉", null),
            new(1, 10, 1, 5, CellKind.Header, "复议后起诉", null),
        };
        for (var g = 0; g < ReportKeys.Table4Groups.Count; g++)
        {
            report.Table4.TryGetValue(ReportKeys.Table4Groups[g], out var counts);
            for (var r = 0; r < ReportKeys.Table4Results.Count; r++)
            {
                var column = g * 5 + r;
                cells.Add(new(2, column, 1, 1, CellKind.Header, Table4ResultLabels[r], null));
                cells.Add(new(3, column, 1, 1, CellKind.Number, null, counts is not null && counts.TryGetValue(ReportKeys.Table4Results[r], out var n) ? n : 0)
                {
                    Source = (ReportKeys.Table4Groups[g], ReportKeys.Table4Results[r]),
                });
            }
        }
        return new GridTable("表四", Table4Heading, [.. Enumerable.Repeat(9.0, 15)], 3, cells);
    }
}
