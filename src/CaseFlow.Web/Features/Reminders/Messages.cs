using CaseFlow.Data.Cases;
using CaseFlow.Domain.Cases;

namespace CaseFlow.Web.Features.Reminders;

/// <summary>The Chinese texts of reminders and escalations.</summary>
public static class Messages
{
    public static (string Title, string Body, bool Escalate) Reminder(CaseRef c, CaseTimer t) => Reminder(c, t.Kind, t.Payload, t.DueOn);

    /// <param name="payload">for reply reminders: the number of working days left</param>
    /// <param name="dueOn">the day the timer is for</param>
    public static (string Title, string Body, bool Escalate) Reminder(CaseRef c, string kind, string? payload, DateOnly dueOn) => kind switch
    {
        "ReplyReminder" when payload == "0" => ($"{c.CaseNumber} 今日答复期限届满", $"案件 {c.CaseNumber}（申请人：{c.ApplicantName}）的答复期限为今日 {c.ReplyDueOn:yyyy-MM-dd}，请在今日内答复。", false),
        "ReplyReminder" => ($"{c.CaseNumber} 还有{payload}个工作日到期", $"案件 {c.CaseNumber}（申请人：{c.ApplicantName}）的答复期限为 {c.ReplyDueOn:yyyy-MM-dd}，还有{payload}个工作日。", false),
        "Overdue" => ($"{c.CaseNumber} 已超过答复期限", $"案件 {c.CaseNumber}（申请人：{c.ApplicantName}）的答复期限 {c.ReplyDueOn:yyyy-MM-dd} 已过，尚未办结。此提醒每个工作日发送，并已抄送负责人和政务公开办。", true),
        "CorrectionNoticeDue" => ($"{c.CaseNumber} 今日为补正告知期限", $"如申请内容不明确，须在收到申请之日起7个工作日内（今日 {dueOn:yyyy-MM-dd} 前）一次性告知申请人补正（条例第三十条）。", false),
        "CorrectionPeriodEnded" => ($"{c.CaseNumber} 补正期限已届满，请处理", $"案件 {c.CaseNumber}（申请人：{c.ApplicantName}）的补正期限已于 {dueOn.AddDays(-1):yyyy-MM-dd} 届满，尚未收到补正。案件不会自动办结：请确认申请人逾期不补正（视为放弃，其他处理 1），或在申请人有正当理由时受理逾期补正（条例第三十条）。", false),
        "CorrectionNoticeUndelivered" => ($"{c.CaseNumber} 请登记补正告知书送达", $"案件 {c.CaseNumber} 的补正告知书已邮寄，尚未登记申请人签收日期；补正期限自签收之日起算，登记前没有届满日期。", false),
        "FeePeriodEnded" => ($"{c.CaseNumber} 缴费期限已届满，请处理", $"案件 {c.CaseNumber}（申请人：{c.ApplicantName}）的缴费期限已于 {dueOn.AddDays(-1):yyyy-MM-dd} 届满，尚未缴费。案件不会自动办结：请确认逾期未缴费（视为放弃，其他处理 2），或在申请人有正当理由时受理逾期缴费。", false),
        "CoHandlingDue" => ($"{c.CaseNumber} 协办单位今日到期", $"案件 {c.CaseNumber} 的协办回复期限为今日 {dueOn:yyyy-MM-dd}，请督促协办单位。", false),
        "ReviewReplyDue" => ($"{c.CaseNumber} 行政复议答复今日到期", $"案件 {c.CaseNumber} 的行政复议书面答复及证据须于今日 {dueOn:yyyy-MM-dd} 前提交。", true),
        "LawsuitDefenceDue" => ($"{c.CaseNumber} 行政诉讼答辩今日到期", $"案件 {c.CaseNumber} 的行政诉讼答辩状及证据须于今日 {dueOn:yyyy-MM-dd} 前提交。", true),
        "RoundReplyReminder" => ($"{c.CaseNumber} 重新答复还有{payload?.Split('|')[0]}个工作日到期",
            $"案件 {c.CaseNumber}（申请人：{c.ApplicantName}）经复议或诉讼责令重新答复，重新答复期限为 {payload?.Split('|')[^1]}，还有{payload?.Split('|')[0]}个工作日。", false),
        "RoundOverdue" => ($"{c.CaseNumber} 已超过重新答复期限",
            $"案件 {c.CaseNumber}（申请人：{c.ApplicantName}）的重新答复期限 {payload?.Split('|')[^1]} 已过，尚未重新答复。", true),
        _ => ($"{c.CaseNumber} 提醒", $"案件 {c.CaseNumber}：{kind} {dueOn:yyyy-MM-dd}", false),
    };

    /// <param name="consultationId">for <c>ConsultationExpired</c>: the consultation that ran out</param>
    public static (string Title, string Body) AfterSystemAction(DisclosureRequest c, string kind, int? consultationId = null) => kind switch
    {
        "CorrectionExpired" => ($"{c.CaseNumber} 逾期未补正，已办结", $"补正期限已届满，申请人未补正，案件按“申请人无正当理由逾期不补正”办结（办结日期 {c.ConcludedOn:yyyy-MM-dd}）。"),
        "FeePaymentExpired" => ($"{c.CaseNumber} 逾期未缴费，已办结", $"缴费期限已届满，申请人未缴纳信息处理费，案件按“逾期未按收费通知要求缴纳费用”办结（办结日期 {c.ConcludedOn:yyyy-MM-dd}）。"),
        "ConsultationExpired" => c.Details.Consultations.FirstOrDefault(k => k.Id == consultationId) is { } k
            ? k.Kind == ConsultationKind.Agency
                ? ($"{c.CaseNumber} 征求其他机关意见期限届满，视为同意公开",
                    $"向{k.Party}征求意见的期限已于 {k.DueOn:yyyy-MM-dd} 届满，未收到回复，依照条例第三十四条视为同意公开。答复期限恢复计算，现为 {c.ReplyDueOn:yyyy-MM-dd}。")
                : ($"{c.CaseNumber} 征求第三方意见期限届满，请决定是否公开",
                    $"向第三方{k.Party}征求意见的期限已于 {k.DueOn:yyyy-MM-dd} 届满，第三方未提出意见，请依照条例第三十二条由本机关决定是否公开。答复期限恢复计算，现为 {c.ReplyDueOn:yyyy-MM-dd}。")
            : ($"{c.CaseNumber} 征求意见期限届满", "征求意见期限届满未收到回复：其他机关逾期未答复视为同意公开；第三方逾期未提出意见的，由本机关依照条例规定决定是否公开。"),
        _ => ($"{c.CaseNumber} 已自动处理", kind),
    };
}
