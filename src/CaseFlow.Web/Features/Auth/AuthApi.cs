using System.Security.Claims;
using CaseFlow.Data;
using CaseFlow.Data.Agencies;
using CaseFlow.Data.Calendar;
using CaseFlow.Data.Identity;
using CaseFlow.Web.Errors;
using Microsoft.AspNetCore.Identity;

namespace CaseFlow.Web.Features.Auth;

public static class AuthApi
{
    public sealed record LoginBody(string? UserName, string? Password);

    public sealed record Me(string UserName, string DisplayName, string Agency, IReadOnlyList<string> Roles);

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/auth").WithTags("Auth 登录");
        api.MapPost("/login", Login).WithName("login").Produces<Me>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithSummary("用户名与密码登录（Cookie）；连续 5 次失败锁定 15 分钟");
        api.MapPost("/logout", Logout).WithName("logout").Produces(StatusCodes.Status204NoContent).WithSummary("退出登录");
        api.MapGet("/me", CurrentUser).WithName("getCurrentUser").RequireAuthorization().WithSummary("当前用户");
        return app;
    }

    public static async Task<IResult> Login(LoginBody? body, SignInManager<CaseFlowUser> signIn, UserManager<CaseFlowUser> users)
    {
        var input = new Input();
        input.Require(!string.IsNullOrWhiteSpace(body?.UserName), "userName", "必填。");
        input.Require(!string.IsNullOrEmpty(body?.Password), "password", "必填。");
        input.ThrowIfInvalid();

        var result = await signIn.PasswordSignInAsync(body!.UserName!, body.Password!, isPersistent: false, lockoutOnFailure: true);
        if (await SignInRefusal.ExplainAsync(result, body.UserName!, body.Password!, users) is { } refused)
            return TypedResults.Problem(title: refused.Title, detail: refused.Detail, statusCode: StatusCodes.Status401Unauthorized);

        var user = (await users.FindByNameAsync(body.UserName!))!;
        return TypedResults.Ok(new Me(user.UserName!, user.DisplayName, user.AgencyCode, [.. await users.GetRolesAsync(user)]));
    }

    public static async Task<IResult> Logout(SignInManager<CaseFlowUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    public static Me CurrentUser(ClaimsPrincipal user) =>
        new(user.Identity!.Name!, user.FindFirstValue("caseflow:displayName") ?? "", user.Agency() ?? "",
            [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)]);
}
