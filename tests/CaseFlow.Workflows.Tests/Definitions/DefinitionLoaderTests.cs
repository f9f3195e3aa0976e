using CaseFlow.Workflows.Definitions;

namespace CaseFlow.Workflows.Tests.Definitions;

public class DefinitionLoaderTests
{
    private const string Id = "disclosure-request";

    [Fact]
    public void The_published_workflows_folder_loads()
    {
        var catalog = DefinitionLoader.LoadFolder(RepoPaths.Workflows);

        var v1 = catalog.Get(Id, 1);
        Assert.Equal("政府信息公开申请办理流程（第1版）", v1.Name);
        Assert.Equal("registered", v1.InitialState);
        Assert.Equal(Path.Combine(RepoPaths.Workflows, "disclosure-request.v1.json"), v1.SourceFile);
        Assert.Empty(DefinitionValidator.Validate(v1));
    }

    public static TheoryData<string, string, string, string?> V1States => new()
    {
        { "registered", "已登记", "open", "Officer" },
        { "awaitingCorrection", "待补正", "waiting", null },
        { "handling", "办理中", "open", "Officer" },
        { "awaitingPayment", "待缴费", "waiting", null },
        { "legalReview", "法律审核中", "open", "LegalAdviser" },
        { "signOff", "待签发", "open", "Head" },
        { "delivery", "待送达", "open", "Officer" },
        { "concluded", "已办结", "final", null },
        { "void", "已作废", "final", null },
    };

    [Theory]
    [MemberData(nameof(V1States))]
    public void V1_has_the_states_of_domain_md(string id, string label, string category, string? taskRole)
    {
        var v1 = DefinitionLoader.LoadFolder(RepoPaths.Workflows).Get(Id, 1);
        var state = v1.State(id);
        Assert.Equal(label, state.Label);
        Assert.Equal(category, state.Category.ToString().ToLowerInvariant());
        Assert.Equal(taskRole, state.TaskRole);
    }

    [Fact]
    public void V1_has_exactly_these_states_in_this_order()
    {
        var v1 = DefinitionLoader.LoadFolder(RepoPaths.Workflows).Get(Id, 1);
        Assert.Equal(V1States.Select(row => (string)row[0]), v1.States.Select(s => s.Id));
    }

    private const string Handling4 = "handling legalReview signOff delivery";
    private const string AllButFinal = "registered awaitingCorrection handling awaitingPayment legalReview signOff delivery";

