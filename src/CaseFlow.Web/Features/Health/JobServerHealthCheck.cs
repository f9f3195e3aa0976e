using CaseFlow.Web.Features.Reminders;
using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CaseFlow.Web.Features.Health;

/// <summary>Whether this instance's Hangfire server is alive: it writes a heartbeat to the job storage every
/// <see cref="HeartbeatInterval"/>. Without one the instance still serves requests (Degraded), but its sweeps have
/// stopped; other instances, or this one after a restart, catch up on the timers.</summary>
public sealed class JobServerHealthCheck(JobStorage storage, JobSchedule schedule) : IHealthCheck
{
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Stale = 4 * HeartbeatInterval;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        // Heartbeats are wall-clock instants written by Hangfire; the injected TimeProvider is the legal clock of the
        // cases (a fixed day in tests), so this compares with the system's clock, as the sign-in cookie does.
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var prefix = schedule.ServerName + ":";
        var heartbeat = storage.GetMonitoringApi().Servers()
            .Where(s => s.Name.StartsWith(prefix, StringComparison.Ordinal))
            .Select(s => s.Heartbeat ?? s.StartedAt).DefaultIfEmpty().Max();
        if (heartbeat == default)
            return Task.FromResult(HealthCheckResult.Degraded("本实例的定时任务服务未在运行（尚未启动或已停止）"));
        var age = now - heartbeat;
        return Task.FromResult(age <= Stale
            ? HealthCheckResult.Healthy($"定时任务服务运行中，{Math.Max(0, (int)age.TotalSeconds)} 秒前心跳")
            : HealthCheckResult.Degraded($"定时任务服务 {(int)age.TotalSeconds} 秒无心跳"));
    }
}
