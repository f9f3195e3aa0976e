using System.Net;
using System.Text.Json.Nodes;
using CaseFlow.Data.Audit;
using CaseFlow.Data.Identity;
using CaseFlow.Web.Tests.Infrastructure;
using CaseFlow.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Web.Tests.Features.Users;

/// <summary>/api/admin/users: administrators create accounts, disable and enable them, set new passwords and lift
/// lockouts; every change is in the audit log with who made it. Each test uses its own users.</summary>
[Trait("TimeZone", "Sensitive")]
public abstract class UsersApiTests(CaseFlowApp app)
{
    public sealed class OnSqlite(SqliteApp app) : UsersApiTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : UsersApiTests(app), IClassFixture<PostgresApp>;

    private const string NewPassword = "Chun-Jie-2027a";

    private Task<HttpClient> AdminAsync(string name) => app.SignedInAsync(name, Roles.Admin, "users-hq");

    private Task<HttpResponseMessage> LogInAsync(string userName, string password) =>
        app.Anonymous().PostJsonAsync("/api/auth/login", $$"""{"userName":"{{userName}}","password":"{{password}}"}""");

    private async Task<List<AuditEntry>> AuditAsync(string target)
    {
        var rows = new List<AuditEntry>();
        await app.WithDbAsync(async db => rows = await db.AuditEntries.AsNoTracking().Where(e => e.Target == target).OrderBy(e => e.Id).ToListAsync());
        return rows;
    }

    [Fact]
    public async Task An_admin_creates_a_user_who_can_then_sign_in_with_the_roles_and_agency_given()
    {
        var admin = await AdminAsync("users-admin-create");
        await app.EnsureAgencyAsync("users-dept", "users-hq");

        var response = await admin.PostJsonAsync("/api/admin/users", $$"""
            {"userName":"li.si","displayName":"李四","agency":"users-dept","roles":["Officer","Head"],"password":"{{NewPassword}}","email":"li.si@example.com"}
            """);

        var created = await response.ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("/api/admin/users/li.si", response.Headers.Location?.OriginalString);
        Assert.Equal("李四", (string?)created["displayName"]);
        Assert.Equal("users-dept", (string?)created["agency"]);
        Assert.Equal("测试机关 users-dept", (string?)created["agencyName"]);
        Assert.Equal(["Officer", "Head"], created["roles"].Strings());
        Assert.Null(created["disabledAtUtc"]?.GetValue<string>());

        var me = await (await LogInAsync("li.si", NewPassword)).ReadJsonAsync();
        Assert.Equal("users-dept", (string?)me["agency"]);
        Assert.Equal(["Head", "Officer"], me["roles"].Strings().Order(StringComparer.Ordinal));

        var list = JsonNode.Parse(await (await admin.GetAsync("/api/admin/users")).ReadBodyAsync(HttpStatusCode.OK))!.AsArray();
        var row = list.Single(u => (string?)u!["userName"] == "li.si")!;
        Assert.Equal("li.si@example.com", (string?)row["email"]);

        var audit = Assert.Single(await AuditAsync("user:li.si"));
        Assert.Equal(("users-admin-create", "createUser"), (audit.Actor, audit.Action));
        Assert.Contains("承办人、负责人", audit.Detail); // the roles in Chinese
        Assert.DoesNotContain(NewPassword, audit.Detail);
    }

    [Fact]
    public async Task A_bad_form_is_refused_field_by_field_in_chinese_and_creates_nothing()
    {
        var admin = await AdminAsync("users-admin-bad");

        var problem = await (await admin.PostJsonAsync("/api/admin/users",
                """{"userName":"wang wu","displayName":"","agency":"no-such-agency","roles":["Officer","System"],"password":"short","email":"not-an-address"}"""))
            .ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("英文字母", problem.FieldErrors("userName")[0]);
        Assert.Equal(["必填。"], problem.FieldErrors("displayName"));
        Assert.Equal(["机关代码“no-such-agency”不存在。"], problem.FieldErrors("agency"));
        Assert.StartsWith("没有角色“System”", problem.FieldErrors("roles")[0]);
        Assert.Equal(["电子邮件地址格式不正确。"], problem.FieldErrors("email"));
        // Identity's rules as set up in AuthSetup: 10 characters, upper and lower case letters and a digit.
        Assert.Equal(["密码至少 10 个字符。", "密码须包含至少一个数字（0–9）。", "密码须包含至少一个大写英文字母（A–Z）。"],
            problem.FieldErrors("password"));

        var empty = await (await admin.PostJsonAsync("/api/admin/users", """{"userName":"wang.wu"}""")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["至少选择一个角色。"], empty.FieldErrors("roles"));
        Assert.Equal(["必填。"], empty.FieldErrors("password"));

        await app.WithDbAsync(async db => Assert.False(await db.Users.AnyAsync(u => u.UserName == "wang.wu" || u.UserName == "wang wu")));
        Assert.Empty(await AuditAsync("user:wang.wu"));
    }

    [Fact]
    public async Task A_taken_user_name_is_a_409()
    {
        var admin = await AdminAsync("users-admin-dup");
        await app.CreateUserAsync("users-taken", Roles.Officer, "users-hq");

        var problem = await (await admin.PostJsonAsync("/api/admin/users",
            $$"""{"userName":"users-taken","displayName":"重名","agency":"users-hq","roles":["Officer"],"password":"{{NewPassword}}"}""")).ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("用户名“users-taken”已被使用。", (string?)problem["detail"]);
    }

