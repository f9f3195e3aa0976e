using CaseFlow.Domain.Cases;
using static CaseFlow.Domain.Tests.TestSupport;

namespace CaseFlow.Domain.Tests.Cases;

/// <summary>Issue 12 item 7, domain.md §2.6: each item of an application gets its own outcome and reasons; the case counts
/// with one outcome — 部分公开 when some information is released and some withheld, otherwise the main item's (the first
/// item's when none is marked). The expected outcomes are read off the rule book, not computed.</summary>
public class ReplyItemsTests
{
    private static ItemOutcome Item(string outcome, string? reasons = "理由") => new("事项", outcome, reasons);

    [Theory]
    // released and withheld → 部分公开, whichever item is main
    [InlineData("Disclosed", "Withheld.StateSecret", null, "PartlyDisclosed")]
    [InlineData("Withheld.ThirdParty", "Disclosed", 1, "PartlyDisclosed")]
    // an item itself partly disclosed → 部分公开
    [InlineData("Unavailable.NotHeld", "PartlyDisclosed", 1, "PartlyDisclosed")]
    // nothing withheld: the main item's outcome, the first by default
    [InlineData("Disclosed", "Unavailable.NotHeld", null, "Disclosed")]
    [InlineData("Disclosed", "Unavailable.NotHeld", 2, "Unavailable.NotHeld")]
    [InlineData("Unavailable.NeedsCreation", "NotProcessed.Repeated", null, "Unavailable.NeedsCreation")]
    // withheld without anything released is not a separation: the main item's
    [InlineData("Withheld.StateSecret", "Unavailable.NotHeld", 2, "Unavailable.NotHeld")]
    [InlineData("Withheld.StateSecret", "Withheld.Internal", null, "Withheld.StateSecret")]
    public void The_case_counts_with_the_outcome_of_section_2_6(string first, string second, int? main, string expected)
    {
        var decision = ReplyItems.CaseOutcome([Item(first), Item(second)], main);
        Assert.Equal(expected, decision.Outcome.Code);
        Assert.False(string.IsNullOrWhiteSpace(decision.Rule));
    }

    [Fact]
    public void The_rule_is_said_in_words()
    {
        Assert.Contains("只计为“部分公开”", ReplyItems.CaseOutcome([Item("Disclosed"), Item("Withheld.Security")], null).Rule);
        Assert.Contains("第1个事项", ReplyItems.CaseOutcome([Item("Disclosed"), Item("Unavailable.NotHeld")], null).Rule);
        Assert.Contains("主要事项（第2个）", ReplyItems.CaseOutcome([Item("Disclosed"), Item("Unavailable.NotHeld")], 2).Rule);
    }

    [Fact]
    public void The_main_item_must_be_one_of_the_items()
    {
        var e = Assert.Throws<CaseRuleException>(() => ReplyItems.CaseOutcome([Item("Disclosed"), Item("Unavailable.NotHeld")], 3));
        Assert.Equal("mainItem", e.Field);
    }

    [Fact]
    public void Each_item_keeps_its_own_rules()
    {
        Assert.Equal("items[1].reasons", Assert.Throws<CaseRuleException>(() => ReplyItems.CheckItem(Item("Withheld.StateSecret", null), 1)).Field);
        ReplyItems.CheckItem(Item("Disclosed", null), 0); // 予以公开 needs no reasons
        Assert.Equal("items[0].responsibleAgency", Assert.Throws<CaseRuleException>(() =>
            ReplyItems.CheckItem(new ItemOutcome("事项", "Unavailable.NeedsCreation", "需另行制作", ResponsibleAgency: "市教育局"), 0)).Field);
        Assert.Equal("items[0].responsibleAgencyContact", Assert.Throws<CaseRuleException>(() =>
            ReplyItems.CheckItem(new ItemOutcome("事项", "Unavailable.NotHeld", "不属本机关职责", ResponsibleAgencyContact: "0731-88888888"), 0)).Field);
        ReplyItems.CheckItem(new ItemOutcome("事项", "Unavailable.NotHeld", "不属本机关职责", "市教育局", "0731-88888888"), 0);
    }

    [Fact]
    public void A_draft_with_items_takes_the_registered_items_and_counts_with_the_derived_outcome()
    {
        var c = DisclosureRequest.Register(
            new DisclosureRequest.Registration(Channel.InPerson, D("2026-02-12"), null, null, ApplicantColumn.NaturalPerson, "张三", null, null, null, null,
                "两项信息", null, null, Items: ["2025年某项目环评批复", "  ", "该项目的招标文件"]),
            "demo", 1, "disclosure-request", 2, "registered", "officer", new DateTime(2026, 2, 12, 2, 0, 0, DateTimeKind.Utc), Shipped);
        Assert.Equal(["2025年某项目环评批复", "该项目的招标文件"], c.Details.RequestedItems);

        var tooFew = Assert.Throws<CaseRuleException>(() => c.SubmitDraft(null, "答复", "officer", DateTime.UtcNow, [new ItemOutcome("", "Disclosed")]));
        Assert.Equal("items", tooFew.Field);

        var items = new[] { new ItemOutcome("", "予以公开"), new ItemOutcome("", "Withheld.ThirdParty", "涉及第三方商业秘密") };
        var mismatch = Assert.Throws<CaseRuleException>(() => c.SubmitDraft("Disclosed", "答复。可依法申请行政复议。", "officer", DateTime.UtcNow, items));
        Assert.Equal("outcome", mismatch.Field);
        Assert.Contains("部分公开", mismatch.Message);
        // a refusal of any item must tell the applicant that review comes first
        Assert.Equal("text", Assert.Throws<CaseRuleException>(() => c.SubmitDraft(null, "答复。", "officer", DateTime.UtcNow, items)).Field);

        var draft = c.SubmitDraft(null, "答复。对不予公开部分不服的，可以依法申请行政复议。", "officer", DateTime.UtcNow, items);
        Assert.Equal("PartlyDisclosed", draft.Outcome);
        Assert.Equal("2025年某项目环评批复", draft.Items![0].Item);
        Assert.Equal("Disclosed", draft.Items[0].Outcome); // the label was stored as its code
        Assert.Equal("该项目的招标文件", draft.Items[1].Item);
        Assert.Contains("区分处理", draft.OutcomeRule);
    }

    [Fact]
    public void A_draft_without_items_answers_the_whole_application_as_one_item()
    {
        var c = DisclosureRequestTests.Register();
        var draft = c.SubmitDraft("Unavailable.NotHeld", "经检索，本机关未制作或获取该信息。", "officer", DateTime.UtcNow);
        Assert.Equal("Unavailable.NotHeld", draft.Outcome);
        var item = Assert.Single(draft.Items!);
        Assert.Equal("2025年某项目的环评批复", item.Item);
        Assert.Equal("Unavailable.NotHeld", item.Outcome);
        Assert.Equal("outcome", Assert.Throws<CaseRuleException>(() => c.SubmitDraft(null, "答复", "officer", DateTime.UtcNow)).Field);
    }

    [Fact]
    public void Reply_lines_name_the_responsible_agency()
    {
        var lines = ReplyItems.Lines([new ItemOutcome("学校招生计划", "Unavailable.NotHeld", "不属于本机关职责", "市教育局", "0731-88888888")]).ToList();
        Assert.Equal("1. 学校招生计划：本机关不掌握相关政府信息（条例第三十六条第（四）项、第（五）项）。理由：不属于本机关职责。该信息由市教育局负责公开，联系方式：0731-88888888。", Assert.Single(lines));
    }
}
