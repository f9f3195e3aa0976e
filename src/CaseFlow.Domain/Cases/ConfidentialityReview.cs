namespace CaseFlow.Domain.Cases;

/// <summary>The conclusion of a confidentiality review (保密审查, arts 4(4) and 17; domain.md §2.6).</summary>
public enum ConfidentialityConclusion
{
    MayDisclose,      // 可以公开
    PartlyDisclose,   // 部分公开
    MayNotDisclose,   // 不得公开
}

/// <summary>One recorded review of what a draft reply will release: who, on which (server) date, which documents,
/// the conclusion and its reasons. It belongs to the draft it reviewed: a changed draft needs its own review.</summary>
public sealed record ConfidentialityReview(
    int Id, int DraftNumber, string Reviewer, DateOnly ReviewedOn, string Documents, ConfidentialityConclusion Conclusion, string Reasons);

/// <summary>
/// The confidentiality review rules. Kept out of <see cref="DisclosureRequest"/> so that the rule reads in one place:
/// a reply that releases information (予以公开, 部分公开) is signed off (and delivered) only after a review of the same
/// draft whose conclusion matches its outcome — 可以公开 for 予以公开, 部分公开 for 部分公开. 不得公开 matches no releasing
/// outcome: the draft has to go back to the officer.
/// </summary>
public static class ConfidentialityReviews
{
    private const string PartlyDisclosedCode = "PartlyDisclosed";

    /// <summary>Whether the outcome releases information and so needs a review.</summary>
    public static bool Releases(string outcome) =>
        outcome == Outcomes.Outcomes.Disclosed.Code || outcome == PartlyDisclosedCode;

    public static ConfidentialityConclusion? MatchingConclusion(string outcome) =>
        outcome == Outcomes.Outcomes.Disclosed.Code ? ConfidentialityConclusion.MayDisclose
        : outcome == PartlyDisclosedCode ? ConfidentialityConclusion.PartlyDisclose
        : null;

    public static string Label(ConfidentialityConclusion c) => c switch
    {
        ConfidentialityConclusion.MayDisclose => "可以公开",
        ConfidentialityConclusion.PartlyDisclose => "部分公开",
        _ => "不得公开",
    };

    /// <summary>Records a review of the current draft, dated with the server's China-time date (an act of the agency).</summary>
    public static ConfidentialityReview Record(DisclosureRequest c, string reviewer, DateOnly today, string documents,
        ConfidentialityConclusion conclusion, string reasons)
    {
        if (c.IsConcluded && c.OpenRound is null) throw new CaseRuleException("state", "本案已办结。");
        var draft = c.CurrentDraft;
        if (!Releases(draft.Outcome))
            throw new CaseRuleException("state", "当前答复草稿不公开任何信息，无需保密审查（条例第十七条）。");
        if (!Enum.IsDefined(conclusion)) throw new CaseRuleException("conclusion", "审查结论无法识别。");
        if (string.IsNullOrWhiteSpace(documents)) throw new CaseRuleException("documents", "须写明审查的文件。");
        if (string.IsNullOrWhiteSpace(reasons)) throw new CaseRuleException("reasons", "须写明审查结论的理由。");
        var review = new ConfidentialityReview(c.Details.ConfidentialityReviews.Count + 1, draft.Number, reviewer, today,
            documents.Trim(), conclusion, reasons.Trim());
        c.Details.ConfidentialityReviews.Add(review);
        return review;
    }

    /// <summary>Why the current draft may not be signed off or delivered yet for want of a matching review; null when it may.</summary>
    public static string? Missing(DisclosureRequest c) => Missing(c.Details, c.Round);

    /// <summary><see cref="Missing(DisclosureRequest)"/> on a case's details (the case page reads them from its view).</summary>
    public static string? Missing(CaseDetails details, int round)
    {
        var draft = details.Drafts.LastOrDefault(d => d.Round == round);
        if (draft is null || MatchingConclusion(draft.Outcome) is not { } needed) return null;
        var latest = details.ConfidentialityReviews.LastOrDefault(r => r.DraftNumber == draft.Number);
        if (latest is null)
            return "公开信息前须经保密审查（条例第十七条）：当前答复草稿尚无保密审查记录。";
        if (latest.Conclusion != needed)
            return $"保密审查结论为“{Label(latest.Conclusion)}”，与答复草稿的办理结果“{Outcomes.Outcomes.Find(draft.Outcome).Label}”不一致（条例第十七条），须退回修改或重新审查。";
        return null;
    }

    /// <summary>Throws the refusal of <see cref="Missing"/>.</summary>
    public static void EnsureReviewed(DisclosureRequest c)
    {
        if (Missing(c) is { } why) throw new CaseRuleException("state", why);
    }
}
