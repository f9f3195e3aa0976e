using System.Net;
using System.Text.Json.Nodes;
using CaseFlow.Web.Features.Reports;
using CaseFlow.Web.Tests.Features.Reminders;
using CaseFlow.Web.Tests.Infrastructure;
using static CaseFlow.Web.Tests.Features.Cases.CaseApi;

namespace CaseFlow.Web.Tests.Features.Cases;

/// <summary>
/// Lifecycle v2 (issue 12, items 1, 2, 10) through HTTP: proceedings on a case in any state and their results at any
/// time; only a 纠正 that orders a new reply opens a re-reply round, which never touches the first conclusion (so a
/// locked year stays valid); archiving. Dates counted by hand from domain.md §3 (2025 and 2026 calendars).
/// </summary>
[Trait("TimeZone", "Sensitive")]
public abstract class ProceedingsV2Tests(CaseFlowApp app)
{
    public sealed class OnSqlite(SqliteApp app) : ProceedingsV2Tests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : ProceedingsV2Tests(app), IClassFixture<PostgresApp>;

    private void Today(int year, int month, int day) => app.Clock.SetChinaTime(new DateOnly(year, month, day), new TimeOnly(10, 0));

    private async Task<(Desk Desk, HttpClient Legal)> DeskAsync()
    {
        var desk = await app.DeskAsync();
        return (desk, await app.SignedInAsync($"{desk.Agency}-legal", "LegalAdviser", desk.Agency));
    }

    private async Task<JsonObject> ReplyAsync(Desk desk, HttpClient legal, JsonObject c, string outcome, string text, string deliveredOn)
    {
        c = await desk.Officer.DoAsync(c, "submitDraft", $$"""{"outcome":"{{outcome}}","text":"{{text}}"}""");
        c = await legal.DoAsync(c, "approveDraft");
        if (outcome is "Disclosed" or "PartlyDisclosed") c = await app.ReviewConfidentialityAsync(desk.Agency, c, partly: outcome == "PartlyDisclosed");
        c = await desk.Head.DoAsync(c, "signOff");
        return await desk.Officer.DoAsync(c, "deliver", $$"""{"method":"Post","deliveredOn":"{{deliveredOn}}"}""");
    }

