using System.Net;
using CaseFlow.Web.Tests.Infrastructure;

namespace CaseFlow.Web.Tests.Features.Auth;

/// <summary>POST /api/auth/login, GET /api/auth/me, POST /api/auth/logout. Each test uses its own user.</summary>
public abstract class LoginTests(CaseFlowApp app)
{
    public sealed class OnSqlite(SqliteApp app) : LoginTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : LoginTests(app), IClassFixture<PostgresApp>;

    [Fact]
    public async Task Login_returns_the_user_with_roles_and_agency_and_sets_the_session_cookie()
    {
        await app.CreateUserAsync("login-ok", "LegalAdviser", agency: "demo");
        var client = app.Anonymous();

        var response = await client.PostJsonAsync("/api/auth/login", $$"""{"userName":"login-ok","password":"{{CaseFlowApp.Password}}"}""");

        var user = await response.ReadJsonAsync();
        Assert.Equal("login-ok", (string?)user["userName"]);
        Assert.Equal("demo", (string?)user["agency"]);
        Assert.Equal(["LegalAdviser"], user["roles"].Strings());
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("caseflow.auth=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_signed_in_user_sees_itself_until_logging_out()
    {
        var client = await app.SignedInAsync("login-me", "Office");

        var me = await (await client.GetAsync("/api/auth/me")).ReadJsonAsync();
        Assert.Equal("login-me", (string?)me["userName"]);
        Assert.Equal("demo", (string?)me["agency"]);
        Assert.Equal(["Office"], me["roles"].Strings());

        await (await client.PostAsync("/api/auth/logout", null)).ReadBodyAsync(HttpStatusCode.NoContent);
        await (await client.GetAsync("/api/auth/me")).ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_wrong_password_is_a_401_problem()
    {
        await app.CreateUserAsync("login-wrong", "Officer");

        var response = await app.Anonymous().PostJsonAsync("/api/auth/login", """{"userName":"login-wrong","password":"Not-The-Password-1"}""");

        var problem = await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("登录失败", (string?)problem["title"]);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task An_unknown_user_gets_the_same_answer_as_a_wrong_password()
    {
        var response = await app.Anonymous().PostJsonAsync("/api/auth/login", """{"userName":"nobody-here","password":"Not-The-Password-1"}""");

        var problem = await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("登录失败", (string?)problem["title"]);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account()
    {
        await app.CreateUserAsync("login-locked", "Officer");
        var client = app.Anonymous();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var wrong = await client.PostJsonAsync("/api/auth/login", """{"userName":"login-locked","password":"Not-The-Password-1"}""");
            var problem = await wrong.ReadProblemAsync(HttpStatusCode.Unauthorized);
            if (attempt < 5) Assert.Equal("登录失败", (string?)problem["title"]);
        }

        var right = await client.PostJsonAsync("/api/auth/login", $$"""{"userName":"login-locked","password":"{{CaseFlowApp.Password}}"}""");
        var locked = await right.ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("账户已锁定", (string?)locked["title"]);
        Assert.Contains("锁定", (string?)locked["detail"]);
        Assert.False(right.Headers.Contains("Set-Cookie"));
    }

    [Theory]
    [InlineData("""{"password":"x"}""", "userName")]
    [InlineData("""{"userName":"someone"}""", "password")]
    [InlineData("""{"userName":"  ","password":"x"}""", "userName")]
    public async Task A_login_without_name_or_password_is_a_400(string body, string field)
    {
        var response = await app.Anonymous().PostJsonAsync("/api/auth/login", body);

        Assert.NotEmpty((await response.ReadProblemAsync(HttpStatusCode.BadRequest)).FieldErrors(field));
    }

    [Fact]
    public async Task Me_without_signing_in_is_a_401_problem_not_a_redirect()
    {
        var response = await app.Anonymous().GetAsync("/api/auth/me");

        var problem = await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Null(response.Headers.Location);
        Assert.Equal("未登录", (string?)problem["title"]);
    }
}
