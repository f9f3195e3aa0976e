using CaseFlow.Data;
using CaseFlow.Data.Cases;
using CaseFlow.Data.Notifications;
using CaseFlow.Domain.Cases;

namespace CaseFlow.Web.Features.Reminders;

/// <summary>What a reminder needs to know of its case (read without the case's details).</summary>
public sealed record CaseRef(long Id, string CaseNumber, string AgencyCode, string? AssignedOfficer, string ApplicantName, DateOnly? ReplyDueOn, DateOnly? ConcludedOn, bool IsVoid)
{
    public bool IsConcluded => ConcludedOn is not null;

    public static CaseRef Of(DisclosureRequest c) => new(c.Id, c.CaseNumber, c.AgencyCode, c.AssignedOfficer, c.ApplicantName, c.ReplyDueOn, c.ConcludedOn, c.IsVoid);
}

/// <summary>Stages an in-app notification and, for users with an e-mail address, an outbox message — both in
/// the caller's transaction, so a reminder is never half sent.</summary>
public static class Notifier
{
    public static void Notify(CaseFlowDbContext db, Recipients recipients, CaseRef c, string kind, string title, string body, bool escalate, DateTime nowUtc)
    {
        List<Notification> notes = [];
        List<OutboxMessage> mails = [];
        Stage(recipients, c, kind, title, body, escalate, nowUtc, notes, mails);
        db.Notifications.AddRange(notes);
        db.OutboxMessages.AddRange(mails);
    }

    /// <summary>The same rows, collected for a bulk insert.</summary>
    public static void Stage(Recipients recipients, CaseRef c, string kind, string title, string body, bool escalate, DateTime nowUtc,
        List<Notification> notes, List<OutboxMessage> mails)
    {
        foreach (var person in recipients.For(c, escalate))
        {
            notes.Add(new Notification { UserName = person.UserName, CaseId = c.Id, Kind = kind, Title = title, Body = body, CreatedAtUtc = nowUtc });
            if (!string.IsNullOrWhiteSpace(person.Email))
                mails.Add(new OutboxMessage
                {
                    CaseId = c.Id, Kind = kind, To = person.Email!, Subject = $"[CaseFlow] {title}", Body = body,
                    MessageId = OutboxMessage.NewMessageId(nowUtc), CreatedAtUtc = nowUtc, NextAttemptAtUtc = nowUtc,
                });
        }
    }
}
