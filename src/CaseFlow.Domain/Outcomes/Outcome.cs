namespace CaseFlow.Domain.Outcomes;

/// <summary>The table-三 group an outcome belongs to (国办公开办函〔2021〕30号).</summary>
public enum OutcomeGroup
{
    Disclosed,
    PartlyDisclosed,
    Withheld,
    Unavailable,
    NotProcessed,
    Other,
}

/// <summary>One 办理结果. <see cref="Code"/> is what is stored and exchanged (e.g. <c>Withheld.StateSecret</c>).</summary>
public sealed record Outcome(string Code, OutcomeGroup Group, string Row, string Label, string LegalBasis)
{
    /// <summary>A refusal must tell the applicant that administrative review comes before a lawsuit (行政复议法 2023 art 23).</summary>
    public bool RefusesDisclosure => Group == OutcomeGroup.Withheld;

    public override string ToString() => Code;
}

public static class Outcomes
{
    public static readonly IReadOnlyList<Outcome> All =
    [
        new("Disclosed", OutcomeGroup.Disclosed, "（一）", "予以公开", "条例第三十六条第（一）项、第（二）项"),
        new("PartlyDisclosed", OutcomeGroup.PartlyDisclosed, "（二）", "部分公开", "条例第三十七条"),
        new("Withheld.StateSecret", OutcomeGroup.Withheld, "（三）1", "属于国家秘密", "条例第十四条"),
        new("Withheld.ProhibitedByLaw", OutcomeGroup.Withheld, "（三）2", "其他法律行政法规禁止公开", "条例第十四条"),
        new("Withheld.Security", OutcomeGroup.Withheld, "（三）3", "危及“三安全一稳定”", "条例第十四条"),
        new("Withheld.ThirdParty", OutcomeGroup.Withheld, "（三）4", "保护第三方合法权益", "条例第十五条、第三十二条"),
        new("Withheld.Internal", OutcomeGroup.Withheld, "（三）5", "属于三类内部事务信息", "条例第十六条第一款"),
        new("Withheld.Deliberative", OutcomeGroup.Withheld, "（三）6", "属于四类过程性信息", "条例第十六条第二款"),
        new("Withheld.EnforcementFile", OutcomeGroup.Withheld, "（三）7", "属于行政执法案卷", "条例第十六条第二款"),
        new("Withheld.QueryMatter", OutcomeGroup.Withheld, "（三）8", "属于行政查询事项", "条例第三十六条第（七）项"),
        new("Unavailable.NotHeld", OutcomeGroup.Unavailable, "（四）1", "本机关不掌握相关政府信息", "条例第三十六条第（四）项、第（五）项"),
        new("Unavailable.NeedsCreation", OutcomeGroup.Unavailable, "（四）2", "没有现成信息需要另行制作", "条例第三十八条"),
        new("Unavailable.StillUnclear", OutcomeGroup.Unavailable, "（四）3", "补正后申请内容仍不明确", "条例第三十条"),
        new("NotProcessed.Petition", OutcomeGroup.NotProcessed, "（五）1", "信访举报投诉类申请", "条例第三十九条第一款"),
        new("NotProcessed.Repeated", OutcomeGroup.NotProcessed, "（五）2", "重复申请", "条例第三十六条第（六）项"),
        new("NotProcessed.Publication", OutcomeGroup.NotProcessed, "（五）3", "要求提供公开出版物", "条例第三十九条第二款"),
        new("NotProcessed.Massive", OutcomeGroup.NotProcessed, "（五）4", "无正当理由大量反复申请", "条例第三十五条"),
        new("NotProcessed.Confirmation", OutcomeGroup.NotProcessed, "（五）5", "要求行政机关确认或重新出具已获取信息", "—"),
        new("Other.NoCorrection", OutcomeGroup.Other, "（六）1", "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "条例第三十条"),
        new("Other.FeeUnpaid", OutcomeGroup.Other, "（六）2", "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "国办函〔2020〕109号"),
        new("Other.Other", OutcomeGroup.Other, "（六）3", "其他", "—"),
    ];

    public static Outcome Disclosed => All[0];
    public static Outcome PartlyDisclosed => All[1];
    public static Outcome NotHeld => Find("Unavailable.NotHeld");
    public static Outcome NoCorrection => Find("Other.NoCorrection");
    public static Outcome FeeUnpaid => Find("Other.FeeUnpaid");
    public static Outcome OtherOther => Find("Other.Other");

    private static readonly Dictionary<string, Outcome> ByCodeOrLabel = BuildLookup();

    public static Outcome Find(string code) =>
        TryParse(code, out var o) ? o : throw new ArgumentException($"Unknown outcome code '{code}'.", nameof(code));

    /// <summary>Accepts a code (case-insensitive) or the Chinese label; straight quotes stand for curly ones.</summary>
    public static bool TryParse(string? text, out Outcome outcome)
    {
        outcome = null!;
        if (string.IsNullOrWhiteSpace(text)) return false;
        if (!ByCodeOrLabel.TryGetValue(Normalize(text), out var found)) return false;
        outcome = found;
        return true;
    }

    private static Dictionary<string, Outcome> BuildLookup()
    {
        var map = new Dictionary<string, Outcome>(StringComparer.OrdinalIgnoreCase);
        foreach (var o in All)
        {
            map[o.Code] = o;
            map[Normalize(o.Label)] = o;
        }
        // Ledgers often copy table 三's row label, which qualifies 部分公开.
        map[Normalize("部分公开（区分处理的，只计这一情形，不计其他情形）")] = map["PartlyDisclosed"];
        return map;
    }

    private static string Normalize(string s) =>
        s.Trim().Replace('“', '"').Replace('”', '"').Replace('＂', '"');
}