    // id, label, from, roles, step, guard, transitions ("when>to" in order; "" = stays)
    public static TheoryData<string, string, string, string, string, string?, string> V1Actions => new()
    {
        { "assign", "分配承办人", "registered handling", "Officer Head", "AssignOfficer", null, ">handling" },
        { "requestCorrection", "发出补正告知书", "registered handling", "Officer", "RequestCorrection", null, ">awaitingCorrection" },
        { "receiveCorrection", "收到补正", "awaitingCorrection", "Officer", "ReceiveCorrection", null, ">handling" },
        { "expireCorrection", "补正期限届满", "awaitingCorrection", "System", "ExpireCorrection", null, ">concluded" },
        { "requestCoHandling", "发协办函", "handling", "Officer", "RequestCoHandling", null, "" },
        { "recordCoHandlingReply", "登记协办回复", "handling", "Officer", "RecordCoHandlingReply", "hasOpenCoHandling", "" },
        { "startConsultation", "征求意见", "handling", "Officer", "StartConsultation", null, "" },
        { "recordConsultationReply", "登记征求意见回复", "handling", "Officer", "RecordConsultationReply", "hasOpenConsultation", "" },
        { "expireConsultation", "征求意见期限届满", "handling", "System", "ExpireConsultation", "hasOpenConsultation", "" },
        { "sendFeeNotice", "发出收费通知", "handling", "Officer", "SendFeeNotice", null, ">awaitingPayment" },
        { "recordPayment", "登记缴费", "awaitingPayment", "Officer", "RecordPayment", null, ">handling" },
        { "expireFeePayment", "缴费期限届满", "awaitingPayment", "System", "ExpireFeePayment", null, ">concluded" },
        { "askReasons", "要求说明理由（第三十五条）", "handling", "Officer", "AskReasons", null, "" },
        { "setArticle35ReplyDate", "确定合理答复期限", "handling", "Head", "SetArticle35ReplyDate", null, "" },
        { "requestExtension", "申请延期答复", Handling4, "Officer", "RequestExtension", "extensionAvailable", "" },
        { "approveExtension", "批准延期", Handling4, "Head", "ApproveExtension", "extensionRequested", "" },
        { "rejectExtension", "不批准延期", Handling4, "Head", "RejectExtension", "extensionRequested", "" },
        { "submitDraft", "提交答复草稿", "handling", "Officer", "SubmitDraft", "!hasOpenConsultation", "needsLegalReview>legalReview needsSignOff>signOff >delivery" },
        { "approveDraft", "审核通过", "legalReview", "LegalAdviser", "ApproveDraft", null, "needsSignOff>signOff >delivery" },
        { "returnDraft", "退回修改", "legalReview", "LegalAdviser", "ReturnDraft", null, ">handling" },
        { "signOff", "签发", "signOff", "Head", "SignOff", null, ">delivery" },
        { "returnFromSignOff", "签发退回", "signOff", "Head", "ReturnDraft", null, ">handling" },
        { "deliver", "送达答复", "delivery", "Officer", "Deliver", null, ">concluded" },
        { "replyOnTheSpot", "当场答复", "registered", "Officer", "ReplyOnTheSpot", null, ">concluded" },
        { "withdraw", "申请人撤回", AllButFinal, "Officer", "Withdraw", null, ">concluded" },
        { "void", "作废登记", AllButFinal + " concluded", "Admin", "Void", null, ">void" },
        { "recordProceeding", "登记复议或诉讼", "concluded", "Officer Office", "RecordProceeding", null, "" },
        { "recordProceedingResult", "登记复议或诉讼结果", "concluded", "Officer Office", "RecordProceedingResult", "hasPendingProceeding", "lastResultCorrected>handling >concluded" },
    };

    [Theory]
    [MemberData(nameof(V1Actions))]
    public void V1_has_the_actions_of_domain_md(string id, string label, string from, string roles, string step, string? guard, string transitions)
    {
        var v1 = DefinitionLoader.LoadFolder(RepoPaths.Workflows).Get(Id, 1);
        var action = v1.Action(id);
        Assert.NotNull(action);
        Assert.Equal(label, action.Label);
        Assert.Equal(from.Split(' '), action.From);
        Assert.Equal(roles.Split(' '), action.Roles);
        Assert.Equal(step, action.Step);
        Assert.Equal(guard, action.Guard);
        Assert.Equal(transitions, string.Join(" ", action.EffectiveTransitions.Select(t => $"{t.When}>{t.To}")));
    }

    [Fact]
    public void V1_has_exactly_these_actions_in_this_order()
    {
        var v1 = DefinitionLoader.LoadFolder(RepoPaths.Workflows).Get(Id, 1);
        Assert.Equal(V1Actions.Select(row => (string)row[0]), v1.Actions.Select(a => a.Id));
    }

    [Fact]
    public void V1_settings_are_the_defaults_of_domain_md()
    {
        var settings = DefinitionLoader.LoadFolder(RepoPaths.Workflows).Get(Id, 1).Settings;
        Assert.Equal(["*"], settings.LegalReviewOutcomes);
        Assert.Equal(["*"], settings.SignOffOutcomes);
        Assert.Equal([5, 3, 1, 0], settings.ReplyReminderWorkingDaysBefore);
        Assert.True(settings.FeeWaitPausesClock);
    }

