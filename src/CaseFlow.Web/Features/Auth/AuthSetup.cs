using System.Security.Claims;
using CaseFlow.Data;
using CaseFlow.Data.Agencies;
using CaseFlow.Data.Calendar;
using CaseFlow.Data.Identity;
using CaseFlow.Web.Features.Pages;
using CaseFlow.Workflows.Definitions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CaseFlow.Web.Features.Auth;

public static class AuthSetup
{
    public const string AgencyClaim = "caseflow:agency";

    public static IServiceCollection AddCaseFlowAuth(this IServiceCollection services)
    {
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddIdentityCore<CaseFlowUser>(o =>
            {
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.User.RequireUniqueEmail = false;
                // "Confirmed" means "not disabled" (EnabledAccounts): a disabled account is refused at sign-in.
                o.SignIn.RequireConfirmedAccount = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<CaseFlowDbContext>()
            .AddSignInManager()
            .AddErrorDescriber<ChineseIdentityErrors>()
            .AddClaimsPrincipalFactory<AgencyClaimsFactory>();
        services.Replace(ServiceDescriptor.Scoped<IUserConfirmation<CaseFlowUser>, EnabledAccounts>());
        services.AddScoped<Users.AccountAdmin>();
        // Disabling an account or setting a new password changes its security stamp; sessions check it every minute, so
        // a disabled user's open session ends within a minute rather than after the 30-minute default.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            o.TimeProvider = TimeProvider.System;
        });

        // The API answers 401/403 as problems and never redirects; pages send anonymous users to /login and show
        // signed-in users without the role the refusal page (403, rendered by the status-code page).
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "caseflow.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            // Sessions expire on the wall clock; the injected TimeProvider is the legal clock of the cases.
            o.TimeProvider = TimeProvider.System;
            o.LoginPath = "/login";
            o.LogoutPath = "/logout";
            o.Events.OnRedirectToLogin = ctx =>
            {
                if (PagesSetup.IsApiPath(ctx.Request.Path))
                    return WriteProblem(ctx.HttpContext, StatusCodes.Status401Unauthorized, "未登录", "请先登录（POST /api/auth/login）。");
                ctx.Response.Redirect(ctx.RedirectUri);
                return Task.CompletedTask;
            };
            o.Events.OnRedirectToAccessDenied = ctx =>
            {
                if (PagesSetup.IsApiPath(ctx.Request.Path))
                    return WriteProblem(ctx.HttpContext, StatusCodes.Status403Forbidden, "无权操作", "当前用户的角色不允许此操作。");
                ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        services.AddAuthorization(o =>
        {
            foreach (var role in Roles.All.Where(r => r != Roles.System))
                o.AddPolicy(role, p => p.RequireRole(role));
        });
        return services;
    }

    private static async Task WriteProblem(HttpContext http, int status, string title, string detail)
    {
        http.Response.StatusCode = status;
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    public static string? Agency(this ClaimsPrincipal user) => user.FindFirstValue(AgencyClaim);

    /// <summary>Identity's "confirmed account" check, used for the one thing CaseFlow needs it for: an administrator
    /// disabled the account (<see cref="CaseFlowUser.DisabledAtUtc"/>).</summary>
    private sealed class EnabledAccounts : IUserConfirmation<CaseFlowUser>
    {
        public Task<bool> IsConfirmedAsync(UserManager<CaseFlowUser> manager, CaseFlowUser user) => Task.FromResult(user.DisabledAtUtc is null);
    }

    private sealed class AgencyClaimsFactory(UserManager<CaseFlowUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
        : UserClaimsPrincipalFactory<CaseFlowUser, IdentityRole>(users, roles, options)
    {
        protected override async Task<ClaimsIdentity> GenerateClaimsAsync(CaseFlowUser user)
        {
            var identity = await base.GenerateClaimsAsync(user);
            identity.AddClaim(new Claim(AgencyClaim, user.AgencyCode));
            identity.AddClaim(new Claim("caseflow:displayName", user.DisplayName));
            return identity;
        }
    }
}
