using System.Net;
using Microsoft.Extensions.DependencyInjection;
using CaseFlow.Web.Tests.Features.Reminders;
using CaseFlow.Web.Tests.Infrastructure;

namespace CaseFlow.Web.Tests.Features.Proceedings;

/// <summary>
/// Reviews and lawsuits without a case (domain.md §2.9): recorded for an agency through POST /api/proceedings, with
/// the response due date counted by hand from domain.md §2.9 and §3 (2026 calendar), counted in table 四 of the year
/// filed with drill-down, refused when they would change a locked report, audited with the user.
/// </summary>
[Trait("TimeZone", "Sensitive")]
public abstract class AgencyProceedingsTests(CaseFlowApp app)
{
    public sealed class OnSqlite(SqliteApp app) : AgencyProceedingsTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : AgencyProceedingsTests(app), IClassFixture<PostgresApp>;

    private void Today(int year, int month, int day) => app.Clock.SetChinaTime(new DateOnly(year, month, day), new TimeOnly(10, 0));

    private Task<int> RemindAsync() =>
        app.Services.GetRequiredService<CaseFlow.Web.Features.Proceedings.AgencyProceedingReminders>().RunAsync(CancellationToken.None);

    /// <summary>Review copy received Thu 2026-04-02 → reply due Fri 04-17 (counted in the test above); the lawsuit's
    /// defence is due the same day but its result comes first, so it is not reminded of.</summary>
    [Fact]
    public async Task The_response_due_day_reminds_the_agency_once()
    {
        var desk = await app.DeskAsync();
        Today(2026, 4, 2);
        await (await desk.Office.PostJsonAsync("/api/proceedings",
            """{"kind":"Review","body":"市人民政府","filedOn":"2026-04-01","copyReceivedOn":"2026-04-02"}""")).ReadJsonAsync(HttpStatusCode.Created);
        var lawsuit = await (await desk.Officer.PostJsonAsync("/api/proceedings", """{"kind":"Lawsuit","body":"区人民法院","filedOn":"2026-04-02"}"""))
            .ReadJsonAsync(HttpStatusCode.Created);
        Today(2026, 4, 10);
        await (await desk.Office.PostJsonAsync($"/api/proceedings/{(long)lawsuit["id"]!}/result", """{"result":"Other","decidedOn":"2026-04-10"}""")).ReadJsonAsync();

        Today(2026, 4, 16);
        await RemindAsync();
        Assert.Empty(await desk.Office.GetArrayAsync("/api/me/notifications"));

        Today(2026, 4, 17);
        await RemindAsync();
        await RemindAsync(); // a second sweep, as another instance would run it
        foreach (var user in new[] { desk.Office, desk.Head, desk.Officer })
        {
            var note = Assert.Single(await user.GetArrayAsync("/api/me/notifications"));
            Assert.EndsWith("：行政复议答复今日到期", (string?)note!["title"]);
            Assert.Contains("的书面答复及证据须于今日 2026-04-17 前提交", (string?)note["body"]);
        }
    }

    [Fact]
    public async Task A_review_without_a_case_counts_in_table_four_of_its_agency_and_year()
    {
        var desk = await app.DeskAsync();
        Today(2026, 4, 2);
        var review = await (await desk.Office.PostJsonAsync("/api/proceedings",
            $$"""{"agency":"{{desk.Agency}}","kind":"Review","body":"市人民政府","subject":"主动公开目录不全","filedOn":"2026-04-01","copyReceivedOn":"2026-04-02"}"""))
            .ReadJsonAsync(HttpStatusCode.Created);
        // 10 working days after 04-02: 04-03=1, 04-04..06 off, 04-07..10=2..5, 04-13..17=6..10
        Assert.Equal("2026-04-17", (string?)review["responseDueOn"]);
        Assert.Equal(desk.Agency, (string?)review["agency"]);
        var id = (long)review["id"]!;

        // the officer records a lawsuit for the own agency (agency defaults to the user's)
        var lawsuit = await (await desk.Officer.PostJsonAsync("/api/proceedings", """{"kind":"Lawsuit","body":"区人民法院","filedOn":"2026-04-02"}"""))
            .ReadJsonAsync(HttpStatusCode.Created);
        // 15 calendar days after 04-02 = 04-17 (a Friday, a working day)
        Assert.Equal("2026-04-17", (string?)lawsuit["responseDueOn"]);

        var report = await (await desk.Office.GetAsync($"/api/reports/annual/2026?agency={desk.Agency}")).ReadJsonAsync();
        Assert.Equal(1, (int)report["table4"]!["Review"]!["Pending"]!);
        Assert.Equal(1, (int)report["table4"]!["LawsuitDirect"]!["Pending"]!);
        Assert.All(report["checks"]!.AsArray(), c => Assert.True((bool)c!["passed"]!, c.ToJsonString()));

        Today(2026, 6, 1);
        var decided = await (await desk.Office.PostJsonAsync($"/api/proceedings/{id}/result", """{"result":"Corrected","decidedOn":"2026-05-29"}""")).ReadJsonAsync();
        Assert.Equal("Corrected", (string?)decided["result"]);
        await (await desk.Office.PostJsonAsync($"/api/proceedings/{id}/result", """{"result":"Upheld"}""")).ReadProblemAsync(HttpStatusCode.Conflict);

        report = await (await desk.Office.GetAsync($"/api/reports/annual/2026?agency={desk.Agency}")).ReadJsonAsync();
        Assert.Equal(1, (int)report["table4"]!["Review"]!["Corrected"]!);
        Assert.Equal(0, (int)report["table4"]!["Review"]!["Pending"]!);
        var cell = await (await desk.Office.GetAsync($"/api/reports/annual/2026/cells/Review/Corrected?agency={desk.Agency}")).ReadJsonAsync();
        Assert.Equal(1, (int)cell["count"]!);
        Assert.Empty(cell["cases"]!.AsArray());
        Assert.Equal(id, (long)cell["proceedings"]![0]!["id"]!);
        Assert.Equal("主动公开目录不全", (string?)cell["proceedings"]![0]!["subject"]);

        // a lawsuit after the review names it
        var after = await (await desk.Officer.PostJsonAsync("/api/proceedings", $$"""{"kind":"LawsuitAfterReview","body":"区人民法院","filedOn":"2026-06-01","reviewId":{{id}}}"""))
            .ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(id, (long)after["reviewId"]!);

        var listed = System.Text.Json.Nodes.JsonNode.Parse(await (await desk.Officer.GetAsync("/api/proceedings?year=2026")).ReadBodyAsync(HttpStatusCode.OK))!.AsArray();
        Assert.Equal(3, listed.Count);
        Assert.Empty(System.Text.Json.Nodes.JsonNode.Parse(await (await desk.Officer.GetAsync("/api/proceedings?year=2025")).ReadBodyAsync(HttpStatusCode.OK))!.AsArray());

        var audit = await app.SignedInAsync("admin-proceedings", "Admin");
        var entries = await (await audit.GetAsync($"/api/admin/audit?target=proceeding:{id}")).ReadBodyAsync(HttpStatusCode.OK);
        Assert.Contains("recordProceedingResult", entries);
        Assert.Contains($"{desk.Agency}-office", entries);
    }

