namespace CaseFlow.Domain.Cases;

/// <summary>Receipt channel (art 31). Decides how the legal receipt date is found.</summary>
public enum Channel
{
    InPerson,        // 当面
    RegisteredPost,  // 邮寄（需签收）
    OrdinaryLetter,  // 平常信函
    Online,          // 互联网
    Fax,             // 传真
    Email,           // 电子邮件
}

public enum ApplicantKind
{
    NaturalPerson,
    Organisation,
}

/// <summary>The table-三 column an applicant counts in, fixed at intake.</summary>
public enum ApplicantColumn
{
    NaturalPerson,
    Business,
    Research,
    PublicInterest,
    LegalService,
    OtherOrganisation,
}

public static class Labels
{
    public static readonly IReadOnlyDictionary<Channel, string> Channels = new Dictionary<Channel, string>
    {
        [Channel.InPerson] = "当面",
        [Channel.RegisteredPost] = "邮寄",
        [Channel.OrdinaryLetter] = "平常信函",
        [Channel.Online] = "网络",
        [Channel.Fax] = "传真",
        [Channel.Email] = "电子邮件",
    };

    public static readonly IReadOnlyDictionary<ApplicantColumn, string> Columns = new Dictionary<ApplicantColumn, string>
    {
        [ApplicantColumn.NaturalPerson] = "自然人",
        [ApplicantColumn.Business] = "商业企业",
        [ApplicantColumn.Research] = "科研机构",
        [ApplicantColumn.PublicInterest] = "社会公益组织",
        [ApplicantColumn.LegalService] = "法律服务机构",
        [ApplicantColumn.OtherOrganisation] = "其他",
    };

    /// <summary>The label, or a note saying the stored value is none of the names (an older release's number, a row
    /// edited by hand): a page shows such a case rather than fail on it.</summary>
    public static string Of(Channel channel) => Channels.TryGetValue(channel, out var label) ? label : "（无法识别的收到渠道）";

    /// <inheritdoc cref="Of(Channel)"/>
    public static string Of(ApplicantColumn column) => Columns.TryGetValue(column, out var label) ? label : "（无法识别的申请人类型）";
}

/// <summary>The legal date of receipt (art 31), from the channel and the dates the office recorded.</summary>
public static class ReceiptDate
{
    /// <param name="submittedOn">in person: the day of submission; registered post: the day the agency signed for it;
    /// ordinary letter: the day it arrived; online, fax, e-mail: the day it arrived.</param>
    /// <param name="confirmedOn">ordinary letter: the day the office confirmed with the applicant; online and fax:
    /// the day both sides confirmed; e-mail (project convention): the confirmation date.</param>
    public static IReadOnlyList<FieldError> Resolve(Channel channel, DateOnly submittedOn, DateOnly? confirmedOn, out DateOnly receivedOn)
    {
        receivedOn = submittedOn;
        switch (channel)
        {
            case Channel.InPerson:
            case Channel.RegisteredPost:
                return [];
            default:
                if (confirmedOn is null)
                    return [new FieldError("confirmedOn", $"{Labels.Channels[channel]}提交的申请以确认之日为收到申请之日，须填写确认日期。")];
                if (confirmedOn < submittedOn)
                    return [new FieldError("confirmedOn", "确认日期不能早于申请到达日期。")];
                receivedOn = confirmedOn.Value;
                return [];
        }
    }
}
