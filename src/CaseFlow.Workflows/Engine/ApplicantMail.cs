using CaseFlow.Domain.Cases;

namespace CaseFlow.Workflows.Engine;

/// <summary>E-mails to the applicant, written with the step that causes them, when the applicant gave an e-mail
/// address and chose delivery by e-mail.</summary>
public static class ApplicantMail
{
    public static bool Wants(DisclosureRequest c) =>
        !string.IsNullOrWhiteSpace(c.Email) && c.DeliveryChannel is { } d &&
        (d.Contains("mail", StringComparison.OrdinalIgnoreCase) || d.Contains("邮件", StringComparison.Ordinal));

    public static OutboxRequest? Acknowledgement(DisclosureRequest c) => Mail(c, "ApplicantAcknowledgement",
        $"您的政府信息公开申请已收到（{c.CaseNumber}）",
        $"{c.ApplicantName}：\n\n本机关已于 {c.ReceivedOn:yyyy-MM-dd} 收到您的政府信息公开申请，登记号 {c.CaseNumber}。" +
        $"依照《中华人民共和国政府信息公开条例》第三十三条，本机关将在收到申请之日起20个工作日内（{c.ReplyDueOn:yyyy-MM-dd} 前）答复。");

    public static OutboxRequest? CorrectionNotice(DisclosureRequest c) => c.Details.Correction is not { } n ? null : Mail(c, "ApplicantCorrectionNotice",
        $"补正告知书（{c.CaseNumber}）",
        $"{c.ApplicantName}：\n\n您的政府信息公开申请（{c.CaseNumber}）内容不明确，依照条例第三十条，请补正以下事项：\n{n.Items}\n\n" +
        (n.DueOn is { } due ? $"请于 {due:yyyy-MM-dd} 前（{n.PeriodWorkingDays}个工作日内）补正。" : $"请自收到本告知书之日起{n.PeriodWorkingDays}个工作日内补正。") +
        // A notice after the 7th working day restarts nothing (domain.md §2.2): the letter must not promise it.
        (n.SentLate ? "答复期限仍自本机关收到申请之日起计算" : "答复期限自本机关收到补正的申请之日起计算") + "；无正当理由逾期不补正的，视为放弃申请。");

    public static OutboxRequest? ExtensionNotice(DisclosureRequest c) => Mail(c, "ApplicantExtensionNotice",
        $"延期答复告知书（{c.CaseNumber}）",
        $"{c.ApplicantName}：\n\n因需要延长答复期限，经本机关政府信息公开工作机构负责人同意，依照条例第三十三条第二款，" +
        $"您的申请（{c.CaseNumber}）答复期限延长{c.ExtensionDays}个工作日，至 {c.ReplyDueOn:yyyy-MM-dd}。");

    public static OutboxRequest? FeeNotice(DisclosureRequest c) => c.Details.Fee is not { } f ? null : Mail(c, "ApplicantFeeNotice",
        $"收费通知（{c.CaseNumber}）",
        $"{c.ApplicantName}：\n\n您的申请（{c.CaseNumber}）依照《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）需缴纳信息处理费 {f.AmountYuan} 元。\n" +
        $"收费依据、标准及缴费方式：{f.Basis}\n请于 {f.PaymentDueOn:yyyy-MM-dd} 前缴纳；逾期未缴纳的，视为放弃申请。");

    public static OutboxRequest? ReplyNotice(DisclosureRequest c) => c.Outcome is null ? null : Mail(c, "ApplicantReply",
        $"政府信息公开申请答复（{c.CaseNumber}）",
        $"{c.ApplicantName}：\n\n您的政府信息公开申请（{c.CaseNumber}）已于 {c.ConcludedOn:yyyy-MM-dd} 答复，办理结果：{Domain.Outcomes.Outcomes.Find(c.Outcome).Label}。\n\n" +
        ItemLines(c.Details.Drafts.LastOrDefault()) +
        $"{c.Details.Drafts.LastOrDefault()?.Text}\n\n{Domain.Outcomes.Remedies.ClauseFor(Domain.Outcomes.Outcomes.Find(c.Outcome))}");

    /// <summary>Each item's outcome and reasons (and, for 本机关不掌握, the agency responsible) when the reply answers more
    /// than the application as a whole.</summary>
    private static string ItemLines(Draft? draft) =>
        draft?.Items is { } items && (items.Count > 1 || items.Any(x => x.Reasons is not null || x.ResponsibleAgency is not null))
            ? "各事项办理结果：\n" + string.Join("\n", ReplyItems.Lines(items)) + "\n\n"
            : "";

    private static OutboxRequest? Mail(DisclosureRequest c, string kind, string subject, string body) =>
        Wants(c) ? new OutboxRequest(kind, c.Email!, subject, body) : null;
}
