using CaseFlow.Domain.Outcomes;

namespace CaseFlow.Domain.Cases;

/// <summary>One item (事项) of an application with the outcome and reasons its reply gives. For 本机关不掌握 under
/// art 36(5) the reply names the agency responsible and its contact when known.</summary>
public sealed record ItemOutcome(string Item, string Outcome, string? Reasons = null, string? ResponsibleAgency = null, string? ResponsibleAgencyContact = null);

/// <summary>
/// The items of a reply and the one outcome the case counts with (domain.md §2.6): 部分公开 whenever some information is
/// released and some withheld (an item itself partly disclosed, or one item disclosed and another 不予公开 — the art 37
/// separation, which counts only as 部分公开); otherwise the outcome of the item the officer marks as the main one, the
/// first item when none is marked.
/// </summary>
public static class ReplyItems
{
    public const int MaxItems = 50;

    public sealed record Decision(Outcome Outcome, string Rule);

    /// <summary>The case's outcome and the sentence that says why (shown in the API, on the case and review pages).
    /// <paramref name="mainItem"/> is 1-based. Throws <see cref="CaseRuleException"/> naming the field.</summary>
    public static Decision CaseOutcome(IReadOnlyList<ItemOutcome> items, int? mainItem)
    {
        if (items.Count == 0) throw new CaseRuleException("items", "至少须有一个事项。");
        if (items.Count > MaxItems) throw new CaseRuleException("items", $"一份答复最多 {MaxItems} 个事项。");
        var outcomes = items.Select((x, i) => Outcomes.Outcomes.TryParse(x.Outcome, out var o) ? o
            : throw new CaseRuleException($"items[{i}].outcome", $"“{x.Outcome}”不是办理结果代码。")).ToList();
        if (mainItem is { } m && (m < 1 || m > items.Count))
            throw new CaseRuleException("mainItem", $"主要事项须为 1 至 {items.Count} 之间的序号。");

        var releases = outcomes.Any(o => o.Group is OutcomeGroup.Disclosed or OutcomeGroup.PartlyDisclosed);
        var withholds = outcomes.Any(o => o.Group is OutcomeGroup.Withheld);
        if (outcomes.Any(o => o.Group == OutcomeGroup.PartlyDisclosed) || releases && withholds)
            return new Decision(Outcomes.Outcomes.PartlyDisclosed,
                "部分信息予以公开、部分不予公开，属区分处理（条例第三十七条），统计时只计为“部分公开”。");
        if (items.Count == 1)
            return new Decision(outcomes[0], "只有一个事项，以其办理结果统计。");
        var main = mainItem ?? 1;
        return new Decision(outcomes[main - 1], mainItem is null
            ? $"未标明主要事项，以第1个事项的办理结果“{outcomes[0].Label}”统计。"
            : $"以标明的主要事项（第{main}个）的办理结果“{outcomes[main - 1].Label}”统计。");
    }

    /// <summary>The rules each item keeps on its own: reasons for every outcome but 予以公开; the responsible agency only
    /// for 本机关不掌握, and its contact only with it.</summary>
    public static void CheckItem(ItemOutcome item, int index)
    {
        var at = $"items[{index}]";
        if (string.IsNullOrWhiteSpace(item.Item)) throw new CaseRuleException($"{at}.item", "请填写事项内容。");
        if (!Outcomes.Outcomes.TryParse(item.Outcome, out var o)) throw new CaseRuleException($"{at}.outcome", $"“{item.Outcome}”不是办理结果代码。");
        if (o.Group != OutcomeGroup.Disclosed && string.IsNullOrWhiteSpace(item.Reasons))
            throw new CaseRuleException($"{at}.reasons", $"“{o.Label}”须写明理由（{o.LegalBasis}）。");
        if (o != Outcomes.Outcomes.NotHeld && (item.ResponsibleAgency is not null || item.ResponsibleAgencyContact is not null))
            throw new CaseRuleException($"{at}.responsibleAgency", "负责机关只用于“本机关不掌握相关政府信息”（条例第三十六条第（五）项）。");
        if (item.ResponsibleAgency is null && item.ResponsibleAgencyContact is not null)
            throw new CaseRuleException($"{at}.responsibleAgencyContact", "填写联系方式时须同时填写负责公开该信息的机关。");
    }

    /// <summary>The lines a reply (e-mail, letter) gives per item, numbered.</summary>
    public static IEnumerable<string> Lines(IReadOnlyList<ItemOutcome> items) => items.Select((x, i) =>
    {
        var o = Outcomes.Outcomes.Find(x.Outcome);
        var line = $"{i + 1}. {x.Item}：{o.Label}（{o.LegalBasis}）";
        if (!string.IsNullOrWhiteSpace(x.Reasons)) line += $"。理由：{x.Reasons}";
        if (x.ResponsibleAgency is { } agency)
            line += $"。该信息由{agency}负责公开" + (x.ResponsibleAgencyContact is { } contact ? $"，联系方式：{contact}" : "");
        return line + "。";
    });
}
