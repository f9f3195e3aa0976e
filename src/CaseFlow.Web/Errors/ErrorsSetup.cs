using System.Diagnostics;

namespace CaseFlow.Web.Errors;

public static class ErrorsSetup
{
    public static IServiceCollection AddCaseFlowErrors(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Extensions["traceId"] = Activity.Current?.Id ?? ctx.HttpContext.TraceIdentifier;
            ctx.ProblemDetails.Instance ??= $"{ctx.HttpContext.Request.Method} {ctx.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>()?.Path ?? ctx.HttpContext.Request.Path}";
        });
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        // Binding failures must reach the handler so they get field-level messages instead of an empty 400.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }
}
