using System.Net;
using System.Text;
using CaseFlow.Web.Tests.Infrastructure;

namespace CaseFlow.Web.Tests.Hosting;

/// <summary>Every error is an RFC 9457 problem (application/problem+json, status, traceId) and never shows a stack trace.</summary>
[Trait("TimeZone", "Sensitive")]
public abstract class ErrorsTests(CaseFlowApp app)
{
    public sealed class OnSqlite(SqliteApp app) : ErrorsTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : ErrorsTests(app), IClassFixture<PostgresApp>;

    [Theory]
    [InlineData("/api/no-such-route")]
    [InlineData("/api/calendar/next-year")]
    public async Task An_unknown_route_is_a_404_problem(string path)
    {
        var response = await app.Anonymous().GetAsync(path);

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    /// <summary>Outside the API a person is reading: the Chinese not-found page, with the 404 status.</summary>
    [Fact]
    public async Task An_unknown_page_is_the_404_page()
    {
        var response = await app.Anonymous().GetAsync("/no-such-page");

        var body = await response.ReadBodyAsync(HttpStatusCode.NotFound);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1>页面不存在</h1>", body);
    }

    [Fact]
    public async Task A_wrong_method_is_a_405_problem()
    {
        var response = await app.Anonymous().DeleteAsync("/api/calendar/2026");

        await response.ReadProblemAsync(HttpStatusCode.MethodNotAllowed);
    }

    [Theory]
    [InlineData("GET", "/api/calendar/add-working-days?from=2026-02-30&days=1", null, HttpStatusCode.BadRequest)]
    [InlineData("GET", "/api/calendar/add-working-days?from=9999-12-31&days=1000", null, HttpStatusCode.BadRequest)]
    [InlineData("GET", "/api/calendar/add-working-days?from=0001-01-01&days=-1000", null, HttpStatusCode.BadRequest)]
    [InlineData("GET", "/api/calendar/-5", null, HttpStatusCode.BadRequest)]
    [InlineData("GET", "/api/calendar/2147483647", null, HttpStatusCode.BadRequest)]
    [InlineData("GET", "/api/calendar/99999999999", null, HttpStatusCode.NotFound)]
    [InlineData("POST", "/api/deadlines/reply", "{\"receivedOn\":\"9999-12-31\",\"extensionDays\":20}", HttpStatusCode.BadRequest)]
    [InlineData("POST", "/api/deadlines/reply", "{\"receivedOn\":\"2026-02-12\",\"pauses\":[null]}", HttpStatusCode.BadRequest)]
    [InlineData("POST", "/api/deadlines/reply", "{\"receivedOn\":\"2026-02-12\",\"pauses\":[{\"from\":\"2026-03-01\"},{\"from\":\"2026-03-02\"}]}", HttpStatusCode.BadRequest)]
    [InlineData("POST", "/api/deadlines/reply", "{\"receivedOn\":\"2026-02-12\",\"pauses\":{}}", HttpStatusCode.BadRequest)]
    [InlineData("POST", "/api/deadlines/reply", "\u0000\u0001", HttpStatusCode.BadRequest)]
    [InlineData("POST", "/api/auth/login", "{\"userName\":[],\"password\":1}", HttpStatusCode.BadRequest)]
    [InlineData("POST", "/api/auth/login", "<login/>", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/api/auth/me", null, HttpStatusCode.Unauthorized)]
    [InlineData("PUT", "/api/calendar/2027", "{}", HttpStatusCode.Unauthorized)]
    public async Task Failures_are_problems_with_a_trace_id_and_no_stack_trace(string method, string path, string? json, HttpStatusCode status)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");

        var response = await app.Anonymous().SendAsync(request);

        var problem = await response.ReadProblemAsync(status);
        Assert.False(string.IsNullOrEmpty((string?)problem["title"]));
    }

    [Fact]
    public async Task The_OpenAPI_document_is_served()
    {
        var document = await (await app.Anonymous().GetAsync("/openapi/v1.json")).ReadJsonAsync();

        Assert.NotNull(document["paths"]?["/api/deadlines/reply"]);
    }
}
