namespace CaseFlow.Domain.Outcomes;

/// <summary>Which remedies a reply names (domain.md §2.8).</summary>
public enum RemedyKind
{
    /// <summary>Administrative review must come first (行政复议法 2023 art 23): every 不予公开 outcome and 部分公开.</summary>
    ReviewFirst,

    /// <summary>Review within 60 days or a lawsuit within 6 months.</summary>
    ReviewOrLawsuit,
}

/// <summary>The remedies clause (救济途径) of a reply: one text for the reply e-mail, the letter and the case page.</summary>
public static class Remedies
{
    public static RemedyKind KindOf(Outcome outcome) =>
        outcome.Group is OutcomeGroup.Withheld or OutcomeGroup.PartlyDisclosed ? RemedyKind.ReviewFirst : RemedyKind.ReviewOrLawsuit;

    public static string ClauseFor(Outcome outcome) => outcome.Group switch
    {
        OutcomeGroup.Withheld =>
            "如对本答复不服，可以自收到本答复之日起60日内依法申请行政复议；对行政复议决定不服的，可以依法提起行政诉讼。" +
            "依照《中华人民共和国行政复议法》第二十三条，对行政机关在政府信息公开工作中不予公开的决定不服的，应当先申请行政复议。",
        OutcomeGroup.PartlyDisclosed =>
            "对本答复中不予公开的部分不服的，应当先自收到本答复之日起60日内依法申请行政复议（《中华人民共和国行政复议法》第二十三条），" +
            "对行政复议决定不服的，可以依法提起行政诉讼；对本答复其他内容不服的，可以自收到本答复之日起60日内依法申请行政复议，" +
            "或者自知道本答复之日起6个月内依法提起行政诉讼。",
        _ =>
            "如对本答复不服，可以自收到本答复之日起60日内依法申请行政复议，或者自知道本答复之日起6个月内依法提起行政诉讼。",
    };
}
