using CaseFlow.Data.Cases;
using CaseFlow.Domain.Cases;

namespace CaseFlow.Web.Features.Reminders;

/// <summary>The Chinese texts of reminders and escalations.</summary>
public static class Messages
{
    public static (string Title, string Body, bool Escalate) Reminder(DisclosureRequest c, CaseTimer t) => t.Kind switch
    {
        "ReplyReminder" when t.Payload == "0" => ($"{c.CaseNumber} 今日答复期限届满", $"案件 {c.CaseNumber}（申请人：{c.ApplicantName}）的答复期限为今日 {c.ReplyDueOn:yyyy-MM-dd}，请在今日内答复。", false),
        "ReplyReminder" => ($"{c.CaseNumber} 还有{t.Payload}个工作日到期", $"案件 {c.CaseNumber}（申请人：{c.ApplicantName}）的答复期限为 {c.ReplyDueOn:yyyy-MM-dd}，还有{t.Payload}个工作日。", false),
        "Overdue" => ($"{c.CaseNumber} 已超过答复期限", $"案件 {c.CaseNumber}（申请人：{c.ApplicantName}）的答复期限 {c.ReplyDueOn:yyyy-MM-dd} 已过，尚未办结。此提醒每个工作日发送，并已抄送负责人和政务公开办。", true),
        "CorrectionNoticeDue" => ($"{c.CaseNumber} 今日为补正告知期限", $"如申请内容不明确，须在收到申请之日起7个工作日内（今日 {t.DueOn:yyyy-MM-dd} 前）一次性告知申请人补正（条例第三十条）。", false),
        "CoHandlingDue" => ($"{c.CaseNumber} 协办单位今日到期", $"案件 {c.CaseNumber} 的协办回复期限为今日 {t.DueOn:yyyy-MM-dd}，请督促协办单位。", false),
        "ReviewReplyDue" => ($"{c.CaseNumber} 行政复议答复今日到期", $"案件 {c.CaseNumber} 的行政复议书面答复及证据须于今日 {t.DueOn:yyyy-MM-dd} 前提交。", true),
        "LawsuitDefenceDue" => ($"{c.CaseNumber} 行政诉讼答辩今日到期", $"案件 {c.CaseNumber} 的行政诉讼答辩状及证据须于今日 {t.DueOn:yyyy-MM-dd} 前提交。", true),
        _ => ($"{c.CaseNumber} 提醒", $"案件 {c.CaseNumber}：{t.Kind} {t.DueOn:yyyy-MM-dd}", false),
    };

    public static (string Title, string Body) AfterSystemAction(DisclosureRequest c, string kind) => kind switch
    {
        "CorrectionExpired" => ($"{c.CaseNumber} 逾期未补正，已办结", $"补正期限已届满，申请人未补正，案件按“申请人无正当理由逾期不补正”办结（办结日期 {c.ConcludedOn:yyyy-MM-dd}）。"),
        "FeePaymentExpired" => ($"{c.CaseNumber} 逾期未缴费，已办结", $"缴费期限已届满，申请人未缴纳信息处理费，案件按“逾期未按收费通知要求缴纳费用”办结（办结日期 {c.ConcludedOn:yyyy-MM-dd}）。"),
        "ConsultationExpired" => ($"{c.CaseNumber} 征求意见期限届满", "征求意见期限届满未收到回复：其他机关逾期未答复视为同意公开；第三方逾期未提出意见的，由本机关依照条例规定决定是否公开。"),
        _ => ($"{c.CaseNumber} 已自动处理", kind),
    };
}