    [Fact]
    public void V1_and_v2_together_make_v2_the_latest_while_v1_stays_available()
    {
        // The shipped v1 beside a fixture v2 whose settings differ (the shipped v2 is tested on its own).
        string[] files = [Path.Combine(RepoPaths.Workflows, "disclosure-request.v1.json"), Path.Combine(RepoPaths.Fixtures, "disclosure-request.v2.json")];

        var catalog = DefinitionLoader.LoadFiles(files);

        Assert.Equal(2, catalog.Latest(Id).Version);
        Assert.Equal("政府信息公开申请办理流程（第2版）", catalog.Latest(Id).Name);
        Assert.Equal(1, catalog.Get(Id, 1).Version);
        Assert.Equal(["*"], catalog.Get(Id, 1).Settings.LegalReviewOutcomes);
        Assert.Equal([1, 2], catalog.Versions(Id).Select(d => d.Version));
        Assert.Equal([Id], catalog.DefinitionIds);
        Assert.Equal(2, catalog.All.Count);

        var v2Legal = catalog.Get(Id, 2).Settings.LegalReviewOutcomes;
        Assert.Equal(20, v2Legal.Count);
        Assert.DoesNotContain("Disclosed", v2Legal);
        Assert.Equal(
            Domain.Outcomes.Outcomes.All.Select(o => o.Code).Where(c => c != "Disclosed"),
            v2Legal);
    }

    [Fact]
    public void The_catalog_refuses_unknown_definitions_and_versions()
    {
        var catalog = DefinitionLoader.LoadFolder(RepoPaths.Workflows);

        var noVersion = Assert.Throws<KeyNotFoundException>(() => catalog.Get(Id, 9));
        Assert.Contains("versions: 1", noVersion.Message);
        Assert.Throws<KeyNotFoundException>(() => catalog.Latest("nope"));
        Assert.Empty(catalog.Versions("nope"));
        Assert.False(catalog.TryGet(Id, 9, out _));
    }

    // folder under Fixtures/broken, expected substrings (each must appear), expected number of problems
    public static TheoryData<string, string[], int> BrokenFixtures => new()
    {
        { "malformed-json", ["sample.v1.json: malformed JSON at line 16, position 7:"], 1 },
        { "missing-required", ["sample.v1.json: states[1] ('review'): missing required property 'label'"], 1 },
        { "unknown-property", ["sample.v1.json: actions[0] ('submit'): unknown property 'too'"], 1 },
        { "duplicate-state", ["sample.v1.json: duplicate state id 'review'"], 1 },
        { "duplicate-action", ["sample.v1.json: duplicate action id 'approve'"], 1 },
        { "unknown-step", ["sample.v1.json: action 'approve' has unknown step type 'ApproveDraftt'"], 1 },
        { "unknown-guard", ["sample.v1.json: action 'approve' has unknown guard '!needsLegalReveiw'"], 1 },
        { "unknown-when", ["sample.v1.json: action 'submit' has a transition with unknown guard 'needsSignof' in 'when'"], 1 },
        { "unknown-role", ["sample.v1.json: action 'sendBack' has unknown role 'Lawyer'"], 1 },
        { "unknown-initial-state", ["sample.v1.json: initial state 'drafting' is not a state"], 1 },
        { "unknown-from-state", ["sample.v1.json: action 'sendBack' is available in unknown state 'reviw'"], 1 },
        { "transition-to-nowhere", ["sample.v1.json: action 'sendBack' has a transition to unknown state 'draftt'"], 1 },
        { "to-and-transitions", ["sample.v1.json: action 'submit' sets both 'to' and 'transitions'"], 1 },
        { "unreachable-state", ["sample.v1.json: state 'archived' is unreachable from the initial state 'draft'"], 1 },
        { "dead-end", ["sample.v1.json: state 'parked' is a dead end"], 1 },
        { "cannot-reach-final", ["sample.v1.json: state 'limbo' can never reach a final state"], 1 },
        { "bad-file-name", ["sample-v1.json: file name should be 'sample.v1.json'"], 1 },
        {
            "missing-timer-action",
            ["sample.v1.json: action 'requestCorrection' (RequestCorrection) arms a timer that fires the action 'expireCorrection', which the definition does not have"],
            1
        },
        {
            "duplicate-version",
            [
                "sample.v2.json: file name should be 'sample.v1.json'",
                "sample.v2.json: definition 'sample' version 1 is already defined in sample.v1.json",
            ],
            2
        },
        {
            "unknown-outcome",
            ["sample.v1.json: settings.legalReviewOutcomes: unknown outcome code 'Withheld.Secret'"],
            1
        },
        {
            "bad-reminder-days",
            [
                "sample.v1.json: settings.replyReminderWorkingDaysBefore: 25 is outside 0..20",
                "sample.v1.json: settings.replyReminderWorkingDaysBefore: 3 is listed more than once",
            ],
            2
        },
    };

