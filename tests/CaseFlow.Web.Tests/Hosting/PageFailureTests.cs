using System.Net;
using CaseFlow.Web.Tests.Features.Cases;
using CaseFlow.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Web.Tests.Hosting;

/// <summary>A failure on a page shows the Chinese error page (HTML, status kept, no stack trace); the same failure in the
/// API stays a problem. The failure is real: the journal table is renamed under the running app, so this class has its own
/// database.</summary>
[Trait("TimeZone", "Sensitive")]
public sealed class PageFailureTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task A_page_that_fails_shows_the_error_page_and_the_api_a_problem()
    {
        app.Clock.SetChinaTime(new DateOnly(2026, 2, 12), new TimeOnly(10, 0));
        var officer = await app.SignedInAsync("failure.officer", CaseFlow.Workflows.Definitions.Roles.Officer);
        var id = CaseApi.Id(await officer.RegisterAsync());
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("ALTER TABLE \"CaseJournal\" RENAME TO \"CaseJournalGone\""));
        try
        {
            var page = await officer.GetAsync($"/cases/{id}");
            var html = await page.ReadBodyAsync(HttpStatusCode.InternalServerError);
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
            Assert.Contains("<h1>出错了</h1>", html);
            Assert.Contains("已记录日志", html);
            Assert.DoesNotContain("Exception", html);
            Assert.DoesNotContain("CaseJournal", html);

            var api = await officer.GetAsync($"/api/cases/{id}/journal");
            Assert.Equal(HttpStatusCode.InternalServerError, api.StatusCode);
            Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
            Assert.DoesNotContain("CaseJournal", await api.Content.ReadAsStringAsync());
        }
        finally
        {
            await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("ALTER TABLE \"CaseJournalGone\" RENAME TO \"CaseJournal\""));
        }
    }

    /// <summary>A domain refusal that escapes a page keeps its status on the error page (404 here, not 500).</summary>
    [Fact]
    public async Task An_unknown_case_page_is_the_404_page()
    {
        var officer = await app.SignedInAsync("failure.officer2", CaseFlow.Workflows.Definitions.Roles.Officer);

        var page = await officer.GetAsync("/cases/987654321");

        var html = await page.ReadBodyAsync(HttpStatusCode.NotFound);
        Assert.Contains("<h1>页面不存在</h1>", html);
    }
}
