using CaseFlow.Data;
using CaseFlow.Web.Features.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CaseFlow.Web.Features.Health;

/// <summary>Degraded while dead-lettered e-mails wait for an administrator: the instance serves requests, but
/// someone was not told something.</summary>
public sealed class OutboxHealthCheck(CaseFlowDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var dead = await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.DeadLettered, ct);
        var pending = await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Sending, ct);
        return dead > 0
            ? HealthCheckResult.Degraded($"{dead} 封邮件无法投递（死信），待发 {pending} 封；见 GET /api/admin/outbox?status=DeadLettered")
            : HealthCheckResult.Healthy($"无死信，待发 {pending} 封");
    }
}
