using System.Security.Claims;
using CaseFlow.Data;
using CaseFlow.Data.Audit;
using CaseFlow.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Web.Features.Admin;

/// <summary>The record of administrators' changes outside a case (accounts, resent e-mails): the handlers stage one
/// row with the change, so both commit together or neither does. <c>GET /api/admin/audit</c> reads it.</summary>
public static class AuditLog
{
    public sealed record EntryView(long Id, DateTime AtUtc, string Actor, string Action, string Target, string Detail);

    /// <summary>Closed list of what is recorded, with the words the pages show.</summary>
    public static readonly IReadOnlyDictionary<string, string> ActionLabels = new Dictionary<string, string>
    {
        ["createUser"] = "新建用户",
        ["disableUser"] = "停用账户",
        ["enableUser"] = "启用账户",
        ["resetPassword"] = "重置密码",
        ["unlockUser"] = "解除锁定",
        ["resendMail"] = "重新发送邮件",
        ["recordProceeding"] = "登记无案件的复议或诉讼",
        ["recordProceedingResult"] = "登记无案件的复议或诉讼结果",
    };

    public static string UserTarget(string userName) => $"user:{userName}";

    public static string MailTarget(long id) => $"outbox:{id}";

    /// <summary>Adds the row to <paramref name="db"/>; the caller's SaveChanges writes it with the change itself.</summary>
    public static void Stage(CaseFlowDbContext db, ClaimsPrincipal actor, string action, string target, string detail, TimeProvider time)
    {
        if (!ActionLabels.ContainsKey(action)) throw new ArgumentOutOfRangeException(nameof(action), action, "not a recorded administrator action");
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = time.GetUtcNow().UtcDateTime,
            Actor = actor.Identity?.Name ?? "unknown",
            Action = action,
            Target = target,
            Detail = detail.Length <= 1000 ? detail : detail[..999] + "…",
        });
    }

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/admin/audit", List).WithTags("Admin 运维").RequireAuthorization(Roles.Admin).WithName("listAuditEntries")
            .WithSummary("管理操作记录（新建、停用、启用、解锁用户，重置密码，重新发送邮件），最新在前；target 如 user:zhang.san、outbox:42");
        return app;
    }

    /// <summary>GET /api/admin/audit[?target=user:NAME] — newest first, at most 200.</summary>
    public static async Task<IReadOnlyList<EntryView>> List(string? target, CaseFlowDbContext db, CancellationToken ct)
    {
        var q = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrEmpty(target)) q = q.Where(e => e.Target == target);
        return await q.OrderByDescending(e => e.Id).Take(200)
            .Select(e => new EntryView(e.Id, e.AtUtc, e.Actor, e.Action, e.Target, e.Detail)).ToListAsync(ct);
    }
}
