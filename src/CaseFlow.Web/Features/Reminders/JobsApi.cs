using CaseFlow.Data;
using CaseFlow.Domain;
using CaseFlow.Web.Features.Mail;
using CaseFlow.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Web.Features.Reminders;

/// <summary>GET /api/admin/jobs — is the machinery keeping up? GET /api/admin/outbox?status=DeadLettered — failed mail.</summary>
public static class JobsApi
{
    public sealed record TimerCounts(int Pending, int Due, int Overdue, DateTime? NextDueUtc);

    public sealed record OutboxCounts(int Pending, int Sent, int DeadLettered);

    public sealed record Status(DateTime? LastSweepUtc, int LastSweepFired, DateTime? LastMailRunUtc, TimerCounts Timers, OutboxCounts Outbox, int CasesOverdue);

    public sealed record Mail(long Id, long? CaseId, string Kind, string To, string Subject, string Status, int Attempts, string? LastError, DateTime CreatedAtUtc, DateTime NextAttemptAtUtc, string MessageId);

    public static IEndpointRouteBuilder MapJobsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin").WithTags("Admin 运维").RequireAuthorization(Roles.Admin);
        api.MapGet("/jobs", Get).WithName("getJobsStatus").WithSummary("定时任务状态：最近一次扫描、到期与逾期的计时器、发件箱待发/已发/死信");
        api.MapGet("/outbox", Outbox).WithName("listOutbox").ProducesValidationProblem().WithSummary("发件箱（可按状态筛选，如 DeadLettered）");
        api.MapPost("/outbox/{id:long}/resend", ResendOutboxMessage.Handle).WithName("resendOutboxMessage")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("重新发送一封无法投递（死信）的邮件：回到待发送，尝试次数从零计");
        return app;
    }

    public static async Task<Status> Get(CaseFlowDbContext db, TimerSweeper sweeper, OutboxDispatcher dispatcher, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var late = now.AddMinutes(-5);
        var pending = db.CaseTimers.Where(t => t.ClaimedAtUtc == null && t.FiredAtUtc == null); // the terms of the partial index
        var today = ChinaTime.Today(time);
        return new Status(
            sweeper.LastSweepUtc, sweeper.LastFired, dispatcher.LastRunUtc,
            new TimerCounts(
                await pending.CountAsync(ct),
                await pending.CountAsync(t => t.DueAtUtc <= now, ct),
                await pending.CountAsync(t => t.DueAtUtc <= late, ct),
                await pending.OrderBy(t => t.DueAtUtc).Select(t => (DateTime?)t.DueAtUtc).FirstOrDefaultAsync(ct)),
            new OutboxCounts(
                await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Sending, ct),
                await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Sent, ct),
                await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.DeadLettered, ct)),
            await db.Cases.CountAsync(c => c.ConcludedOn == null && !c.IsVoid && c.ReplyDueOn < today, ct));
    }

    public static async Task<IReadOnlyList<Mail>> Outbox(string? status, long? caseId, CaseFlowDbContext db, CancellationToken ct)
    {
        var q = db.OutboxMessages.AsNoTracking();
        if (status is not null) q = q.Where(m => m.Status == status);
        if (caseId is not null) q = q.Where(m => m.CaseId == caseId);
        return await q.OrderByDescending(m => m.Id).Take(500)
            .Select(m => new Mail(m.Id, m.CaseId, m.Kind, m.To, m.Subject, m.Status, m.Attempts, m.LastError, m.CreatedAtUtc, m.NextAttemptAtUtc, m.MessageId))
            .ToListAsync(ct);
    }
}
