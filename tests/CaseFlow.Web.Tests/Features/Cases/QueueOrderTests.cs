using CaseFlow.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static CaseFlow.Web.Tests.Features.Cases.CaseApi;

namespace CaseFlow.Web.Tests.Features.Cases;

/// <summary>GET /api/cases (and the /cases queue built on it) by urgency: overdue, due within 3 working days, within 5,
/// waiting on others, other open cases, concluded last. Today is Mon 2026-03-16; due dates counted by hand on the 2026
/// calendar (domain.md §3): received Mon 02-09 → due Fri 03-13 (overdue); Thu 02-12 → Wed 03-18 (2 left); Tue 02-24 →
/// Mon 03-23 (5 left); Mon 03-16 → 20 working days on (normal).</summary>
[Trait("TimeZone", "Sensitive")]
public abstract class QueueOrderTests(CaseFlowApp app)
{
    public sealed class OnSqlite(SqliteApp app) : QueueOrderTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : QueueOrderTests(app), IClassFixture<PostgresApp>;

    private static string Received(string name, string on) => Registration
        .Replace("\"2026-02-12\"", $"\"{on}\"", StringComparison.Ordinal)
        .Replace("\"张三\"", $"\"{name}\"", StringComparison.Ordinal);

    [Fact]
    public async Task The_queue_is_ordered_by_urgency_with_cases_waiting_on_others_after_those_due_soon()
    {
        // Waiting for the applicant's correction since Tue 02-10 (the notice is dated by the server): its stored date is
        // still the original 03-13, which alone would put it first; waiting on the applicant puts it after the cases due soon.
        app.Clock.SetChinaTime(new DateOnly(2026, 2, 10), new TimeOnly(9, 0));
        var officer = await app.SignedInAsync("queue-order-officer", "Officer", "queue-order");
        var correcting = await officer.RegisterAsync(Received("待补正", "2026-02-09"));
        correcting = await officer.DoAsync(correcting, "requestCorrection", """{"items":"请写明文件名称"}""");

        app.Clock.SetChinaTime(new DateOnly(2026, 3, 16), new TimeOnly(9, 0));

        var normal = await officer.RegisterAsync(Received("正常", "2026-03-16"));
        var concluded = await officer.RegisterAsync(Received("已撤回", "2026-02-09"));
        concluded = await officer.DoAsync(concluded, "withdraw", """{"reason":"申请人撤回"}""");
        var consulting = await officer.RegisterAsync(Received("征求意见中", "2026-02-12"));
        consulting = await officer.DoAsync(consulting, "assign", """{"officer":"queue-order-officer"}""");
        consulting = await officer.DoAsync(consulting, "startConsultation", """{"kind":"ThirdParty","party":"某公司"}""");
        var five = await officer.RegisterAsync(Received("五日内", "2026-02-24"));
        var three = await officer.RegisterAsync(Received("三日内", "2026-02-12"));
        var overdue = await officer.RegisterAsync(Received("已超期", "2026-02-09"));
        Assert.Equal(["2026-03-13", "2026-03-18", "2026-03-23"], new[] { overdue, three, five }.Select(Due));
        Assert.Equal("2026-03-13", Due(correcting));

        var list = await (await officer.GetAsync("/api/cases?pageSize=50")).ReadJsonAsync();

        Assert.Equal(["已超期", "三日内", "五日内", "待补正", "征求意见中", "正常", "已撤回"],
            list["items"]!.AsArray().Select(c => (string)c!["applicantName"]!));

        // Pages cut across the groups without losing or repeating a case.
        string[][] pages = [["已超期", "三日内"], ["五日内", "待补正"], ["征求意见中", "正常"], ["已撤回"]];
        for (var n = 1; n <= 4; n++)
        {
            var paged = await (await officer.GetAsync($"/api/cases?pageSize=2&page={n}")).ReadJsonAsync();
            Assert.Equal(pages[n - 1], paged["items"]!.AsArray().Select(c => (string)c!["applicantName"]!));
            Assert.Equal(7, (int)paged["total"]!);
        }

        // The queue page shows the same order.
        var html = await (await officer.GetAsync("/cases")).ReadBodyAsync(System.Net.HttpStatusCode.OK);
        var page = html[html.IndexOf("<tbody", StringComparison.Ordinal)..]; // the state filter lists 待补正 too
        var at = new[] { "已超期", "三日内", "五日内", "待补正", "征求意见中", "正常" }.Select(n => page.IndexOf($">{n}<", StringComparison.Ordinal)).ToArray();
        Assert.All(at, i => Assert.True(i > 0));
        Assert.Equal(at.Order(), at);
    }

    /// <summary>The queue page counts an office's cases only up to <c>QueueModel.CountUpTo</c>: here the same query with
    /// a limit of 3 says 4 ("more than 3") and still pages through every case, the concluded ones last.</summary>
    [Fact]
    public async Task A_capped_count_still_pages_through_every_case()
    {
        app.Clock.SetChinaTime(new DateOnly(2026, 3, 16), new TimeOnly(9, 0));
        var officer = await app.SignedInAsync("queue-cap-officer", "Officer", "queue-cap");
        var overdue = await officer.RegisterAsync(Received("超期", "2026-02-09"));
        var normal = await officer.RegisterAsync(Received("正常", "2026-03-16"));
        for (var i = 1; i <= 3; i++)
            await officer.DoAsync(await officer.RegisterAsync(Received($"撤回{i}", "2026-02-10")), "withdraw", """{"reason":"申请人撤回"}""");

        var user = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
        [
            new(System.Security.Claims.ClaimTypes.Name, "queue-cap-officer"),
            new(System.Security.Claims.ClaimTypes.Role, "Officer"),
            new(CaseFlow.Web.Features.Auth.AuthSetup.AgencyClaim, "queue-cap"),
        ], "test"));
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        async Task<CaseFlow.Web.Features.Cases.ListCases.Page> PageAsync(int n, int? cap) => await CaseFlow.Web.Features.Cases.ListCases.ListAsync(
            null, null, null, null, null, null, null, null, null, $"{n}", "2", null, cap, user,
            sp.GetRequiredService<CaseFlow.Data.CaseFlowDbContext>(), sp.GetRequiredService<CaseFlow.Workflows.Engine.WorkflowEngine>(),
            sp.GetRequiredService<CaseFlow.Web.Features.Calendar.CalendarProvider>(), sp.GetRequiredService<TimeProvider>(), CancellationToken.None);

        Assert.Equal(5, (await PageAsync(1, null)).Total);
        string[][] expected = [["超期", "正常"], ["撤回3", "撤回2"], ["撤回1"]];
        for (var n = 1; n <= 3; n++)
        {
            var page = await PageAsync(n, 3);
            Assert.Equal(4, page.Total);
            Assert.Equal(expected[n - 1], page.Items.Select(c => c.ApplicantName));
        }
    }
}
