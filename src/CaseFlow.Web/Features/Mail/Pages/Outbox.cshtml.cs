using CaseFlow.Data;
using CaseFlow.Web.Errors;
using CaseFlow.Web.Features.Admin;
using CaseFlow.Web.Features.Reminders;
using CaseFlow.Workflows.Definitions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Web.Features.Mail.Pages;

/// <summary>/admin/outbox — the e-mails waiting, sent and dead-lettered with their errors (GET /api/admin/outbox and the
/// counts of GET /api/admin/jobs), and a 重新发送 button on each dead letter (POST /api/admin/outbox/{id}/resend, the
/// same <see cref="ResendOutboxMessage"/> handler).</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class OutboxModel(CaseFlowDbContext db, TimerSweeper sweeper, OutboxDispatcher dispatcher, TimeProvider time) : PageModel
{
    public static readonly IReadOnlyList<(string? Status, string Label)> Filters =
    [
        (null, "全部"), (OutboxStatus.DeadLettered, "无法投递"), (OutboxStatus.Pending, "待发送"), (OutboxStatus.Sent, "已发送"),
    ];

    [FromQuery(Name = "status")] public string? Status { get; set; }

    [FromQuery(Name = "resent")] public long? Resent { get; set; }

    public JobsApi.Status Counts { get; private set; } = null!;

    public IReadOnlyList<JobsApi.Mail> Mail { get; private set; } = [];

    /// <summary>Who resent which message, when (from the audit log).</summary>
    public IReadOnlyDictionary<long, AuditLog.EntryView> Resends { get; private set; } = new Dictionary<long, AuditLog.EntryView>();

    public List<string> Problems { get; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostResendAsync(long id, CancellationToken ct)
    {
        try
        {
            await ResendOutboxMessage.Handle(id, User, db, time, ct);
            return Redirect($"/admin/outbox?{(Status is null ? "" : $"status={Uri.EscapeDataString(Status)}&")}resent={id}");
        }
        catch (Exception e) when (e is NotFoundException or ConflictException)
        {
            Problems.Add(e.Message);
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (Status is not null && !Filters.Any(f => f.Status == Status)) Status = null; // an unknown filter shows everything
        Counts = await JobsApi.Get(db, sweeper, dispatcher, time, ct);
        Mail = await JobsApi.Outbox(Status, null, db, ct);
        var targets = Mail.Select(m => AuditLog.MailTarget(m.Id)).ToList();
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.Action == "resendMail" && targets.Contains(e.Target))
            .OrderBy(e => e.Id).ToListAsync(ct);
        Resends = entries.GroupBy(e => long.Parse(e.Target["outbox:".Length..], System.Globalization.CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => g.Select(e => new AuditLog.EntryView(e.Id, e.AtUtc, e.Actor, e.Action, e.Target, e.Detail)).Last());
    }

    public int CountOf(string? status) => status switch
    {
        null => Counts.Outbox.Pending + Counts.Outbox.Sent + Counts.Outbox.DeadLettered,
        OutboxStatus.DeadLettered => Counts.Outbox.DeadLettered,
        OutboxStatus.Pending => Counts.Outbox.Pending,
        _ => Counts.Outbox.Sent,
    };

    public static string KindLabel(string kind) => kind.StartsWith("Applicant", StringComparison.Ordinal) ? "致申请人的通知" : "工作提醒";

    public static string StatusCss(string status) => status switch
    {
        OutboxStatus.DeadLettered => "mail-dead",
        OutboxStatus.Sent => "mail-sent",
        _ => "mail-pending",
    };
}
