using System.Security.Claims;
using CaseFlow.Data;
using CaseFlow.Web.Errors;
using CaseFlow.Web.Features.Admin;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Web.Features.Mail;

/// <summary>POST /api/admin/outbox/{id}/resend and the 重新发送 button of /admin/outbox: a dead-lettered e-mail goes back
/// to the outbox as if new (pending now, attempts from zero), keeping its Message-ID so a recipient whose server did
/// accept an earlier attempt can recognise the duplicate. The dispatcher sends it at its next run, within the quiet
/// hours and retry rules of any other message. The last error stays until the next attempt replaces or clears it.</summary>
public static class ResendOutboxMessage
{
    public sealed record Resent(long Id, string Status, DateTime NextAttemptAtUtc);

    public static async Task<Resent> Handle(long id, ClaimsPrincipal user, CaseFlowDbContext db, TimeProvider time, CancellationToken ct)
    {
        var message = await db.OutboxMessages.FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw new NotFoundException($"发件箱中没有编号为 {id} 的邮件。");
        if (message.Status != OutboxStatus.DeadLettered)
            throw new ConflictException($"只有无法投递（死信）的邮件可以重新发送；该邮件的状态为 {StatusLabel(message.Status)}。");

        var now = time.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Conditional on the status read above: a second click, or a second administrator, resends it once.
        var changed = await db.OutboxMessages.Where(m => m.Id == id && m.Status == OutboxStatus.DeadLettered)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Pending).SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.NextAttemptAtUtc, now), ct);
        if (changed == 0) throw new ConflictException("该邮件已由他人重新发送。");
        AuditLog.Stage(db, user, "resendMail", AuditLog.MailTarget(id),
            $"重新发送致 {message.To} 的邮件“{message.Subject}”（此前尝试 {message.Attempts} 次，最后错误：{message.LastError ?? "无"}）", time);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new Resent(id, OutboxStatus.Pending, now);
    }

    public static string StatusLabel(string status) => status switch
    {
        OutboxStatus.Pending => "待发送",
        OutboxStatus.Sending => "发送中",
        OutboxStatus.Sent => "已发送",
        OutboxStatus.DeadLettered => "无法投递（死信）",
        _ => status,
    };
}
