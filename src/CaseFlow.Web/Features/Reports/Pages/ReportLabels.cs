using CaseFlow.Domain.Reports;
using OutcomeList = CaseFlow.Domain.Outcomes.Outcomes;

namespace CaseFlow.Web.Features.Reports.Pages;

/// <summary>The printed labels (those of the national form, as the exports write them) of a report cell's row and
/// column keys, for the drill-down page's heading.</summary>
public static class ReportLabels
{
    public static bool IsTable3Row(string key) => ReportKeys.Table3Rows.Contains(key);

    /// <summary>"一、本年新收政府信息公开申请数量", "三、本年度办理结果 （三）不予公开 1.属于国家秘密", …; null for an unknown key.</summary>
    public static string? Table3Row(string key)
    {
        switch (key)
        {
            case ReportKeys.New: return "一、本年新收政府信息公开申请数量";
            case ReportKeys.CarriedIn: return "二、上年结转政府信息公开申请数量";
            case ReportKeys.ConcludedTotal: return "三、本年度办理结果 （七）总计";
            case ReportKeys.CarriedOut: return "四、结转下年度继续办理";
        }
        if (!ReportKeys.Table3Rows.Contains(key) || !OutcomeList.TryParse(key, out var o)) return null;
        var group = ReportExport.GroupLabels.TryGetValue(o.Group, out var g) ? g + " " : "";
        return "三、本年度办理结果 " + group + ReportExport.OutcomeRowLabel(o);
    }

    /// <summary>"自然人", "法人或其他组织 商业企业", …, "总计"; null for an unknown key.</summary>
    public static string? Table3Column(string key)
    {
        var i = IndexOf(ReportKeys.Table3Columns, key);
        if (i < 0) return null;
        return i is >= 1 and <= 5 ? "法人或其他组织 " + ReportExport.Table3ColumnLabels[i] : ReportExport.Table3ColumnLabels[i];
    }

    /// <summary>"行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）"; null for an unknown key.</summary>
    public static string? Table4Group(string key) => ReportKeys.Table4Groups.Contains(key) ? ReportKeys.Table4GroupLabel(key) : null;

    /// <summary>"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"; null for an unknown key.</summary>
    public static string? Table4Result(string key)
    {
        var i = IndexOf(ReportKeys.Table4Results, key);
        return i < 0 ? null : ReportExport.Table4ResultLabels[i];
    }

    /// <summary>"逾期办结数", "本年新收申请（当面）", …; null for an unknown older-indicator key.</summary>
    public static string? ExtrasKey(string key)
    {
        foreach (var (k, label) in ReportExport.ConclusionLabels)
            if (k == key) return label;
        return Enum.TryParse<Domain.Cases.Channel>(key, out var channel) && ReportKeys.ExtrasKeys.Contains(key)
            ? $"本年新收申请（{Domain.Cases.Labels.Channels[channel]}）"
            : null;
    }

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
            if (string.Equals(list[i], value, StringComparison.Ordinal)) return i;
        return -1;
    }
}
