using System.Text.Json;
using System.Text.Json.Serialization;
using CaseFlow.Domain.Calendar;
using CaseFlow.Domain.Cases;
using CaseFlow.Workflows.Definitions;
using CaseFlow.Workflows.Engine;

namespace CaseFlow.Workflows.Tests.Engine;

/// <summary>Issue 12 item 7 through the engine: a draft's items bind from JSON with field-level errors named
/// <c>items[i].field</c>, and the reply e-mail lists each item's outcome, its reasons and, for 本机关不掌握, the
/// agency responsible. Received Thu 2026-02-12 in person; the applicant chose replies by e-mail.</summary>
[Trait("TimeZone", "Sensitive")]
public class ReplyItemsStepTests
{
    private static readonly WorkingDayCalendar Calendar = NationalCalendar.BuildShipped();
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private static readonly WorkflowEngine Engine = new(DefinitionLoader.LoadFolder(RepoPaths.Workflows));
    private static readonly DateTime Now = new(2026, 2, 12, 2, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Received = new(2026, 2, 12);
    private static readonly Actor Officer = new("officer", new HashSet<string> { Roles.Officer }, "demo");

    private static DisclosureRequest NewCase() => DisclosureRequest.Register(
        new DisclosureRequest.Registration(Channel.InPerson, Received, null, null, ApplicantColumn.NaturalPerson, "张三", null, null,
            "zhang@example.cn", null, "两项信息", null, "电子邮件", Items: ["2025年某项目环评批复", "学校招生计划"]),
        "demo", 1, "disclosure-request", 1, "registered", "officer", Now, Calendar);

    private static StepResult Run(DisclosureRequest c, string action, string payload) =>
        Engine.Execute(c, action, JsonDocument.Parse(payload).RootElement, Json, Officer, Now, Received, Calendar, 15, null);

    [Fact]
    public void Item_fields_are_checked_and_named_by_row()
    {
        var c = NewCase();
        var e = Assert.Throws<InvalidPayloadException>(() => Run(c, "replyOnTheSpot",
            """{"text":"答复","items":[{"outcome":"Disclosed","colour":"red"},{"reasons":"x"}]}"""));
        Assert.Contains(e.Errors, x => x.Field == "items[0].colour");
        e = Assert.Throws<InvalidPayloadException>(() => Run(c, "replyOnTheSpot", """{"text":"答复","items":[{"outcome":"Disclosed"},{"reasons":"x"}]}"""));
        Assert.Equal("items[1].outcome", Assert.Single(e.Errors).Field);
        e = Assert.Throws<InvalidPayloadException>(() => Run(c, "replyOnTheSpot",
            $$"""{"text":"答复","items":[{"outcome":"Disclosed","reasons":"{{new string('理', 1001)}}"},null]}"""));
        Assert.Equal(["items[0].reasons", "items[1]"], e.Errors.Select(x => x.Field).ToArray());
        e = Assert.Throws<InvalidPayloadException>(() => Run(c, "replyOnTheSpot",
            $$"""{"text":"答复","items":[{{string.Join(",", Enumerable.Repeat("""{"outcome":"Disclosed"}""", 51))}}]}"""));
        Assert.Equal("items", Assert.Single(e.Errors).Field);
        Assert.Equal(1, c.Version); // nothing happened
    }

    [Fact]
    public void The_reply_mail_gives_each_item_and_the_responsible_agency()
    {
        var c = NewCase();
        c.SubmitDraft(null, "现答复如下。", "officer", Now, [
            new ItemOutcome("", "Disclosed"),
            new ItemOutcome("", "Unavailable.NotHeld", "该信息不属于本机关职责范围", "市教育局", "0731-88888888")], mainItem: 1);
        c.Deliver(DeliveryMethod.Email, Received);
        Assert.Equal("Disclosed", c.Outcome);
        var mail = ApplicantMail.ReplyNotice(c)!;
        Assert.Contains("各事项办理结果：\n1. 2025年某项目环评批复：予以公开（条例第三十六条第（一）项、第（二）项）。\n" +
            "2. 学校招生计划：本机关不掌握相关政府信息（条例第三十六条第（四）项、第（五）项）。理由：该信息不属于本机关职责范围。该信息由市教育局负责公开，联系方式：0731-88888888。", mail.Body);
    }
}