    [Theory]
    [MemberData(nameof(BrokenFixtures))]
    public void A_broken_definition_stops_loading_with_a_message_naming_the_file_and_the_problem(string check, string[] expected, int problemCount)
    {
        var ex = Assert.Throws<WorkflowDefinitionException>(() => DefinitionLoader.LoadFolder(RepoPaths.Broken(check)));

        foreach (var text in expected) Assert.Contains(text, ex.Message);
        Assert.Equal(problemCount, ex.Problems.Count);
        Assert.Equal(problemCount + 1, ex.Message.Split(Environment.NewLine).Length);
    }

    [Fact]
    public void Every_broken_fixture_folder_is_covered_by_a_test()
    {
        var folders = Directory.GetDirectories(Path.Combine(RepoPaths.Fixtures, "broken")).Select(Path.GetFileName).Order();
        Assert.Equal(BrokenFixtures.Select(row => (string)row[0]).Order(), folders);
    }

    [Fact]
    public void Problems_in_several_files_are_all_reported_together()
    {
        var files = new[] { "unknown-step", "transition-to-nowhere", "bad-file-name" }
            .SelectMany(c => DefinitionLoader.DefinitionFiles(RepoPaths.Broken(c)));

        var ex = Assert.Throws<WorkflowDefinitionException>(() => DefinitionLoader.LoadFiles(files));

        Assert.Contains("unknown step type 'ApproveDraftt'", ex.Message);
        Assert.Contains("transition to unknown state 'draftt'", ex.Message);
        Assert.Contains("sample-v1.json: file name should be", ex.Message);
    }

    [Fact]
    public void Several_problems_in_one_file_are_all_reported()
    {
        var json = File.ReadAllText(Path.Combine(RepoPaths.Broken("unknown-step"), "sample.v1.json"))
            .Replace("\"to\": \"review\"", "\"to\": \"reviw\"")
            .Replace("\"roles\": [\n        \"Officer\"", "\"roles\": [\n        \"Clerk\"");

        var (definition, problems) = DefinitionLoader.Parse(json, "sample.v1.json");

        Assert.NotNull(definition);
        Assert.Contains("action 'approve' has unknown step type 'ApproveDraftt'", problems);
        Assert.Contains("action 'submit' has a transition to unknown state 'reviw'", problems);
        Assert.Contains(problems, p => p.StartsWith("action 'submit' has unknown role 'Clerk'", StringComparison.Ordinal));
        Assert.Contains("state 'review' is unreachable from the initial state 'draft'", problems);
    }

    [Theory]
    [InlineData("\"version\": 1", "\"version\": \"1\"", "version: must be an integer, not a string")]
    [InlineData("\"category\": \"final\"", "\"category\": \"closed\"", "states[2] ('done').category: 'closed' is not one of open, waiting, final")]
    [InlineData("\"id\": \"draft\"", "\"id\": \"Draft\"", "states[0] ('Draft').id: 'Draft' does not match the pattern ^[a-z][a-zA-Z0-9]*$")]
    [InlineData("\"definitionId\": \"sample\"", "\"definitionId\": \"Sample_1\"", "definitionId: 'Sample_1' does not match the pattern ^[a-z][a-z0-9-]*$")]
    [InlineData("\"roles\": [\n        \"Officer\"\n      ]", "\"roles\": []", "actions[0] ('submit').roles: must have at least 1 item")]
    [InlineData("\"to\": \"done\"", "\"to\": null", "actions[1] ('approve').to: must be a string, not null")]
    [InlineData("\"initialState\": \"draft\"", "\"initialstate\": \"draft\"", "unknown property 'initialstate' (did you mean 'initialState'?)")]
    public void Structural_problems_are_described_with_their_location(string find, string replace, string expected)
    {
        var json = File.ReadAllText(Path.Combine(RepoPaths.Broken("unknown-step"), "sample.v1.json"));
        Assert.Contains(find, json);

        var (_, problems) = DefinitionLoader.Parse(json.Replace(find, replace), "sample.v1.json");

        Assert.Contains(expected, problems);
    }

