using System.Text.Json.Nodes;
using CaseFlow.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static CaseFlow.Web.Tests.Features.Cases.CaseApi;

namespace CaseFlow.Web.Tests.Features.Cases;

/// <summary>GET /api/cases (and the queue page on it) reads the dated cases and the undated ones as two ranges; the
/// order stays soonest reply due date first, equal dates by id, cases without a date last, on every page.</summary>
[Trait("TimeZone", "Sensitive")]
public abstract class ListCasesOrderTests(CaseFlowApp app)
{
    public sealed class OnSqlite(SqliteApp app) : ListCasesOrderTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : ListCasesOrderTests(app), IClassFixture<PostgresApp>;

    [Fact]
    public async Task Pages_follow_the_due_date_then_the_id_with_undated_cases_last()
    {
        var officer = await app.SignedInAsync("order-officer", "Officer", "order");
        // Received Thu 2026-02-12 → due Wed 03-18; received Mon 03-02 → due Mon 03-30 (domain.md §3).
        app.Clock.SetChinaTime(new DateOnly(2026, 2, 12), new TimeOnly(10, 0));
        var a = Id(await officer.RegisterAsync());
        var b = Id(await officer.RegisterAsync());
        app.Clock.SetChinaTime(new DateOnly(2026, 3, 2), new TimeOnly(10, 0));
        var c = Id(await officer.RegisterAsync(Registration.Replace("2026-02-12", "2026-03-02")));
        var d = Id(await officer.RegisterAsync(Registration.Replace("2026-02-12", "2026-03-02")));
        app.Clock.SetChinaTime(new DateOnly(2026, 2, 12), new TimeOnly(11, 0));
        var e = Id(await officer.RegisterAsync());
        // Two cases without a reply due date (set directly: what an import without dates leaves).
        await app.WithDbAsync(db => db.Cases.Where(x => x.Id == b || x.Id == d).ExecuteUpdateAsync(s => s.SetProperty(x => x.ReplyDueOn, (DateOnly?)null)));

        long[] expected = [a, e, c, b, d]; // 03-18 (a, e by id), 03-30 (c), then undated by id (b, d)
        for (var size = 1; size <= 6; size++)
        {
            var seen = new List<long>();
            for (var page = 1; page <= (expected.Length + size - 1) / size; page++)
            {
                var list = await (await officer.GetAsync($"/api/cases?pageSize={size}&page={page}")).ReadJsonAsync();
                Assert.Equal(expected.Length, (int)list["total"]!);
                seen.AddRange(list["items"]!.AsArray().Select(i => (long)i!["id"]!));
            }
            Assert.Equal(expected, seen);
        }
        var past = await (await officer.GetAsync("/api/cases?pageSize=2&page=4")).ReadJsonAsync();
        Assert.Empty(past["items"]!.AsArray());
    }
}
