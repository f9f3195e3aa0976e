using CaseFlow.Data;
using CaseFlow.Data.Cases;
using CaseFlow.Domain;
using CaseFlow.Workflows.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseFlow.Web.Features.Mail;

public static class OutboxStatus
{
    public const string Pending = "Pending";
    public const string Sending = "Sending";
    public const string Sent = "Sent";
    public const string DeadLettered = "DeadLettered";
}

/// <summary>
/// Sends committed outbox rows. Each row is claimed with a conditional UPDATE (so two instances never send the
/// same row), sent, then marked Sent; a transient failure waits with exponential back-off, a 5xx or too many
/// attempts dead-letters it. A claim that was never finished (a crash) is retried after its lease.
/// </summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, IMailSender sender, IOptionsMonitor<MailOptions> options, TimeProvider time, ILogger<OutboxDispatcher> log)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    public DateTime? LastRunUtc { get; private set; }

    public async Task<int> DispatchAsync(CancellationToken ct)
    {
        var o = options.CurrentValue;
        var nowOffset = time.GetUtcNow();
        var now = nowOffset.UtcDateTime;
        LastRunUtc = now;
        if (!o.Enabled || InQuietHours(nowOffset, o)) return 0;

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
        var due = await db.OutboxMessages.AsNoTracking()
            .Where(m => (m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Sending) && m.NextAttemptAtUtc <= now)
            .OrderBy(m => m.NextAttemptAtUtc).ThenBy(m => m.Id).Take(200)
            .Select(m => new { m.Id, m.Status, m.NextAttemptAtUtc }).ToListAsync(ct);

        // One query for the batch tells which messages have files, so the many without (reminders) cost no query of their own.
        var dueIds = due.Select(r => r.Id).ToList();
        var withFiles = due.Count == 0 ? [] : (await db.OutboxAttachments.Where(a => EF.Parameter(dueIds).Contains(a.OutboxMessageId))
            .Select(a => a.OutboxMessageId).Distinct().ToListAsync(ct)).ToHashSet();

        var sent = 0;
        foreach (var row in due)
        {
            var claimed = await db.OutboxMessages
                .Where(m => m.Id == row.Id && m.Status == row.Status && m.NextAttemptAtUtc <= now)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Sending).SetProperty(m => m.NextAttemptAtUtc, now + Lease), ct);
            if (claimed == 0) continue;

            var m = await db.OutboxMessages.AsNoTracking().FirstAsync(x => x.Id == row.Id, ct);
            var attempts = m.Attempts + 1;
            try
            {
                var files = withFiles.Contains(m.Id)
                    ? await db.OutboxAttachments.AsNoTracking().Where(a => a.OutboxMessageId == m.Id).OrderBy(a => a.Id)
                        .Select(a => new MailAttachment(a.FileName, a.ContentType, a.Content)).ToListAsync(ct)
                    : [];
                await sender.SendAsync(new OutgoingMail(m.To, m.Subject, m.Body, m.MessageId) { Attachments = files }, ct);
                await db.OutboxMessages.Where(x => x.Id == m.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.Status, OutboxStatus.Sent).SetProperty(x => x.Attempts, attempts)
                    .SetProperty(x => x.SentAtUtc, now).SetProperty(x => x.LastError, (string?)null), ct);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var permanent = e is PermanentMailFailure || attempts >= o.MaxAttempts;
                var error = Truncate(Describe(e), 2000);
                var retryAt = now + Backoff(attempts);
                log.LogWarning("Mail {MessageId} to {To} failed (attempt {Attempt}, {Fate}): {Error}", m.MessageId, m.To, attempts, permanent ? "dead-lettered" : "will retry", error);
                await db.OutboxMessages.Where(x => x.Id == m.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.Status, permanent ? OutboxStatus.DeadLettered : OutboxStatus.Pending)
                    .SetProperty(x => x.Attempts, attempts).SetProperty(x => x.LastError, error)
                    .SetProperty(x => x.NextAttemptAtUtc, retryAt), ct);
            }
        }
        return sent;
    }

    /// <summary>1, 2, 4, 8 … minutes, at most 6 hours.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(Math.Min(Math.Pow(2, attempts - 1), 360));

    public static bool InQuietHours(DateTimeOffset instant, MailOptions o)
    {
        if (o.SendDuringQuietHours || o.QuietFromHour == o.QuietUntilHour) return false;
        var hour = instant.ToOffset(ChinaTime.Offset).Hour;
        return o.QuietFromHour > o.QuietUntilHour
            ? hour >= o.QuietFromHour || hour < o.QuietUntilHour
            : hour >= o.QuietFromHour && hour < o.QuietUntilHour;
    }

    /// <summary>The reply code (e.g. "451 …") and the cause of a connection failure, for the case view and the administrators.</summary>
    private static string Describe(Exception e)
    {
        var text = $"{e.GetType().Name}: {e.Message}";
        return e.InnerException is { } inner && e is not PermanentMailFailure ? $"{text} ({inner.GetType().Name}: {inner.Message})" : text;
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