    [Fact]
    public void A_transition_without_when_must_be_the_last()
    {
        var v1 = DefinitionLoader.LoadFolder(RepoPaths.Workflows).Get(Id, 1);
        var submit = v1.Action("submitDraft")!;
        var broken = v1 with
        {
            Actions = v1.Actions.Select(a => a == submit
                ? a with { Transitions = [new TransitionDefinition { To = "delivery" }, .. a.Transitions] }
                : a).ToList(),
        };

        Assert.Contains(
            "action 'submitDraft': the transition to 'delivery' has no 'when', so the transitions after it can never be taken",
            DefinitionValidator.Validate(broken));
    }

    [Fact]
    public void An_action_fired_by_a_timer_must_be_the_systems_on_its_step_where_the_timer_waits()
    {
        var v1 = DefinitionLoader.LoadFolder(RepoPaths.Workflows).Get(Id, 1);
        var broken = v1 with
        {
            Actions = v1.Actions.Select(a => a.Id switch
            {
                "expireCorrection" => a with { Roles = ["Officer"] },
                "expireFeePayment" => a with { Step = "Withdraw" },
                "expireConsultation" => a with { From = ["registered"] },
                _ => a,
            }).ToList(),
        };

        var problems = DefinitionValidator.Validate(broken);

        Assert.Contains("action 'expireCorrection' is fired by a timer and must have role 'System'", problems);
        Assert.Contains("action 'expireFeePayment' is fired by a timer and must use step 'ExpireFeePayment', not 'Withdraw'", problems);
        Assert.Contains("action 'expireConsultation' is fired by a timer armed by 'startConsultation' but is not available in state 'handling'", problems);
        Assert.Equal(3, problems.Count);
        Assert.Empty(DefinitionValidator.Validate(v1));
    }

    [Fact]
    public void Outcome_settings_take_codes_not_labels_and_star_alone()
    {
        var v1 = DefinitionLoader.LoadFolder(RepoPaths.Workflows).Get(Id, 1);
        var broken = v1 with { Settings = v1.Settings with { LegalReviewOutcomes = ["*", "予以公开"], SignOffOutcomes = ["Disclosed", "Disclosed"] } };

        var problems = DefinitionValidator.Validate(broken);

        Assert.Contains("settings.legalReviewOutcomes: write the outcome code 'Disclosed' instead of '予以公开'", problems);
        Assert.Contains("settings.legalReviewOutcomes: \"*\" already means every outcome; list it alone", problems);
        Assert.Contains("settings.signOffOutcomes: 'Disclosed' is listed more than once", problems);
    }

    [Fact]
    public void A_missing_or_empty_folder_is_an_error()
    {
        var missing = Path.Combine(Path.GetTempPath(), "caseflow-no-such-folder-" + Guid.NewGuid().ToString("N"));
        Assert.Contains("does not exist", Assert.Throws<WorkflowDefinitionException>(() => DefinitionLoader.LoadFolder(missing)).Message);

        var empty = Directory.CreateTempSubdirectory("caseflow-empty-");
        try
        {
            File.WriteAllText(Path.Combine(empty.FullName, "workflow-definition.schema.json"), "{}");
            Assert.Contains("no workflow definition files", Assert.Throws<WorkflowDefinitionException>(() => DefinitionLoader.LoadFolder(empty.FullName)).Message);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }
}
