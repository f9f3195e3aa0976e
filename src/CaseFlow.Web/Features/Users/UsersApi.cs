using System.Security.Claims;
using CaseFlow.Workflows.Definitions;

namespace CaseFlow.Web.Features.Users;

/// <summary>/api/admin/users — administrators manage accounts; the /admin/users pages call the same
/// <see cref="AccountAdmin"/> methods.</summary>
public static class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin/users").WithTags("Users 用户").RequireAuthorization(Roles.Admin);
        api.MapGet("/", (AccountAdmin admin, CancellationToken ct) => admin.ListAsync(ct))
            .WithName("listUsers").WithSummary("所有用户：角色、机关、是否停用、是否因登录失败被锁定");
        api.MapGet("/{userName}", (string userName, AccountAdmin admin, CancellationToken ct) => admin.GetAsync(userName, ct))
            .WithName("getUser").ProducesProblem(StatusCodes.Status404NotFound).WithSummary("一个用户及其管理操作记录");
        api.MapPost("/", async (AccountAdmin.CreateUserBody? body, ClaimsPrincipal user, AccountAdmin admin, CancellationToken ct) =>
                TypedResults.Created($"/api/admin/users/{Uri.EscapeDataString(body?.UserName?.Trim() ?? "")}", await admin.CreateAsync(body, user, ct)))
            .WithName("createUser").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("新建用户（用户名、姓名、机关、角色、初始密码；密码规则同登录设置）");
        api.MapPost("/{userName}/disable", (string userName, AccountAdmin.DisableUserBody? body, ClaimsPrincipal user, AccountAdmin admin, CancellationToken ct) =>
                admin.DisableAsync(userName, body, user, ct))
            .WithName("disableUser").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("停用账户（须写理由）：不能再登录，已登录的会话在一分钟内失效；不能停用自己");
        api.MapPost("/{userName}/enable", (string userName, ClaimsPrincipal user, AccountAdmin admin, CancellationToken ct) =>
                admin.EnableAsync(userName, user, ct))
            .WithName("enableUser").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("启用已停用的账户");
        api.MapPost("/{userName}/unlock", (string userName, ClaimsPrincipal user, AccountAdmin admin, CancellationToken ct) =>
                admin.UnlockAsync(userName, user, ct))
            .WithName("unlockUser").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("解除因连续登录失败造成的锁定");
        api.MapPost("/{userName}/password", (string userName, AccountAdmin.ResetPasswordBody? body, ClaimsPrincipal user, AccountAdmin admin, CancellationToken ct) =>
                admin.ResetPasswordAsync(userName, body, user, ct))
            .WithName("resetPassword").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("重置密码（新密码须符合密码规则）；已登录的会话在一分钟内失效");
        return app;
    }
}
