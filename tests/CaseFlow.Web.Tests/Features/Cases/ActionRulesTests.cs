using System.Net;
using System.Text.Json.Nodes;
using CaseFlow.Web.Tests.Infrastructure;
using static CaseFlow.Web.Tests.Features.Cases.CaseApi;

namespace CaseFlow.Web.Tests.Features.Cases;

/// <summary>Versions, idempotency, roles, visibility and masking around the case API.</summary>
[Trait("TimeZone", "Sensitive")]
public abstract class ActionRulesTests(CaseFlowApp app) : IAsyncLifetime
{
    public sealed class OnSqlite(SqliteApp app) : ActionRulesTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : ActionRulesTests(app), IClassFixture<PostgresApp>;

    private HttpClient _officer = null!, _legal = null!, _head = null!, _office = null!, _admin = null!;

    public async Task InitializeAsync()
    {
        app.Clock.SetChinaTime(new DateOnly(2026, 2, 12), new TimeOnly(10, 0));
        _officer = await app.SignedInAsync("officer", "Officer");
        _legal = await app.SignedInAsync("legal", "LegalAdviser");
        _head = await app.SignedInAsync("head", "Head");
        _office = await app.SignedInAsync("office", "Office");
        _admin = await app.SignedInAsync("admin", "Admin");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Stale_version_is_refused_with_409_and_the_current_version()
    {
        var c = await _officer.RegisterAsync();
        await _officer.DoAsync(c, "assign", """{"officer":"officer"}""");
        var stale = await (await _officer.ActAsync(Id(c), "requestCoHandling", Version(c), """{"unit":"档案室"}""")).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(2, (int)stale["currentVersion"]!);
    }

    [Fact]
    public async Task Missing_version_is_a_400_naming_it_and_version_may_be_a_field()
    {
        var c = await _officer.RegisterAsync();
        var missing = await (await _officer.PostJsonAsync($"/api/cases/{Id(c)}/actions/assign", """{"officer":"officer"}""")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(missing.FieldErrors("version"));
        var ok = await (await _officer.PostJsonAsync($"/api/cases/{Id(c)}/actions/assign", """{"officer":"officer","version":1}""")).ReadJsonAsync();
        Assert.Equal(2, Version(ok));
    }

    [Fact]
    public async Task Two_conflicting_actions_at_once_exactly_one_succeeds()
    {
        for (var round = 0; round < 3; round++)
        {
            var c = await _officer.RegisterAsync();
            var a = _officer.ActAsync(Id(c), "assign", 1, """{"officer":"officer"}""");
            var b = _officer.ActAsync(Id(c), "requestCorrection", 1, """{"items":"请写明文号"}""");
            var statuses = (await Task.WhenAll(a, b)).Select(r => r.StatusCode).OrderBy(s => s).ToList();
            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], statuses);
            var journal = JsonNode.Parse(await (await _officer.GetAsync($"/api/cases/{Id(c)}/journal")).ReadBodyAsync(HttpStatusCode.OK))!.AsArray();
            Assert.Equal(2, journal.Count);
        }
    }

