using System.Text.Json;
using CaseFlow.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CaseFlow.Web.Features.Health;

/// <summary>GET /health/live answers while the process runs; GET /health/ready reports the database, the outbox and,
/// when Jobs are enabled, this instance's Hangfire server. Healthy and Degraded answer 200, Unhealthy 503. Both are
/// anonymous (load balancers call them), so they say how things stand, never what a case holds.</summary>
public static class HealthSetup
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddCaseFlowHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddDbContextCheck<CaseFlowDbContext>("database", tags: [ReadyTag])
            .AddCheck<OutboxHealthCheck>("outbox", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync }).AllowAnonymous();
        return app;
    }

    /// <summary>{"status":"Degraded","durationMs":12,"checks":{"database":{"status":"Healthy","description":"…","durationMs":3},…}}.
    /// Exceptions are logged, not shown: their messages may name hosts or data.</summary>
    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            durationMs = Math.Round(report.TotalDuration.TotalMilliseconds),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description ?? (e.Value.Status == HealthStatus.Healthy ? "正常" : "检查未通过，详见服务器日志"),
                durationMs = Math.Round(e.Value.Duration.TotalMilliseconds),
            }),
        };
        return http.Response.WriteAsync(JsonSerializer.Serialize(body, Hosting.JsonDefaults.Options));
    }
}
