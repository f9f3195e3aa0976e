using System.Security.Claims;
using CaseFlow.Data;
using CaseFlow.Web.Errors;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Web.Features.Reminders;

/// <summary>GET /api/me/notifications, POST /api/me/notifications/{id}/read, POST /api/me/notifications/read-all.</summary>
public static class NotificationsApi
{
    public sealed record Item(long Id, long? CaseId, string Kind, string Title, string Body, DateTime CreatedAtUtc, DateTime? ReadAtUtc);

    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/me/notifications").WithTags("Notifications 提醒").RequireAuthorization();
        api.MapGet("/", List).WithName("listNotifications").ProducesValidationProblem().WithSummary("我的提醒与督办（最新在前）；unread=true 只看未读");
        api.MapPost("/{id:long}/read", MarkRead).WithName("markNotificationRead").Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound).WithSummary("标为已读");
        api.MapPost("/read-all", MarkAllRead).WithName("markAllNotificationsRead").Produces(StatusCodes.Status204NoContent).WithSummary("全部标为已读");
        return app;
    }

    public static async Task<IReadOnlyList<Item>> List(bool? unread, ClaimsPrincipal user, CaseFlowDbContext db, CancellationToken ct)
    {
        var me = user.Identity!.Name!;
        var query = db.Notifications.AsNoTracking().Where(n => n.UserName == me);
        if (unread == true) query = query.Where(n => n.ReadAtUtc == null);
        return await query.OrderByDescending(n => n.Id).Take(500)
            .Select(n => new Item(n.Id, n.CaseId, n.Kind, n.Title, n.Body, n.CreatedAtUtc, n.ReadAtUtc)).ToListAsync(ct);
    }

    public static async Task<IResult> MarkRead(long id, ClaimsPrincipal user, CaseFlowDbContext db, TimeProvider time, CancellationToken ct)
    {
        var me = user.Identity!.Name!;
        var n = await db.Notifications.FirstOrDefaultAsync(x => x.Id == id && x.UserName == me, ct) ?? throw new NotFoundException($"没有编号为 {id} 的提醒。");
        n.ReadAtUtc ??= time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    public static async Task<IResult> MarkAllRead(ClaimsPrincipal user, CaseFlowDbContext db, TimeProvider time, CancellationToken ct)
    {
        var me = user.Identity!.Name!;
        var now = time.GetUtcNow().UtcDateTime;
        await db.Notifications.Where(n => n.UserName == me && n.ReadAtUtc == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now), ct);
        return TypedResults.NoContent();
    }
}
