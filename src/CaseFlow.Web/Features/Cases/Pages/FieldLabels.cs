using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Fees;

namespace CaseFlow.Web.Features.Cases.Pages;

/// <summary>Chinese labels for the payload fields and enum values the action forms show. Keyed by the payload property
/// name, so a new definition version that reuses the registered steps needs no page change; an unknown name shows
/// as itself rather than failing.</summary>
public static class FieldLabels
{
    private static readonly Dictionary<string, (string Label, string? Hint)> Fields = new(StringComparer.Ordinal)
    {
        ["Officer"] = ("承办人（用户名）", null),
        ["Items"] = ("需要补正的事项", "一次性、完整地告知申请人需补正的全部内容。"),
        ["PeriodWorkingDays"] = ("补正期限（工作日）", "留空则按本机关设定的期限。"),
        ["ReceivedOn"] = ("收到日期", null),
        ["Unit"] = ("协办单位", null),
        ["Request"] = ("协办事项", null),
        ["DueOn"] = ("回复期限", null),
        ["CoHandlingId"] = ("协办编号", "见下方“协办”一栏的编号。"),
        ["RepliedOn"] = ("回复日期", "留空则为今天。"),
        ["Summary"] = ("回复摘要", null),
        ["Kind"] = ("类别", null),
        ["Party"] = ("被征求意见方", null),
        ["PartyReceivedOn"] = ("对方收到日期", "征求意见期限自对方收到之日起算；未知可留空。"),
        ["ConsultationId"] = ("征求意见编号", "见下方“征求意见”一栏的编号。"),
        ["Opinion"] = ("意见", null),
        ["ApplicantReceivedOn"] = ("申请人收到日期", "缴费期限自申请人收到之日起算；留空则按发出当日计算。不能晚于今天。"),
        ["Method"] = ("方式", null),
        ["Quantity"] = ("页数", "按量计收时填写页数；按件计收时不填，系统按证件号码统计申请人当月在本机关的申请件数。"),
        ["AmountYuan"] = ("其他金额（元）", "留空则按收费标准计算。填写不同金额须写明理由，将记入办理记录并提交法律审核。"),
        ["AmountReason"] = ("收取其他金额的理由", null),
        ["Basis"] = ("收费依据、标准及缴费方式", "留空则按收费标准自动写明。"),
        ["SplitItems"] = ("按一事一申请拆分计件", "按件计收、申请登记了多个事项时可选：每个事项计为一件，依次占本月的件次。本月较早的申请按其收费通知所计件数计，未发收费通知的各计一件。"),
        ["LateNoticeAcknowledged"] = ("知悉逾期告知", "收到申请已超过7个工作日的，补正告知书仍可发出，但答复期限不因补正重新计算（条例第三十条）。"),
        ["PaidOn"] = ("缴费日期", "留空则为今天。"),
        ["PaidYuan"] = ("缴费金额（元）", null),
        ["ReplyOn"] = ("合理答复期限", null),
        ["Reason"] = ("理由", null),
        ["Days"] = ("延长工作日数", "最多 20 个工作日。"),
        ["DecidedOn"] = ("结果日期", "复议机关或法院作出决定的日期，不能晚于今天。"),
        ["Outcome"] = ("办理结果", null),
        ["Text"] = ("答复书正文", null),
        ["Comments"] = ("审核意见", null),
        ["DeliveredOn"] = ("送达日期", "留空则为今天；网上或电子邮件送达为发送当日，不能填写其他日期。"),
        ["WithdrawnOn"] = ("撤回日期", "留空则为今天。"),
        ["Body"] = ("复议机关或法院", null),
        ["FiledOn"] = ("申请或起诉日期", null),
        ["CopyReceivedOn"] = ("收到副本日期", null),
        ["SimpleProcedure"] = ("适用简易程序", null),
        ["ProceedingId"] = ("复议或诉讼编号", "见下方“复议与诉讼”一栏的编号。"),
        ["Result"] = ("结果", null),
        ["Documents"] = ("审查的文件", "写明拟公开的文件名称、文号或页数。"),
        ["Conclusion"] = ("审查结论", "须与答复草稿的办理结果一致：予以公开——可以公开；部分公开——部分公开。"),
        ["Reasons"] = ("结论理由", "是否涉及国家秘密、工作秘密、商业秘密或个人隐私等。"),
        ["ReviewId"] = ("所诉行政复议编号", "复议后起诉时填写本案行政复议的编号。"),
        ["OrderedReply"] = ("责令重新答复（责令履行）", "纠正结果责令本机关重新答复的，勾选后开始新一轮答复。"),
        ["DecisionReceivedOn"] = ("本机关收到决定或判决日期", "未填写决定限定的期限时，重新答复期限自该日起算20个工作日；留空则为决定日期。"),
        ["OrderedReplyOn"] = ("决定限定的答复期限", "决定或判决写明期限的填写；否则留空。"),
        ["FileNumber"] = ("案卷号", null),
        ["MainItem"] = ("主要事项（序号）", "各事项结果不同、又不属于区分处理（部分公开）时，以主要事项的结果统计；留空为第1个事项。"),
    };

