using CaseFlow.Data;
using CaseFlow.Data.Cases;
using CaseFlow.Data.Notifications;
using CaseFlow.Domain.Cases;

namespace CaseFlow.Web.Features.Reminders;

/// <summary>Stages an in-app notification and, for users with an e-mail address, an outbox message — both in
/// the caller's transaction, so a reminder is never half sent.</summary>
public static class Notifier
{
    public static async Task NotifyAsync(CaseFlowDbContext db, DisclosureRequest c, string kind, string title, string body, bool escalate, DateTime nowUtc, CancellationToken ct)
    {
        foreach (var person in await Recipients.ForCaseAsync(db, c, escalate, ct))
        {
            db.Notifications.Add(new Notification { UserName = person.UserName, CaseId = c.Id, Kind = kind, Title = title, Body = body, CreatedAtUtc = nowUtc });
            if (!string.IsNullOrWhiteSpace(person.Email))
                db.OutboxMessages.Add(new OutboxMessage
                {
                    CaseId = c.Id, Kind = kind, To = person.Email!, Subject = $"[CaseFlow] {title}", Body = body,
                    MessageId = $"<{Guid.NewGuid():N}@caseflow>", CreatedAtUtc = nowUtc, NextAttemptAtUtc = nowUtc,
                });
        }
    }
}