    [Fact]
    public async Task Retried_action_with_the_same_idempotency_key_acts_once()
    {
        var c = await _officer.RegisterAsync();
        c = await _officer.DoAsync(c, "assign", """{"officer":"officer"}""");
        async Task<HttpResponseMessage> Send(string payload)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{Id(c)}/actions/requestCoHandling")
            {
                Content = new StringContent(payload, System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("Idempotency-Key", $"co-handling-{Id(c)}");
            return await _officer.SendAsync(request);
        }
        const string payload = """{"unit":"档案室","request":"请提供原件","version":2}""";
        var first = await (await Send(payload)).ReadBodyAsync(HttpStatusCode.OK);
        var again = await (await Send(payload)).ReadBodyAsync(HttpStatusCode.OK);
        Assert.Equal(first, again);

        var detail = await (await _officer.GetAsync($"/api/cases/{Id(c)}")).ReadJsonAsync();
        Assert.Single(detail["details"]!["coHandlings"]!.AsArray());
        Assert.Equal(3, Version(detail));
        var journal = JsonNode.Parse(await (await _officer.GetAsync($"/api/cases/{Id(c)}/journal")).ReadBodyAsync(HttpStatusCode.OK))!.AsArray();
        Assert.Single(journal, e => (string?)e!["action"] == "requestCoHandling");
        await (await Send("""{"unit":"另一个单位","version":2}""")).ReadProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("assign", "legal", """{"officer":"officer"}""")]
    [InlineData("requestCorrection", "head", """{"items":"x"}""")]
    [InlineData("replyOnTheSpot", "legal", """{"outcome":"Disclosed","text":"x"}""")]
    [InlineData("void", "officer", """{"reason":"x"}""")]
    [InlineData("void", "office", """{"reason":"x"}""")]
    [InlineData("expireConsultation", "admin", """{"consultationId":1}""")]
    [InlineData("confirmCorrectionAbandoned", "head", "{}")]
    [InlineData("withdraw", "legal", "{}")]
    public async Task Roles_that_may_not_act_get_403(string action, string who, string payload)
    {
        var c = await _officer.RegisterAsync();
        var client = who switch { "legal" => _legal, "head" => _head, "office" => _office, "officer" => _officer, _ => _admin };
        var problem = await (await client.ActAsync(Id(c), action, Version(c), payload)).ReadProblemAsync(HttpStatusCode.Forbidden);
        Assert.False(string.IsNullOrEmpty((string?)problem["detail"]));
        var after = await (await _officer.GetAsync($"/api/cases/{Id(c)}")).ReadJsonAsync();
        Assert.Equal(1, Version(after));
    }

    [Theory]
    [InlineData("approveDraft", "legal")]
    [InlineData("signOff", "head")]
    [InlineData("deliver", "officer")]
    [InlineData("receiveCorrection", "officer")]
    public async Task Actions_of_other_states_get_409(string action, string who)
    {
        var c = await _officer.RegisterAsync();
        var client = who switch { "legal" => _legal, "head" => _head, _ => _officer };
        await (await client.ActAsync(Id(c), action, Version(c), "{}")).ReadProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Unknown_action_is_404_and_bad_payload_is_400_naming_the_field()
    {
        var c = await _officer.RegisterAsync();
        await (await _officer.ActAsync(Id(c), "fly", 1)).ReadProblemAsync(HttpStatusCode.NotFound);
        var bad = await (await _officer.ActAsync(Id(c), "requestCorrection", 1, """{"sentOn":"2026-02-30","items":"x"}""")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(bad.FieldErrors("sentOn"));
        var missing = await (await _officer.ActAsync(Id(c), "requestCorrection", 1, """{"periodWorkingDays":15}""")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(missing.FieldErrors("items"));
        var after = await (await _officer.GetAsync($"/api/cases/{Id(c)}")).ReadJsonAsync();
        Assert.Equal(1, Version(after));
        Assert.Equal("registered", (string?)after["state"]);
    }

    [Fact]
    public async Task Registration_rejects_bad_input_without_writing_a_case()
    {
        var before = (int)(await (await _officer.GetAsync("/api/cases?pageSize=1&includeVoid=true")).ReadJsonAsync())["total"]!;
        var online = await (await _officer.PostJsonAsync("/api/cases", """{"channel":"Online","submittedOn":"2026-02-12","applicantKind":"NaturalPerson","applicantName":"李四","requestedInformation":"x"}""")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(online.FieldErrors("confirmedOn"));
        var org = await (await _officer.PostJsonAsync("/api/cases", """{"channel":"InPerson","submittedOn":"2026-02-12","applicantKind":"Organisation","applicantName":"某律所","requestedInformation":"x"}""")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(org.FieldErrors("organisationType"));
        var future = await (await _officer.PostJsonAsync("/api/cases", """{"channel":"InPerson","submittedOn":"2026-02-13","applicantKind":"NaturalPerson","applicantName":"李四","requestedInformation":"x"}""")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(future.FieldErrors("submittedOn"));
        var kind = await (await _officer.PostJsonAsync("/api/cases", """{"channel":"Pigeon","submittedOn":"2026-02-12","applicantKind":"NaturalPerson","applicantName":"李四","requestedInformation":"x"}""")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(kind.FieldErrors("channel"));
        await (await _legal.PostJsonAsync("/api/cases", Registration)).ReadProblemAsync(HttpStatusCode.Forbidden);
        var after = (int)(await (await _officer.GetAsync("/api/cases?pageSize=1&includeVoid=true")).ReadJsonAsync())["total"]!;
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Organisation_applicant_is_recorded_in_its_report_column_and_online_receipt_uses_the_confirmation()
    {
        var c = await _officer.RegisterAsync("""{"channel":"Online","submittedOn":"2026-02-10","confirmedOn":"2026-02-11","applicantKind":"Organisation","organisationType":"LegalService","applicantName":"某律师事务所","requestedInformation":"x"}""");
        Assert.Equal("LegalService", (string?)c["applicantColumn"]);
        Assert.Equal("2026-02-11", (string?)c["receivedOn"]);
        // day 0 Wed 02-11: 02-12,13=1,2, 02-14(make-up)=3, 02-24..27=4..7, 02-28(make-up)=8, 03-02..06=9..13, 03-09..13=14..18, 03-16,17=19,20
        Assert.Equal("2026-03-17", Due(c));
    }

    [Fact]
    public async Task Identity_numbers_are_masked_unless_revealed_by_an_allowed_role_which_is_journaled()
    {
        var c = await _officer.RegisterAsync();
        Assert.Equal("110***********002X", (string?)c["idDocumentNumber"]);
        var list = await (await _officer.GetAsync("/api/cases?pageSize=200")).ReadJsonAsync();
        Assert.All(list["items"]!.AsArray(), i => Assert.DoesNotContain("1231", (string?)i!["idDocumentNumber"] ?? ""));

        await (await _legal.GetAsync($"/api/cases/{Id(c)}?reveal=idDocument")).ReadProblemAsync(HttpStatusCode.Forbidden);
        var revealed = await (await _officer.GetAsync($"/api/cases/{Id(c)}?reveal=idDocument")).ReadJsonAsync();
        Assert.Equal("11010519491231002X", (string?)revealed["idDocumentNumber"]);
        var journal = JsonNode.Parse(await (await _officer.GetAsync($"/api/cases/{Id(c)}/journal")).ReadBodyAsync(HttpStatusCode.OK))!.AsArray();
        Assert.Contains(journal, e => (string?)e!["action"] == "revealIdDocument" && (string?)e["actor"] == "officer");
    }

    [Fact]
    public async Task Agencies_form_a_tree_and_bound_what_each_user_sees()
    {
        await (await _admin.PostJsonAsync("/api/agencies", """{"code":"changsha","name":"长沙市人民政府"}""")).ReadJsonAsync(HttpStatusCode.Created);
        await (await _admin.PostJsonAsync("/api/agencies", """{"code":"furong","name":"芙蓉区人民政府","parentCode":"changsha"}""")).ReadJsonAsync(HttpStatusCode.Created);
        var bad = await (await _admin.PostJsonAsync("/api/agencies", """{"code":"Bad Code","name":"x"}""")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(bad.FieldErrors("code"));
        await (await _admin.PostJsonAsync("/api/agencies", """{"code":"furong","name":"重复"}""")).ReadProblemAsync(HttpStatusCode.Conflict);

        var cityOffice = await app.SignedInAsync("city-office", "Office", "changsha");
        await (await cityOffice.PostJsonAsync("/api/agencies", """{"code":"furong-edu","name":"芙蓉区教育局","parentCode":"furong"}""")).ReadJsonAsync(HttpStatusCode.Created);
        await (await cityOffice.PostJsonAsync("/api/agencies", """{"code":"elsewhere","name":"别处"}""")).ReadProblemAsync(HttpStatusCode.Forbidden);
        var seen = (await (await cityOffice.GetAsync("/api/agencies")).ReadBodyAsync(HttpStatusCode.OK));
        var codes = JsonNode.Parse(seen)!.AsArray().Select(a => (string)a!["code"]!).ToList();
        Assert.Equal(["changsha", "furong", "furong-edu"], codes);
        await (await _officer.GetAsync("/api/agencies")).ReadProblemAsync(HttpStatusCode.Forbidden);

        var furongOfficer = await app.SignedInAsync("furong-officer", "Officer", "furong");
        var furongCase = await furongOfficer.RegisterAsync();
        Assert.StartsWith("furong-2026-", (string?)furongCase["caseNumber"]);
        await (await _officer.GetAsync($"/api/cases/{Id(furongCase)}")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await cityOffice.GetAsync($"/api/cases/{Id(furongCase)}")).ReadJsonAsync();
        var cityList = await (await cityOffice.GetAsync("/api/cases?agency=changsha&subordinates=true")).ReadJsonAsync();
        Assert.Contains(cityList["items"]!.AsArray(), i => (long)i!["id"]! == Id(furongCase));
    }

    [Fact]
    public async Task List_filters_due_within_overdue_and_assignee()
    {
        var agency = "filters";
        var officer = await app.SignedInAsync("filters-officer", "Officer", agency);
        app.Clock.SetChinaTime(new DateOnly(2026, 2, 12), new TimeOnly(10, 0));
        var early = await officer.RegisterAsync();                                     // due 03-18
        app.Clock.SetChinaTime(new DateOnly(2026, 3, 2), new TimeOnly(10, 0));
        var late = await officer.RegisterAsync(Registration.Replace("2026-02-12", "2026-03-02")); // due 03-30
        await officer.DoAsync(late, "assign", """{"officer":"filters-officer"}""");

        // today Mon 03-16: 3 working days → 03-19; early (03-18) is due within, late (03-30) is not
        app.Clock.SetChinaTime(new DateOnly(2026, 3, 16), new TimeOnly(10, 0));
        var within = await (await officer.GetAsync("/api/cases?dueWithin=3")).ReadJsonAsync();
        Assert.Equal([Id(early)], within["items"]!.AsArray().Select(i => (long)i!["id"]!));
        Assert.Equal(1, (int)within["total"]!);

        app.Clock.SetChinaTime(new DateOnly(2026, 3, 19), new TimeOnly(10, 0));
        var overdue = await (await officer.GetAsync("/api/cases?overdue=true")).ReadJsonAsync();
        Assert.Equal([Id(early)], overdue["items"]!.AsArray().Select(i => (long)i!["id"]!));
        Assert.Equal(1, (int)overdue["total"]!);

        var mine = await (await officer.GetAsync("/api/cases?assignee=me")).ReadJsonAsync();
        Assert.Equal([Id(late)], mine["items"]!.AsArray().Select(i => (long)i!["id"]!));

        var all = await (await officer.GetAsync("/api/cases")).ReadJsonAsync();
        Assert.Equal([Id(early), Id(late)], all["items"]!.AsArray().Select(i => (long)i!["id"]!)); // soonest due first
        var second = await (await officer.GetAsync("/api/cases?pageSize=1&page=2")).ReadJsonAsync();
        Assert.Equal([Id(late)], second["items"]!.AsArray().Select(i => (long)i!["id"]!));
        Assert.Equal(2, (int)second["total"]!);
        var bad = await (await officer.GetAsync("/api/cases?dueWithin=abc")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(bad.FieldErrors("dueWithin"));
    }
}