    [Fact]
    public async Task A_suit_over_a_missed_deadline_is_recorded_on_an_open_case_and_decided_while_it_is_open()
    {
        var (desk, _) = await DeskAsync();
        Today(2026, 2, 12);
        var c = await desk.Officer.RegisterAsync();
        Assert.Equal(2, (int)c["workflowVersion"]!);
        Assert.Contains("recordProceeding", Actions(c));
        c = await desk.Officer.DoAsync(c, "assign", $$"""{"officer":"{{desk.OfficerName}}"}""");

        Today(2026, 3, 20);
        // 15 calendar days after 03-20: 04-04 is a day off (04-04..06) → rolled forward to 04-07
        c = await desk.Officer.DoAsync(c, "recordProceeding", """{"kind":"Lawsuit","body":"区人民法院","filedOn":"2026-03-19","copyReceivedOn":"2026-03-20"}""");
        Assert.Equal("handling", (string?)c["state"]);
        Assert.Equal("2026-04-07", (string?)c["details"]!["proceedings"]![0]!["responseDueOn"]);
        Assert.Contains("recordProceedingResult", Actions(c));
        // the office's 督办 page lists it with the defence date, beside a review without a case (10 working days from
        // 03-20: 03-23..27=1..5, 03-30..04-03=6..10 → 04-03)
        await (await desk.Office.PostJsonAsync("/api/proceedings", """{"kind":"Review","body":"市人民政府","filedOn":"2026-03-20","subject":"主动公开"}"""))
            .ReadJsonAsync(HttpStatusCode.Created);
        var board = await (await desk.Office.GetAsync($"/supervision?agency={desk.Agency}")).ReadBodyAsync(HttpStatusCode.OK);
        var section = board[board.IndexOf("待审结的行政复议和诉讼", StringComparison.Ordinal)..];
        Assert.Contains($">{(string?)c["caseNumber"]}</a>", section);
        Assert.Contains("区人民法院", section);
        Assert.Contains("无对应申请", section);
        Assert.True(section.IndexOf("2026-04-03", StringComparison.Ordinal) < section.IndexOf("2026-04-07", StringComparison.Ordinal),
            "earliest response date first");

        // 纠正 ordering the agency to act: the case is still being answered, so no round opens and nothing concludes
        Today(2026, 3, 25);
        c = await desk.Office.DoAsync(c, "recordProceedingResult", """{"proceedingId":1,"result":"Corrected","decidedOn":"2026-03-25","orderedReply":true}""");
        Assert.Equal("handling", (string?)c["state"]);
        Assert.Equal(1, (int)c["round"]!);
        Assert.Null(c["concludedOn"]);
        Assert.Empty(c["details"]!["rounds"]!.AsArray());
        Assert.True((bool)c["details"]!["proceedings"]![0]!["orderedReply"]!);
        Assert.DoesNotContain("recordProceedingResult", Actions(c));

        // a result that is not 纠正 cannot order a new reply
        c = await desk.Officer.DoAsync(c, "recordProceeding", """{"kind":"Review","body":"市人民政府","filedOn":"2026-03-25"}""");
        var refused = await (await desk.Officer.ActAsync(Id(c), "recordProceedingResult", Version(c),
            """{"proceedingId":2,"result":"Upheld","decidedOn":"2026-03-25","orderedReply":true}""")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(refused["errors"]!["orderedReply"]);
    }

    [Fact]
    public async Task A_lawsuit_after_review_names_a_decided_review_of_the_case()
    {
        var (desk, legal) = await DeskAsync();
        Today(2026, 2, 12);
        var c = await desk.Officer.RegisterAsync();
        c = await desk.Officer.DoAsync(c, "assign", $$"""{"officer":"{{desk.OfficerName}}"}""");
        Today(2026, 3, 10);
        c = await ReplyAsync(desk, legal, c, "Disclosed", "现将所申请信息提供如下。", "2026-03-10");
        c = await desk.Officer.DoAsync(c, "recordProceeding", """{"kind":"Review","body":"市人民政府","filedOn":"2026-03-10"}""");

        var pending = await (await desk.Officer.ActAsync(Id(c), "recordProceeding", Version(c),
            """{"kind":"LawsuitAfterReview","body":"区人民法院","filedOn":"2026-03-10","reviewId":1}""")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(pending["errors"]!["reviewId"]);
        var unknown = await (await desk.Officer.ActAsync(Id(c), "recordProceeding", Version(c),
            """{"kind":"LawsuitAfterReview","body":"区人民法院","filedOn":"2026-03-10","reviewId":9}""")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(unknown["errors"]!["reviewId"]);

        // 维持: recorded without reopening
        Today(2026, 4, 20);
        c = await desk.Officer.DoAsync(c, "recordProceedingResult", """{"proceedingId":1,"result":"Upheld","decidedOn":"2026-04-20"}""");
        Assert.Equal("concluded", (string?)c["state"]);
        Today(2026, 4, 28);
        c = await desk.Officer.DoAsync(c, "recordProceeding", """{"kind":"LawsuitAfterReview","body":"区人民法院","filedOn":"2026-04-27","copyReceivedOn":"2026-04-28","reviewId":1}""");
        Assert.Equal(1, (int)c["details"]!["proceedings"]![1]!["reviewId"]!);

        // 纠正 that only confirms unlawfulness: recorded, no round, the case stays concluded
        c = await desk.Officer.DoAsync(c, "recordProceedingResult", """{"proceedingId":2,"result":"Corrected","decidedOn":"2026-04-28"}""");
        Assert.Equal("concluded", (string?)c["state"]);
        Assert.Equal(1, (int)c["round"]!);
        Assert.Empty(c["details"]!["rounds"]!.AsArray());
    }

    /// <summary>The year-boundary scenario of issue 12: reply 2025-12-10, 2025 locked in January, review filed
    /// 2026-01-05, 纠正 ordering a new reply 2026-02-10. The result is recorded, the round runs to a new reply in 2026,
    /// 2025's locked report is unchanged and its hash still verifies, and 2026's report passes all checks. (On v1 the
    /// same result reopened the case, which either rewrote 2025 or was refused with 409.)</summary>
    [Fact]
    public async Task A_round_across_the_year_boundary_leaves_the_locked_year_as_it_was()
    {
        var (desk, legal) = await DeskAsync();
        Today(2025, 11, 20);
        var c = await desk.Officer.RegisterAsync(Registration.Replace("2026-02-12", "2025-11-20"));
        c = await desk.Officer.DoAsync(c, "assign", $$"""{"officer":"{{desk.OfficerName}}"}""");
        Today(2025, 12, 10);
        c = await ReplyAsync(desk, legal, c, "Disclosed", "现将所申请信息提供如下。", "2025-12-10");
        Assert.Equal("2025-12-10", (string?)c["concludedOn"]);

        Today(2026, 1, 5);
        var lockView = await (await desk.Office.PostAsync($"/api/reports/annual/2025/lock?agency={desk.Agency}", null)).ReadJsonAsync();
        var locked = await (await desk.Office.GetAsync($"/api/reports/annual/2025?agency={desk.Agency}")).ReadJsonAsync();
        Assert.Equal(1, (int)locked["table3"]!["rows"]!["Disclosed"]![6]!);

        c = await desk.Officer.DoAsync(c, "recordProceeding", """{"kind":"Review","body":"市人民政府","filedOn":"2026-01-05","copyReceivedOn":"2026-01-05"}""");
        // 10 working days after 01-05: 01-06..09=1..4, 01-12..16=5..9, 01-19=10
        Assert.Equal("2026-01-19", (string?)c["details"]!["proceedings"]![0]!["responseDueOn"]);

        Today(2026, 2, 10);
        c = await desk.Office.DoAsync(c, "recordProceedingResult", """{"proceedingId":1,"result":"Corrected","decidedOn":"2026-02-10","orderedReply":true}""");
        Assert.Equal("handling", (string?)c["state"]);
        Assert.Equal(2, (int)c["round"]!);
        Assert.Equal("Disclosed", (string?)c["outcome"]);
        Assert.Equal("2025-12-10", (string?)c["concludedOn"]);
        // day 0 = 02-10: 02-11..13=1..3, 02-14 (make-up)=4, 02-15..23 off, 02-24..27=5..8, 02-28 (make-up)=9,
        // 03-02..06=10..14, 03-09..13=15..19, 03-16=20
        var round = c["details"]!["rounds"]![0]!;
        Assert.Equal("2026-03-16", (string?)round["dueOn"]);
        Assert.Equal(1, (int)round["proceedingId"]!);
        var timers = await app.TimersAsync(Id(c));
        Assert.Contains(timers, t => t.Kind == "RoundReplyReminder" && t.DueOn == new DateOnly(2026, 3, 16) && t.FiredAtUtc == null);
        Assert.DoesNotContain("archive", Actions(c));
        // the round answers within the decision's period: no correction, fee, art 35 date or extension is offered, and
        // one asked for anyway is refused naming the rule
        var officerView = await (await desk.Officer.GetAsync($"/api/cases/{Id(c)}")).ReadJsonAsync();
        foreach (var act in new[] { "requestCorrection", "sendFeeNotice", "askReasons", "setArticle35ReplyDate", "requestExtension" })
            Assert.DoesNotContain(act, Actions(officerView));
        Assert.Contains("submitDraft", Actions(officerView));
        Assert.Contains("startConsultation", Actions(officerView));
        var refused = await (await desk.Officer.ActAsync(Id(c), "requestCorrection", Version(c), """{"items":"请写明文号"}"""))
            .ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("重新答复（第 2 轮）期间不能发出补正告知", (string?)refused["detail"]);
        Assert.Contains("至 2026-03-16", (string?)refused["detail"]);

        Today(2026, 3, 2);
        c = await ReplyAsync(desk, legal, c, "PartlyDisclosed", "部分公开。对不予公开部分不服的，可以依法申请行政复议。", "2026-03-02");
        Assert.Equal("concluded", (string?)c["state"]);
        Assert.Equal("Disclosed", (string?)c["outcome"]);
        Assert.Equal("2025-12-10", (string?)c["concludedOn"]);
        Assert.Equal("2026-03-02", (string?)c["details"]!["rounds"]![0]!["concludedOn"]);
        Assert.Equal("PartlyDisclosed", (string?)c["details"]!["rounds"]![0]!["outcome"]);
        Assert.Equal(2, c["details"]!["deliveries"]!.AsArray().Count);
        Assert.DoesNotContain(await app.TimersAsync(Id(c)), t => t.Kind.StartsWith("Round", StringComparison.Ordinal) && t.FiredAtUtc == null);

        var after2025 = await (await desk.Office.GetAsync($"/api/reports/annual/2025?agency={desk.Agency}")).ReadJsonAsync();
        Assert.Equal(locked["table3"]!.ToJsonString(), after2025["table3"]!.ToJsonString());
        Assert.Equal(locked["table4"]!.ToJsonString(), after2025["table4"]!.ToJsonString());
        string? recomputed = null;
        await app.WithDbAsync(async db =>
        {
            var codes = await AnnualReportQuery.ScopeAsync(desk.Agency, false, null, db, default);
            recomputed = AnnualReportQuery.Hash(AnnualReportQuery.Figures(await AnnualReportQuery.ComputeAsync(db, 2025, desk.Agency, false, codes, default)));
        });
        Assert.Equal((string?)lockView["hash"], recomputed);

        var y2026 = await (await desk.Office.GetAsync($"/api/reports/annual/2026?agency={desk.Agency}")).ReadJsonAsync();
        Assert.NotEmpty(y2026["checks"]!.AsArray());
        Assert.All(y2026["checks"]!.AsArray(), check => Assert.True((bool)check!["passed"]!, check.ToJsonString()));
        Assert.Equal(0, (int)y2026["table3"]!["rows"]!["ConcludedTotal"]![6]!); // counted once, in 2025
        Assert.Equal(0, (int)y2026["table3"]!["rows"]!["CarriedIn"]![6]!);
        Assert.Equal(1, (int)y2026["table4"]!["Review"]!["Corrected"]!);
    }

    [Fact]
    public async Task A_concluded_case_is_archived_only_without_pending_proceedings_and_stays_read_only_but_for_proceedings()
    {
        var (desk, legal) = await DeskAsync();
        Today(2026, 2, 12);
        var c = await desk.Officer.RegisterAsync();
        c = await desk.Officer.DoAsync(c, "assign", $$"""{"officer":"{{desk.OfficerName}}"}""");
        Assert.DoesNotContain("archive", Actions(c));
        await (await desk.Officer.ActAsync(Id(c), "archive", Version(c), """{"fileNumber":"2026-WS-001"}""")).ReadProblemAsync(HttpStatusCode.Conflict);

        Today(2026, 3, 10);
        c = await ReplyAsync(desk, legal, c, "Disclosed", "现将所申请信息提供如下。", "2026-03-10");
        c = await desk.Officer.DoAsync(c, "recordProceeding", """{"kind":"Review","body":"市人民政府","filedOn":"2026-03-10"}""");
        Assert.DoesNotContain("archive", Actions(c));
        await (await desk.Officer.ActAsync(Id(c), "archive", Version(c), """{"fileNumber":"2026-WS-001"}""")).ReadProblemAsync(HttpStatusCode.Conflict);

        Today(2026, 3, 20);
        c = await desk.Officer.DoAsync(c, "recordProceedingResult", """{"proceedingId":1,"result":"Other","decidedOn":"2026-03-20"}""");
        Assert.Contains("archive", Actions(c));
        var missing = await (await desk.Officer.ActAsync(Id(c), "archive", Version(c), "{}")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(missing["errors"]!["fileNumber"]);

        Today(2026, 3, 23);
        c = await desk.Office.DoAsync(c, "archive", """{"fileNumber":"2026-WS-001"}""");
        Assert.Equal("archived", (string?)c["state"]);
        Assert.Equal("2026-WS-001", (string?)c["details"]!["archive"]!["fileNumber"]);
        Assert.Equal("2026-03-23", (string?)c["details"]!["archive"]!["archivedOn"]);
        Assert.Equal(["recordProceeding"], Actions(c));
        await (await desk.Officer.ActAsync(Id(c), "submitDraft", Version(c), """{"outcome":"Disclosed","text":"再次答复"}""")).ReadProblemAsync(HttpStatusCode.Conflict);
        await (await desk.Officer.ActAsync(Id(c), "withdraw", Version(c), "{}")).ReadProblemAsync(HttpStatusCode.Conflict);

        // a later proceeding is still recorded on the archived case, and gets its result
        Today(2026, 4, 1);
        c = await desk.Officer.DoAsync(c, "recordProceeding", """{"kind":"Lawsuit","body":"区人民法院","filedOn":"2026-03-31","copyReceivedOn":"2026-04-01"}""");
        Assert.Equal("archived", (string?)c["state"]);
        Today(2026, 4, 30);
        c = await desk.Officer.DoAsync(c, "recordProceedingResult", """{"proceedingId":2,"result":"Upheld","decidedOn":"2026-04-30"}""");
        Assert.Equal("archived", (string?)c["state"]);
        Assert.Equal("Disclosed", (string?)c["outcome"]);
    }
}
