using CaseFlow.Domain.Outcomes;
using OutcomeList = CaseFlow.Domain.Outcomes.Outcomes;

namespace CaseFlow.Domain.Tests.Outcomes;

/// <summary>The 办理结果 taxonomy of domain.md §4 (国办公开办函〔2021〕30号 table 三).</summary>
public class OutcomesTests
{
    [Fact]
    public void There_are_exactly_21_codes_in_table_order()
    {
        Assert.Equal(
        [
            "Disclosed",
            "PartlyDisclosed",
            "Withheld.StateSecret",
            "Withheld.ProhibitedByLaw",
            "Withheld.Security",
            "Withheld.ThirdParty",
            "Withheld.Internal",
            "Withheld.Deliberative",
            "Withheld.EnforcementFile",
            "Withheld.QueryMatter",
            "Unavailable.NotHeld",
            "Unavailable.NeedsCreation",
            "Unavailable.StillUnclear",
            "NotProcessed.Petition",
            "NotProcessed.Repeated",
            "NotProcessed.Publication",
            "NotProcessed.Massive",
            "NotProcessed.Confirmation",
            "Other.NoCorrection",
            "Other.FeeUnpaid",
            "Other.Other",
        ], OutcomeList.All.Select(o => o.Code));
    }

    [Theory]
    [InlineData(0, "Disclosed", OutcomeGroup.Disclosed, "（一）", "予以公开", "条例第三十六条第（一）项、第（二）项")]
    [InlineData(1, "PartlyDisclosed", OutcomeGroup.PartlyDisclosed, "（二）", "部分公开", "条例第三十七条")]
    [InlineData(2, "Withheld.StateSecret", OutcomeGroup.Withheld, "（三）1", "属于国家秘密", "条例第十四条")]
    [InlineData(3, "Withheld.ProhibitedByLaw", OutcomeGroup.Withheld, "（三）2", "其他法律行政法规禁止公开", "条例第十四条")]
    [InlineData(4, "Withheld.Security", OutcomeGroup.Withheld, "（三）3", "危及“三安全一稳定”", "条例第十四条")]
    [InlineData(5, "Withheld.ThirdParty", OutcomeGroup.Withheld, "（三）4", "保护第三方合法权益", "条例第十五条、第三十二条")]
    [InlineData(6, "Withheld.Internal", OutcomeGroup.Withheld, "（三）5", "属于三类内部事务信息", "条例第十六条第一款")]
    [InlineData(7, "Withheld.Deliberative", OutcomeGroup.Withheld, "（三）6", "属于四类过程性信息", "条例第十六条第二款")]
    [InlineData(8, "Withheld.EnforcementFile", OutcomeGroup.Withheld, "（三）7", "属于行政执法案卷", "条例第十六条第二款")]
    [InlineData(9, "Withheld.QueryMatter", OutcomeGroup.Withheld, "（三）8", "属于行政查询事项", "条例第三十六条第（七）项")]
    [InlineData(10, "Unavailable.NotHeld", OutcomeGroup.Unavailable, "（四）1", "本机关不掌握相关政府信息", "条例第三十六条第（四）项、第（五）项")]
    [InlineData(11, "Unavailable.NeedsCreation", OutcomeGroup.Unavailable, "（四）2", "没有现成信息需要另行制作", "条例第三十八条")]
    [InlineData(12, "Unavailable.StillUnclear", OutcomeGroup.Unavailable, "（四）3", "补正后申请内容仍不明确", "条例第三十条")]
    [InlineData(13, "NotProcessed.Petition", OutcomeGroup.NotProcessed, "（五）1", "信访举报投诉类申请", "条例第三十九条第一款")]
    [InlineData(14, "NotProcessed.Repeated", OutcomeGroup.NotProcessed, "（五）2", "重复申请", "条例第三十六条第（六）项")]
    [InlineData(15, "NotProcessed.Publication", OutcomeGroup.NotProcessed, "（五）3", "要求提供公开出版物", "条例第三十九条第二款")]
    [InlineData(16, "NotProcessed.Massive", OutcomeGroup.NotProcessed, "（五）4", "无正当理由大量反复申请", "条例第三十五条")]
    [InlineData(17, "NotProcessed.Confirmation", OutcomeGroup.NotProcessed, "（五）5", "要求行政机关确认或重新出具已获取信息", "—")]
    [InlineData(18, "Other.NoCorrection", OutcomeGroup.Other, "（六）1", "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "条例第三十条")]
    [InlineData(19, "Other.FeeUnpaid", OutcomeGroup.Other, "（六）2", "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "国办函〔2020〕109号")]
    [InlineData(20, "Other.Other", OutcomeGroup.Other, "（六）3", "其他", "—")]
    public void Each_outcome_has_its_row_label_and_basis(int index, string code, OutcomeGroup group, string row, string label, string basis)
    {
        var o = OutcomeList.All[index];
        Assert.Equal(code, o.Code);
        Assert.Equal(group, o.Group);
        Assert.Equal(row, o.Row);
        Assert.Equal(label, o.Label);
        Assert.Equal(basis, o.LegalBasis);
        Assert.Equal(code, o.ToString());
        Assert.Equal(group == OutcomeGroup.Withheld, o.RefusesDisclosure);
        Assert.Same(o, OutcomeList.Find(code));
    }

    [Theory]
    [InlineData("Disclosed", "Disclosed")]
    [InlineData("disclosed", "Disclosed")]
    [InlineData("DISCLOSED", "Disclosed")]
    [InlineData("withheld.statesecret", "Withheld.StateSecret")]
    [InlineData("WITHHELD.SECURITY", "Withheld.Security")]
    [InlineData("  other.feeunpaid  ", "Other.FeeUnpaid")]
    [InlineData("予以公开", "Disclosed")]
    [InlineData("部分公开", "PartlyDisclosed")]
    [InlineData("属于国家秘密", "Withheld.StateSecret")]
    [InlineData("危及“三安全一稳定”", "Withheld.Security")]
    [InlineData("危及\"三安全一稳定\"", "Withheld.Security")]
    [InlineData("危及＂三安全一稳定＂", "Withheld.Security")]
    [InlineData("属于行政查询事项", "Withheld.QueryMatter")]
    [InlineData("本机关不掌握相关政府信息", "Unavailable.NotHeld")]
    [InlineData("补正后申请内容仍不明确", "Unavailable.StillUnclear")]
    [InlineData("重复申请", "NotProcessed.Repeated")]
    [InlineData("要求行政机关确认或重新出具已获取信息", "NotProcessed.Confirmation")]
    [InlineData("申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "Other.NoCorrection")]
    [InlineData("申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "Other.FeeUnpaid")]
    [InlineData("其他", "Other.Other")]
    public void TryParse_accepts_codes_and_labels(string text, string code)
    {
        Assert.True(OutcomeList.TryParse(text, out var o));
        Assert.Equal(code, o.Code);
    }

    [Fact]
    public void Every_code_and_label_round_trips()
    {
        foreach (var o in OutcomeList.All)
        {
            Assert.True(OutcomeList.TryParse(o.Code, out var byCode));
            Assert.Same(o, byCode);
            Assert.True(OutcomeList.TryParse(o.Code.ToLowerInvariant(), out var byLower));
            Assert.Same(o, byLower);
            Assert.True(OutcomeList.TryParse(o.Label, out var byLabel));
            Assert.Same(o, byLabel);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Withheld")]
    [InlineData("Withheld.Unknown")]
    [InlineData("不予公开")]
    [InlineData("（三）1")]
    public void TryParse_rejects_unknown_text(string? text) =>
        Assert.False(OutcomeList.TryParse(text, out _));

    [Fact]
    public void Find_throws_for_unknown_codes_and_named_shortcuts_point_at_the_right_rows()
    {
        Assert.Throws<ArgumentException>(() => OutcomeList.Find("Nope"));
        Assert.Equal("Disclosed", OutcomeList.Disclosed.Code);
        Assert.Equal("（六）1", OutcomeList.NoCorrection.Row);
        Assert.Equal("（六）2", OutcomeList.FeeUnpaid.Row);
        Assert.Equal("（六）3", OutcomeList.OtherOther.Row);
    }

    [Fact]
    public void Group_sizes_match_table_three()
    {
        Assert.Equal(21, OutcomeList.All.Count);
        Assert.Equal(1, OutcomeList.All.Count(o => o.Group == OutcomeGroup.Disclosed));
        Assert.Equal(1, OutcomeList.All.Count(o => o.Group == OutcomeGroup.PartlyDisclosed));
        Assert.Equal(8, OutcomeList.All.Count(o => o.Group == OutcomeGroup.Withheld));
        Assert.Equal(3, OutcomeList.All.Count(o => o.Group == OutcomeGroup.Unavailable));
        Assert.Equal(5, OutcomeList.All.Count(o => o.Group == OutcomeGroup.NotProcessed));
        Assert.Equal(3, OutcomeList.All.Count(o => o.Group == OutcomeGroup.Other));
        Assert.Equal(21, OutcomeList.All.Select(o => o.Code).Distinct().Count());
        Assert.Equal(21, OutcomeList.All.Select(o => o.Label).Distinct().Count());
    }
}

public class OutcomeRowLabelTests
{
    [Fact]
    public void The_qualified_row_label_of_table_3_means_partly_disclosed()
    {
        Assert.True(CaseFlow.Domain.Outcomes.Outcomes.TryParse("部分公开（区分处理的，只计这一情形，不计其他情形）", out var o));
        Assert.Equal("PartlyDisclosed", o.Code);
    }
}
