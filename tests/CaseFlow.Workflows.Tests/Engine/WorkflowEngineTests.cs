using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CaseFlow.Domain.Calendar;
using CaseFlow.Domain.Cases;
using CaseFlow.Workflows.Definitions;
using CaseFlow.Workflows.Engine;

namespace CaseFlow.Workflows.Tests.Engine;

/// <summary>The engine on the published v1 definition and the v2 fixture, without HTTP or a database.
/// Dates are counted by hand on the 2026 calendar (days off 02-15..23; make-up days 02-14, 02-28).</summary>
[Trait("TimeZone", "Sensitive")]
public class WorkflowEngineTests
{
    private static readonly WorkingDayCalendar Calendar = NationalCalendar.BuildShipped();
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private static readonly string Repo = FindRepo();
    private static readonly DefinitionCatalog Catalog = DefinitionLoader.LoadFiles(
    [
        Path.Combine(Repo, "workflows", "disclosure-request.v1.json"),
        Path.Combine(Repo, "tests", "CaseFlow.Workflows.Tests", "Fixtures", "disclosure-request.v2.json"),
    ]);
    private static readonly WorkflowEngine Engine = new(Catalog);
    private static readonly DateTime Now = new(2026, 2, 12, 2, 0, 0, DateTimeKind.Utc);

    private static Actor As(string role, string name = "user") => new(name, new HashSet<string> { role }, "demo");

    private static DisclosureRequest NewCase(int version = 1) => DisclosureRequest.Register(
        new DisclosureRequest.Registration(Channel.InPerson, D("2026-02-12"), null, null, ApplicantColumn.NaturalPerson, "张三", null, null, null, null, "某信息", null, null),
        "demo", 1, "disclosure-request", version, "registered", "officer", Now, Calendar);

    private static StepResult Run(DisclosureRequest c, string action, string payload, Actor actor, string today = "2026-02-12") =>
        Engine.Execute(c, action, JsonDocument.Parse(payload).RootElement, Json, actor, Now, D(today), Calendar, 15);