    [Fact]
    public async Task A_disabled_user_cannot_sign_in_until_enabled_and_both_changes_are_recorded_with_the_reason()
    {
        var admin = await AdminAsync("users-admin-disable");
        await app.CreateUserAsync("users-leaver", Roles.Officer, "users-hq");

        var missing = await (await admin.PostJsonAsync("/api/admin/users/users-leaver/disable", """{"reason":"  "}""")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["请填写停用理由。"], missing.FieldErrors("reason"));
        await (await LogInAsync("users-leaver", CaseFlowApp.Password)).ReadJsonAsync();

        var disabled = await (await admin.PostJsonAsync("/api/admin/users/users-leaver/disable", """{"reason":"调离本机关"}""")).ReadJsonAsync();
        Assert.NotNull((string?)disabled["disabledAtUtc"]);

        var refused = await (await LogInAsync("users-leaver", CaseFlowApp.Password)).ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("账户已停用", (string?)refused["title"]);
        // Someone without the password learns nothing about the account.
        var guessed = await (await LogInAsync("users-leaver", "Wrong-Password-1")).ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("登录失败", (string?)guessed["title"]);

        var again = await (await admin.PostJsonAsync("/api/admin/users/users-leaver/disable", """{"reason":"重复"}""")).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("该账户已停用。", (string?)again["detail"]);

        await (await admin.PostAsync("/api/admin/users/users-leaver/enable", null)).ReadJsonAsync();
        await (await LogInAsync("users-leaver", CaseFlowApp.Password)).ReadJsonAsync();

        var audit = await AuditAsync("user:users-leaver");
        Assert.Equal(["disableUser", "enableUser"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal("users-admin-disable", a.Actor));
        Assert.Equal("停用账户，理由：调离本机关", audit[0].Detail);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, audit[0].AtUtc, TimeSpan.FromSeconds(1));

        var detail = await (await admin.GetAsync("/api/admin/users/users-leaver")).ReadJsonAsync();
        Assert.Equal(["enableUser", "disableUser"], detail["history"]!.AsArray().Select(h => (string)h!["action"]!)); // newest first
    }

    [Fact]
    public async Task An_admin_cannot_disable_himself()
    {
        var admin = await AdminAsync("users-admin-self");

        var problem = await (await admin.PostJsonAsync("/api/admin/users/users-admin-self/disable", """{"reason":"试一试"}""")).ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("不能停用自己的账户。", (string?)problem["detail"]);
        await (await admin.GetAsync("/api/auth/me")).ReadJsonAsync();
    }

    [Fact]
    public async Task A_new_password_must_follow_the_rules_and_then_replaces_the_old_one()
    {
        var admin = await AdminAsync("users-admin-password");
        await app.CreateUserAsync("users-forgetful", Roles.LegalAdviser, "users-hq");

        var weak = await (await admin.PostJsonAsync("/api/admin/users/users-forgetful/password", """{"password":"alllowercase"}""")).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["密码须包含至少一个数字（0–9）。", "密码须包含至少一个大写英文字母（A–Z）。"], weak.FieldErrors("password"));
        await (await LogInAsync("users-forgetful", CaseFlowApp.Password)).ReadJsonAsync(); // a refused reset changes nothing

        await (await admin.PostJsonAsync("/api/admin/users/users-forgetful/password", $$"""{"password":"{{NewPassword}}"}""")).ReadJsonAsync();

        await (await LogInAsync("users-forgetful", CaseFlowApp.Password)).ReadProblemAsync(HttpStatusCode.Unauthorized);
        await (await LogInAsync("users-forgetful", NewPassword)).ReadJsonAsync();
        var audit = Assert.Single(await AuditAsync("user:users-forgetful"));
        Assert.Equal("resetPassword", audit.Action);
        Assert.DoesNotContain(NewPassword, audit.Detail);
    }

    [Fact]
    public async Task Unlocking_lifts_the_lockout_after_five_failed_sign_ins()
    {
        var admin = await AdminAsync("users-admin-unlock");
        await app.CreateUserAsync("users-locked", Roles.Officer, "users-hq");
        var notLocked = await (await admin.PostAsync("/api/admin/users/users-locked/unlock", null)).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("该账户未被锁定。", (string?)notLocked["detail"]);

        for (var i = 0; i < 5; i++) await (await LogInAsync("users-locked", "Wrong-Password-1")).ReadProblemAsync(HttpStatusCode.Unauthorized);
        var locked = await (await LogInAsync("users-locked", CaseFlowApp.Password)).ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("账户已锁定", (string?)locked["title"]);
        var view = await (await admin.GetAsync("/api/admin/users/users-locked")).ReadJsonAsync();
        Assert.NotNull((string?)view["user"]!["lockedOutUntilUtc"]);

        var unlocked = await (await admin.PostAsync("/api/admin/users/users-locked/unlock", null)).ReadJsonAsync();
        Assert.Null(unlocked["lockedOutUntilUtc"]?.GetValue<string>());
        Assert.Equal(0, (int?)unlocked["failedSignIns"]);

        await (await LogInAsync("users-locked", CaseFlowApp.Password)).ReadJsonAsync();
        Assert.Equal("解除登录失败锁定", Assert.Single(await AuditAsync("user:users-locked")).Detail);
    }

    [Fact]
    public async Task Only_administrators_may_manage_users()
    {
        var office = await app.SignedInAsync("users-office", Roles.Office, "users-hq");
        await (await office.GetAsync("/api/admin/users")).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await office.PostJsonAsync("/api/admin/users", """{"userName":"x"}""")).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await office.PostAsync("/api/admin/users/users-office/enable", null)).ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await app.Anonymous().GetAsync("/api/admin/users")).ReadProblemAsync(HttpStatusCode.Unauthorized);

        var admin = await AdminAsync("users-admin-404");
        var missing = await (await admin.PostAsync("/api/admin/users/nobody-at-all/enable", null)).ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("没有用户“nobody-at-all”。", (string?)missing["detail"]);
    }
}
