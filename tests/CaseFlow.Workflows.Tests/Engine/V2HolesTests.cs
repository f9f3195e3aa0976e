using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CaseFlow.Domain.Calendar;
using CaseFlow.Domain.Cases;
using CaseFlow.Workflows.Definitions;
using CaseFlow.Workflows.Engine;

namespace CaseFlow.Workflows.Tests.Engine;

/// <summary>The published v2 definition without HTTP or a database: 当场答复 through review and sign-off, the
/// confidentiality review setting and its validation, and the step preconditions that keep listed actions runnable.
/// Received Thu 2026-02-12.</summary>
[Trait("TimeZone", "Sensitive")]
public class V2HolesTests
{
    private const string Id = "disclosure-request";
    private static readonly WorkingDayCalendar Calendar = NationalCalendar.BuildShipped();
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private static readonly DefinitionCatalog Catalog = DefinitionLoader.LoadFolder(RepoPaths.Workflows);
    private static readonly WorkflowEngine Engine = new(Catalog);
    private static readonly DateTime Now = new(2026, 2, 12, 2, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Received = new(2026, 2, 12);

    private static Actor As(string role, string name = "user") => new(name, new HashSet<string> { role }, "demo");

    private static DisclosureRequest NewCase(Channel channel = Channel.InPerson, int version = 2) => DisclosureRequest.Register(
        new DisclosureRequest.Registration(channel, Received, channel is Channel.InPerson or Channel.RegisteredPost ? null : Received, null, ApplicantColumn.NaturalPerson, "张三", null, null, null, null, "某信息", null, null),
        "demo", 1, Id, version, "registered", "officer", Now, Calendar);

    private static StepResult Run(DisclosureRequest c, string action, string payload, Actor actor, IReadOnlySet<string>? officers = null) =>
        Engine.Execute(c, action, JsonDocument.Parse(payload).RootElement, Json, actor, Now, Received, Calendar, 15, officers);

    private static List<string> Listed(DisclosureRequest c, string role, DateOnly? today = null) =>
        [.. Engine.AvailableActions(c, As(role), today ?? Received, Calendar).Select(a => a.Id)];

    [Fact]
    public void V2_names_the_confidentiality_reviewer_and_v1_names_none()
    {
        Assert.Equal(Roles.ConfidentialityReviewer, Catalog.Get(Id, 2).Settings.ConfidentialityReviewRole);
        Assert.Null(Catalog.Get(Id, 1).Settings.ConfidentialityReviewRole);
        Assert.Equal("保密审查员", Roles.Labels[Roles.ConfidentialityReviewer]);
        Assert.Equal(["ConfidentialityReviewer"], Catalog.Get(Id, 2).Action("recordConfidentialityReview")!.Roles);
    }

    [Fact]
    public void The_setting_and_the_recording_action_must_agree()
    {
        var v2 = Catalog.Get(Id, 2);
        var wrongRole = v2 with { Actions = [.. v2.Actions.Select(a => a.Id == "recordConfidentialityReview" ? a with { Roles = ["LegalAdviser"] } : a)] };
        Assert.Contains("action 'recordConfidentialityReview' must be run by settings.confidentialityReviewRole 'ConfidentialityReviewer' alone, not by LegalAdviser",
            DefinitionValidator.Validate(wrongRole));
        var unknown = v2 with { Settings = v2.Settings with { ConfidentialityReviewRole = "Secretary" } };
        Assert.Contains(DefinitionValidator.Validate(unknown), p => p.StartsWith("settings.confidentialityReviewRole: unknown role 'Secretary'", StringComparison.Ordinal));
        var noSetting = v2 with { Settings = v2.Settings with { ConfidentialityReviewRole = null } };
        Assert.Contains("action 'recordConfidentialityReview' records a confidentiality review, but settings.confidentialityReviewRole is not set",
            DefinitionValidator.Validate(noSetting));
        Assert.Empty(DefinitionValidator.Validate(v2));
    }

    [Fact]
    public void On_the_spot_goes_to_legal_review_under_v2_and_concludes_at_once_when_nothing_is_asked_for()
    {
        var c = NewCase();
        var step = Run(c, "replyOnTheSpot", """{"outcome":"NotProcessed.Repeated","text":"重复申请。"}""", As(Roles.Officer));
        Assert.Equal("legalReview", step.ToState);
        Assert.Null(c.ConcludedOn);

        // a definition that asks for neither review nor sign-off: handed over and concluded on the day of receipt
        var v2 = Catalog.Get(Id, 2);
        var lenient = v2 with { Version = 3, Settings = v2.Settings with { LegalReviewOutcomes = [], SignOffOutcomes = [] } };
        Assert.Empty(DefinitionValidator.Validate(lenient));
        var engine = new WorkflowEngine(Lenient(lenient));
        var d = DisclosureRequest.Register(
            new DisclosureRequest.Registration(Channel.InPerson, Received, null, null, ApplicantColumn.NaturalPerson, "张三", null, null, null, null, "某信息", null, null),
            "demo", 2, Id, 3, "registered", "officer", Now, Calendar);
        var done = engine.Execute(d, "replyOnTheSpot", JsonDocument.Parse("""{"outcome":"NotProcessed.Repeated","text":"重复申请。"}""").RootElement, Json,
            As(Roles.Officer), Now, Received, Calendar, 15);
        Assert.Equal("concluded", done.ToState);
        Assert.Equal(Received, d.ConcludedOn);
        // …but a reply that releases information still waits for its confidentiality review, in delivery
        var e = DisclosureRequest.Register(
            new DisclosureRequest.Registration(Channel.InPerson, Received, null, null, ApplicantColumn.NaturalPerson, "张三", null, null, null, null, "某信息", null, null),
            "demo", 3, Id, 3, "registered", "officer", Now, Calendar);
        var waiting = engine.Execute(e, "replyOnTheSpot", JsonDocument.Parse("""{"outcome":"Disclosed","text":"当场提供。"}""").RootElement, Json,
            As(Roles.Officer), Now, Received, Calendar, 15);
        Assert.Equal("delivery", waiting.ToState);
        Assert.Null(e.ConcludedOn);
    }

    private static DefinitionCatalog Lenient(WorkflowDefinition v3)
    {
        var folder = Directory.CreateTempSubdirectory("caseflow-v3-").FullName;
        try
        {
            var json = File.ReadAllText(Path.Combine(RepoPaths.Workflows, "disclosure-request.v2.json"))
                .Replace("\"version\": 2", "\"version\": 3", StringComparison.Ordinal)
                .Replace("\"legalReviewOutcomes\": [\"*\"]", "\"legalReviewOutcomes\": []", StringComparison.Ordinal)
                .Replace("\"signOffOutcomes\": [\"*\"]", "\"signOffOutcomes\": []", StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(folder, "disclosure-request.v3.json"), json);
            var catalog = DefinitionLoader.LoadFolder(folder);
            Assert.Equal(v3.Settings.LegalReviewOutcomes, catalog.Get(Id, 3).Settings.LegalReviewOutcomes);
            return catalog;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData(Channel.RegisteredPost)]
    [InlineData(Channel.Online)]
    [InlineData(Channel.Email)]
    public void On_the_spot_is_only_for_an_applicant_present_in_person_in_v1_and_v2(Channel channel)
    {
        foreach (var version in new[] { 1, 2 })
        {
            var c = NewCase(channel, version);
            Assert.DoesNotContain("replyOnTheSpot", Listed(c, Roles.Officer));
            var e = Assert.Throws<ActionNotAvailableException>(() => Run(c, "replyOnTheSpot", """{"outcome":"Disclosed","text":"x"}""", As(Roles.Officer)));
            Assert.Contains("当面", e.Message);
        }
    }

    [Fact]
    public void A_second_correction_notice_is_not_listed_and_is_refused_as_a_state_rule()
    {
        var c = NewCase();
        Assert.Contains("requestCorrection", Listed(c, Roles.Officer));
        Run(c, "requestCorrection", """{"items":"请写明文号"}""", As(Roles.Officer));
        Run(c, "receiveCorrection", """{"receivedOn":"2026-02-12"}""", As(Roles.Officer));
        Assert.Equal("handling", c.State);
        Assert.DoesNotContain("requestCorrection", Listed(c, Roles.Officer));
        var e = Assert.Throws<ActionNotAvailableException>(() => Run(c, "requestCorrection", """{"items":"再补正"}""", As(Roles.Officer)));
        Assert.Contains("条例第三十条", e.Message);
    }

    [Fact]
    public void Assign_checks_the_officers_the_caller_loaded()
    {
        var c = NewCase();
        var officers = new HashSet<string>(StringComparer.Ordinal) { "wang" };
        var e = Assert.Throws<CaseRuleException>(() => Run(c, "assign", """{"officer":"li"}""", As(Roles.Officer), officers));
        Assert.Equal("officer", e.Field);
        Assert.Null(c.AssignedOfficer);
        Run(c, "assign", """{"officer":"wang"}""", As(Roles.Officer), officers);
        Assert.Equal("wang", c.AssignedOfficer);
    }

    [Fact]
    public void Void_is_refused_once_a_proceeding_is_recorded()
    {
        var c = NewCase();
        Run(c, "withdraw", """{"reason":"撤回"}""", As(Roles.Officer));
        Assert.Contains("void", Listed(c, Roles.Admin));
        Run(c, "recordProceeding", """{"kind":"Lawsuit","body":"某区人民法院","filedOn":"2026-02-12"}""", As(Roles.Officer));
        Assert.DoesNotContain("void", Listed(c, Roles.Admin));
        Assert.Throws<ActionNotAvailableException>(() => Run(c, "void", """{"reason":"误登记"}""", As(Roles.Admin)));
        Assert.Throws<CaseRuleException>(() => c.Void("误登记")); // the domain refuses it too, whoever calls
    }
}