    /// <summary>Labels of the fields of one list entry (the items of a draft reply), which reuse names the payloads use
    /// elsewhere with another meaning (Items, Reasons).</summary>
    private static readonly Dictionary<string, (string Label, string? Hint)> EntryFields = new(StringComparer.Ordinal)
    {
        ["Item"] = ("事项内容", null),
        ["Outcome"] = ("办理结果", null),
        ["Reasons"] = ("理由", "予以公开以外的结果须写明理由。"),
        ["ResponsibleAgency"] = ("负责公开该信息的机关", "仅“本机关不掌握相关政府信息”（条例第三十六条第（五）项）能够确定时填写。"),
        ["ResponsibleAgencyContact"] = ("该机关的联系方式", null),
    };

    /// <summary>The label of a list field (by its property name) and of its entries' fields.</summary>
    public static (string Label, string? Hint) List(string property) => property switch
    {
        "Items" => ("按事项答复", "申请列有多个事项时，逐项写明办理结果和理由；案件的办理结果按第2.6条规则由各事项得出，上方“办理结果”可不填。未使用的行留空。"),
        _ => (property, null),
    };

    public static string EntryLabel(string property) => EntryFields.TryGetValue(property, out var f) ? f.Label : Label(property);

    public static string? EntryHint(string property) => EntryFields.TryGetValue(property, out var f) ? f.Hint : null;

    /// <summary>Free text fields that take more than a line.</summary>
    public static readonly IReadOnlySet<string> LongText = new HashSet<string>(StringComparer.Ordinal)
        { "Items", "Request", "Summary", "Basis", "Reason", "Text", "Comments", "Documents", "Reasons", "AmountReason" };

    private static readonly Dictionary<Type, Dictionary<string, string>> Enums = new()
    {
        [typeof(ConsultationKind)] = new() { ["ThirdParty"] = "征求第三方意见（第三十二条）", ["Agency"] = "征求其他机关意见（第三十四条）" },
        [typeof(ConsultationOpinion)] = new()
        {
            ["Consent"] = "同意公开", ["Objection"] = "不同意公开",
            ["NoReplyAgencyDecides"] = "逾期未答复（由本机关决定）", ["NoReplyDeemedConsent"] = "逾期未答复（视为同意）",
        },
        [typeof(FeeMethod)] = new() { ["PerApplication"] = "按件计收", ["PerPage"] = "按量计收" },
        [typeof(DeliveryMethod)] = new() { ["InPerson"] = "当面送达", ["Post"] = "邮寄", ["Online"] = "网上送达", ["Email"] = "电子邮件" },
        [typeof(ProceedingKind)] = new() { ["Review"] = "行政复议", ["Lawsuit"] = "行政诉讼（未经复议直接起诉）", ["LawsuitAfterReview"] = "行政诉讼（复议后起诉）" },
        [typeof(ProceedingResult)] = new() { ["Upheld"] = "维持", ["Corrected"] = "纠正", ["Other"] = "其他" },
        [typeof(ConfidentialityConclusion)] = Enum.GetValues<ConfidentialityConclusion>().ToDictionary(c => c.ToString(), ConfidentialityReviews.Label),
        [typeof(Channel)] = Enum.GetValues<Channel>().ToDictionary(c => c.ToString(), c => Labels.Channels[c]),
    };

    public static string Label(string property) => Fields.TryGetValue(property, out var f) ? f.Label : property;

    public static string? Hint(string property) => Fields.TryGetValue(property, out var f) ? f.Hint : null;

    /// <summary>The Chinese label of an enum value by name; a value that is no name of the enum (a stored value read as
    /// unknown shows as its number) says it is not recognised rather than showing that number.</summary>
    public static string EnumLabel(Type type, string name) =>
        Enums.TryGetValue(type, out var d) && d.TryGetValue(name, out var l) ? l
        : type.IsEnum && !Enum.IsDefined(type, name) ? "（无法识别）"
        : name;

    public static string ChannelRule(Channel channel) => channel switch
    {
        Channel.InPerson => "当面提交：提交之日为收到申请之日。",
        Channel.RegisteredPost => "邮寄（需签收）：本机关签收之日为收到申请之日。",
        Channel.OrdinaryLetter => "平常信函：与申请人确认之日为收到申请之日，须填写确认日期。",
        Channel.Online => "互联网平台：双方确认之日为收到申请之日，须填写确认日期。",
        Channel.Fax => "传真：双方确认之日为收到申请之日，须填写确认日期。",
        Channel.Email => "电子邮件：确认之日为收到申请之日（本系统约定），须填写确认日期；到达时间另行记录。",
        _ => "",
    };
}