    private static DateOnly D(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public void Available_actions_depend_on_state_and_role()
    {
        var c = NewCase();
        Assert.Equal(["assign", "requestCorrection", "replyOnTheSpot", "withdraw"],
            Engine.AvailableActions(c, As(Roles.Officer), D("2026-02-12"), Calendar).Select(a => a.Id));
        Assert.Equal(["assign"], Engine.AvailableActions(c, As(Roles.Head), D("2026-02-12"), Calendar).Select(a => a.Id));
        Assert.Equal(["void"], Engine.AvailableActions(c, As(Roles.Admin), D("2026-02-12"), Calendar).Select(a => a.Id));
        Assert.Empty(Engine.AvailableActions(c, As(Roles.LegalAdviser), D("2026-02-12"), Calendar));
        Assert.Empty(Engine.AvailableActions(c, Actor.System, D("2026-02-12"), Calendar));
    }

    [Fact]
    public void Guards_hide_actions_until_they_hold()
    {
        var c = NewCase();
        Run(c, "assign", """{"officer":"officer"}""", As(Roles.Officer));
        var officer = Engine.AvailableActions(c, As(Roles.Officer), D("2026-03-18"), Calendar).Select(a => a.Id).ToList();
        Assert.Contains("requestExtension", officer);
        Assert.DoesNotContain("recordConsultationReply", officer);
        // one day after the deadline the extension is no longer offered
        Assert.DoesNotContain("requestExtension", Engine.AvailableActions(c, As(Roles.Officer), D("2026-03-19"), Calendar).Select(a => a.Id));
    }

    [Fact]
    public void No_draft_while_a_consultation_is_open()
    {
        var c = NewCase();
        Run(c, "assign", """{"officer":"officer"}""", As(Roles.Officer));
        Run(c, "startConsultation", """{"kind":"ThirdParty","party":"某公司"}""", As(Roles.Officer), today: "2026-03-02");
        Assert.DoesNotContain("submitDraft", Engine.AvailableActions(c, As(Roles.Officer), D("2026-03-02"), Calendar).Select(a => a.Id));
        Assert.Throws<ActionNotAvailableException>(() => Run(c, "submitDraft", """{"outcome":"Disclosed","text":"x"}""", As(Roles.Officer), today: "2026-03-02"));
        Run(c, "recordConsultationReply", """{"consultationId":1,"repliedOn":"2026-03-05","opinion":"Consent"}""", As(Roles.Officer), today: "2026-03-05");
        Assert.Contains("submitDraft", Engine.AvailableActions(c, As(Roles.Officer), D("2026-03-05"), Calendar).Select(a => a.Id));
    }

    [Fact]
    public void Submitting_a_draft_goes_to_legal_review_in_v1_and_past_it_in_v2_for_disclosed()
    {
        var v1 = NewCase(1);
        Run(v1, "assign", """{"officer":"officer"}""", As(Roles.Officer));
        var r1 = Run(v1, "submitDraft", """{"outcome":"Disclosed","text":"予以公开。"}""", As(Roles.Officer));
        Assert.Equal(("handling", "legalReview"), (r1.FromState, r1.ToState));

        var v2 = NewCase(2);
        Run(v2, "assign", """{"officer":"officer"}""", As(Roles.Officer));
        Assert.Equal("signOff", Run(v2, "submitDraft", """{"outcome":"Disclosed","text":"予以公开。"}""", As(Roles.Officer)).ToState);

        var v2Partly = NewCase(2);
        Run(v2Partly, "assign", """{"officer":"officer"}""", As(Roles.Officer));
        Assert.Equal("legalReview", Run(v2Partly, "submitDraft", """{"outcome":"PartlyDisclosed","text":"部分公开。"}""", As(Roles.Officer)).ToState);
    }

    [Fact]
    public void Every_step_bumps_the_version_and_checks_role_then_state()
    {
        var c = NewCase();
        Assert.Throws<ActionForbiddenException>(() => Run(c, "signOff", "{}", As(Roles.Officer)));
        Assert.Throws<ActionNotAvailableException>(() => Run(c, "signOff", "{}", As(Roles.Head)));
        Assert.Throws<UnknownActionException>(() => Run(c, "teleport", "{}", As(Roles.Officer)));
        Assert.Equal(1, c.Version);
        Run(c, "assign", """{"officer":"officer"}""", As(Roles.Officer));
        Assert.Equal(2, c.Version);
        Assert.Equal("handling", c.State);
    }

    [Fact]
    public void Correction_period_expiry_is_a_system_action_that_concludes_the_case()
    {
        var c = NewCase();
        Run(c, "requestCorrection", """{"items":"请写明文号"}""", As(Roles.Officer), today: "2026-02-13");
        Assert.Equal("awaitingCorrection", c.State);
        Assert.Throws<ActionForbiddenException>(() => Run(c, "expireCorrection", "{}", As(Roles.Officer)));
        var r = Run(c, "expireCorrection", "{}", Actor.System, today: "2026-03-13");
        Assert.Equal("concluded", r.ToState);
        Assert.Equal("Other.NoCorrection", c.Outcome);
        Assert.Equal(D("2026-03-12"), c.ConcludedOn); // 15 working days after 02-13
    }

    [Fact]
    public void Fee_payment_expiry_concludes_as_fee_unpaid()
    {
        var c = NewCase();
        Run(c, "assign", """{"officer":"officer"}""", As(Roles.Officer));
        Run(c, "sendFeeNotice", """{"applicantReceivedOn":"2026-03-03","method":"PerPage","quantity":100}""", As(Roles.Officer), today: "2026-03-03");
        Assert.Equal("awaitingPayment", c.State);
        Assert.Null(c.ReplyDueOn); // the fee wait pauses the clock (v1 setting)
        Run(c, "expireFeePayment", "{}", Actor.System, today: "2026-04-01");
        Assert.Equal(("concluded", "Other.FeeUnpaid"), (c.State, c.Outcome));
        Assert.Equal(D("2026-03-31"), c.ConcludedOn); // 20 working days after 03-03
    }

    [Fact]
    public void Timers_of_a_new_case_are_the_reply_reminders_the_overdue_escalation_and_the_correction_notice()
    {
        var c = NewCase();
        var timers = CaseTimers.Desired(c, Catalog.Get("disclosure-request", 1), Calendar, D("2026-02-12"))
            .Select(t => (t.Kind, t.DueOn, t.Action)).ToList();
        // due 03-18; 5, 3, 1 working days before = 03-11, 03-13, 03-17; first working day after the due date = 03-19
        Assert.Equal(
        [
            ("ReplyReminder", D("2026-03-11"), (string?)null),
            ("ReplyReminder", D("2026-03-13"), null),
            ("ReplyReminder", D("2026-03-17"), null),
            ("ReplyReminder", D("2026-03-18"), null),
            ("Overdue", D("2026-03-19"), null),
            ("CorrectionNoticeDue", D("2026-02-28"), null),
        ], timers);

        // computed on Sat 03-21 the escalation moves to the next working day, Mon 03-23
        Assert.Equal(D("2026-03-23"), CaseTimers.Desired(c, Catalog.Get("disclosure-request", 1), Calendar, D("2026-03-21")).Single(t => t.Kind == "Overdue").DueOn);
    }

    [Fact]
    public void A_concluded_case_keeps_only_its_proceeding_timers()
    {
        var c = NewCase();
        Run(c, "replyOnTheSpot", """{"outcome":"Disclosed","text":"当场提供。"}""", As(Roles.Officer));
        Assert.Empty(CaseTimers.Desired(c, Catalog.Get("disclosure-request", 1), Calendar, D("2026-02-12")));
        Run(c, "recordProceeding", """{"kind":"Lawsuit","body":"区人民法院","filedOn":"2026-03-02","copyReceivedOn":"2026-03-03"}""", As(Roles.Office), today: "2026-03-03");
        // 15 calendar days after 03-03 = Wed 03-18
        Assert.Equal([("LawsuitDefenceDue", D("2026-03-18"))],
            CaseTimers.Desired(c, Catalog.Get("disclosure-request", 1), Calendar, D("2026-03-03")).Select(t => (t.Kind, t.DueOn)));
    }

    private static string FindRepo()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CaseFlow.sln"))) return dir.FullName;
        throw new InvalidOperationException("CaseFlow.sln not found above " + AppContext.BaseDirectory);
    }
}
