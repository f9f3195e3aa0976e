using System.Text.Json;
using System.Text.Json.Serialization;
using CaseFlow.Domain;
using CaseFlow.Workflows.Engine;

namespace CaseFlow.Workflows.Tests.Engine;

/// <summary>Payload binding checks what the payload records declare, whatever JSON options the caller uses.</summary>
public class PayloadRulesTests
{
    // Deliberately lax options (integers allowed for enums): the engine must not rely on the host's strict ones.
    private static readonly JsonSerializerOptions Lax = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private static readonly DateOnly Today = new(2026, 2, 12);

    public static TheoryData<string> StepNames => [.. Steps.All.Keys];

    [Theory]
    [MemberData(nameof(StepNames))]
    public void Every_text_of_every_step_payload_declares_its_length_limit(string step)
    {
        var type = Steps.All[step].PayloadType;
        var properties = PayloadRules.PropertiesOf(type); // throws for a string property without [MaxText]
        Assert.All(properties.Where(p => p.PropertyType == typeof(string)), p =>
            Assert.InRange(((MaxTextAttribute)Attribute.GetCustomAttribute(p, typeof(MaxTextAttribute))!).Length, 1, TextLimits.DraftText));
    }

    [Theory]
    [InlineData(typeof(StartConsultationPayload), """{"kind":5,"party":"某公司"}""", "kind")]
    [InlineData(typeof(DeliverPayload), """{"method":7}""", "method")]
    [InlineData(typeof(RecordProceedingResultPayload), """{"proceedingId":1,"result":3}""", "result")]
    [InlineData(typeof(ReceiveCorrectionPayload), """{"receivedOn":"2008-04-30"}""", "receivedOn")]
    [InlineData(typeof(ReceiveCorrectionPayload), """{"receivedOn":"9999-12-31"}""", "receivedOn")]
    [InlineData(typeof(ReceiveCorrectionPayload), """{"receivedOn":"2026-02-13"}""", "receivedOn")] // an outside event: not after today
    [InlineData(typeof(RequestCorrectionPayload), """{"items":"x","sentOn":"2026-02-12"}""", "sentOn")] // own act: the server's date
    [InlineData(typeof(DecideExtensionPayload), """{"decidedOn":"2026-02-12"}""", "decidedOn")]
    [InlineData(typeof(DecideExtensionPayload), """{"notifiedOn":"2026-02-12"}""", "notifiedOn")]
    [InlineData(typeof(SendFeeNoticePayload), """{"method":"PerPage","quantity":50,"sentOn":"2026-02-12"}""", "sentOn")]
    [InlineData(typeof(SetArticle35ReplyDatePayload), """{"replyOn":"2027-02-13","reason":"量大"}""", "replyOn")]
    [InlineData(typeof(VoidPayload), """{"reason":5}""", "reason")]
    [InlineData(typeof(VoidPayload), """{"reason":"x","why":"y"}""", "why")]
    [InlineData(typeof(NoPayload), """{"comments":"x"}""", "comments")]
    [InlineData(typeof(RecordPaymentPayload), """{"paidYuan":10.005}""", "paidYuan")]
    [InlineData(typeof(RecordPaymentPayload), """{"paidYuan":0}""", "paidYuan")]
    [InlineData(typeof(SendFeeNoticePayload), """{"quantity":0}""", "quantity")]
    [InlineData(typeof(ReviewPayload), "[]", "payload")]
    public void A_bad_payload_names_the_field(Type type, string json, string field)
    {
        var e = Assert.Throws<InvalidPayloadException>(() => PayloadRules.Bind(type, JsonDocument.Parse(json).RootElement, Lax, Today));
        Assert.Contains(e.Errors, x => x.Field == field);
    }

    [Theory]
    [InlineData(typeof(ReceiveCorrectionPayload), """{"receivedOn":"2008-05-01"}""")]
    [InlineData(typeof(ReceiveCorrectionPayload), """{"receivedOn":"2026-02-12"}""")]
    [InlineData(typeof(ReceiveCorrectionPayload), """{"receivedOn":"2026-02-12","version":3}""")]
    [InlineData(typeof(SetArticle35ReplyDatePayload), """{"replyOn":"2027-02-12","reason":"量大"}""")]
    [InlineData(typeof(RecordPaymentPayload), """{"paidYuan":9999999999.99}""")]
    [InlineData(typeof(StartConsultationPayload), """{"kind":"agency","party":"某局"}""")]
    public void A_good_payload_binds(Type type, string json) =>
        Assert.IsType(type, PayloadRules.Bind(type, JsonDocument.Parse(json).RootElement, Lax, Today));

    /// <summary>Every missing required field is named at once, before the step runs; blanks count as missing.</summary>
    [Theory]
    [InlineData(typeof(SendFeeNoticePayload), "{}", "method")]
    [InlineData(typeof(RecordProceedingPayload), """{"kind":"Review","body":"  "}""", "body,filedOn")]
    [InlineData(typeof(SubmitDraftPayload), """{"outcome":"Disclosed"}""", "text")] // outcome may come from the items
    [InlineData(typeof(VoidPayload), """{"reason":""}""", "reason")]
    public void Missing_required_fields_are_all_named(Type type, string json, string fields)
    {
        var e = Assert.Throws<InvalidPayloadException>(() => PayloadRules.Bind(type, JsonDocument.Parse(json).RootElement, Lax, Today));
        Assert.Equal(fields.Split(','), e.Errors.Select(x => x.Field));
        Assert.All(e.Errors, x => Assert.Equal("必填。", x.Message));
    }

    [Theory]
    [InlineData(typeof(WithdrawPayload))]
    [InlineData(typeof(ReviewPayload))]
    [InlineData(typeof(DecideExtensionPayload))]
    public void A_payload_without_required_fields_binds_empty(Type type) =>
        Assert.IsType(type, PayloadRules.Bind(type, JsonDocument.Parse("{}").RootElement, Lax, Today));
}