    [Fact]
    public async Task Bad_input_wrong_role_and_another_agency_are_refused()
    {
        var desk = await app.DeskAsync();
        var other = await app.DeskAsync();
        Today(2026, 4, 2);
        var missing = await (await desk.Office.PostJsonAsync("/api/proceedings", """{"filedOn":"2026-04-03"}""")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(missing["errors"]!["kind"]);
        Assert.NotNull(missing["errors"]!["body"]);
        Assert.NotNull(missing["errors"]!["filedOn"]); // 04-03 is after today
        var badKind = await (await desk.Office.PostJsonAsync("/api/proceedings", """{"kind":"Appeal","body":"法院","filedOn":"2026-04-01"}""")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(badKind["errors"]);
        var notAReview = await (await desk.Office.PostJsonAsync("/api/proceedings", """{"kind":"LawsuitAfterReview","body":"法院","filedOn":"2026-04-01","reviewId":999999}"""))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(notAReview["errors"]!["reviewId"]);

        await (await desk.Head.PostJsonAsync("/api/proceedings", """{"kind":"Review","body":"市人民政府","filedOn":"2026-04-01"}""")).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await desk.Officer.PostJsonAsync("/api/proceedings", $$"""{"agency":"{{other.Agency}}","kind":"Review","body":"市人民政府","filedOn":"2026-04-01"}"""))
            .ReadProblemAsync(HttpStatusCode.Forbidden);
        var theirs = await (await other.Office.PostJsonAsync("/api/proceedings", """{"kind":"Review","body":"市人民政府","filedOn":"2026-04-01"}""")).ReadJsonAsync(HttpStatusCode.Created);
        await (await desk.Office.PostJsonAsync($"/api/proceedings/{(long)theirs["id"]!}/result", """{"result":"Upheld"}""")).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    /// <summary>2025 locked on 2026-01-06: a review filed in 2025 and recorded late would change its table 四 (409); one
    /// filed 2026-01-05 does not; a 2025 review decided in 2026 leaves 2025 pending as locked, so its result is allowed.</summary>
    [Fact]
    public async Task A_locked_year_refuses_a_proceeding_that_would_change_its_table_four()
    {
        var desk = await app.DeskAsync();
        Today(2025, 12, 15);
        var early = await (await desk.Office.PostJsonAsync("/api/proceedings", """{"kind":"Review","body":"市人民政府","filedOn":"2025-12-15"}""")).ReadJsonAsync(HttpStatusCode.Created);

        Today(2026, 1, 6);
        await (await desk.Office.PostAsync($"/api/reports/annual/2025/lock?agency={desk.Agency}", null)).ReadJsonAsync();
        var refused = await (await desk.Office.PostJsonAsync("/api/proceedings", """{"kind":"Review","body":"市人民政府","filedOn":"2025-12-30"}"""))
            .ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(2025, (int)refused["lockedReport"]!["year"]!);
        await (await desk.Office.PostJsonAsync("/api/proceedings", """{"kind":"Review","body":"市人民政府","filedOn":"2026-01-05"}""")).ReadJsonAsync(HttpStatusCode.Created);

        await (await desk.Office.PostJsonAsync($"/api/proceedings/{(long)early["id"]!}/result", """{"result":"Upheld","decidedOn":"2025-12-31"}"""))
            .ReadProblemAsync(HttpStatusCode.Conflict);
        await (await desk.Office.PostJsonAsync($"/api/proceedings/{(long)early["id"]!}/result", """{"result":"Upheld","decidedOn":"2026-01-06"}""")).ReadJsonAsync();
        var y2025 = await (await desk.Office.GetAsync($"/api/reports/annual/2025?agency={desk.Agency}")).ReadJsonAsync();
        Assert.Equal(1, (int)y2025["table4"]!["Review"]!["Pending"]!);
        var listed = System.Text.Json.Nodes.JsonNode.Parse(await (await desk.Office.GetAsync($"/api/proceedings?agency={desk.Agency}")).ReadBodyAsync(HttpStatusCode.OK))!.AsArray();
        Assert.Equal(2, listed.Count);
    }
}
