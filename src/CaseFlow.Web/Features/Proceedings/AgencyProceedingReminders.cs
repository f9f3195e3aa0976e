using CaseFlow.Data;
using CaseFlow.Data.Cases;
using CaseFlow.Data.Notifications;
using CaseFlow.Domain;
using CaseFlow.Domain.Cases;
using CaseFlow.Web.Features.Reminders;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Web.Features.Proceedings;

/// <summary>
/// The reminder of a review's written reply or a lawsuit's defence that concerns no case (domain.md §2.9: the agency's
/// duties have their own reminders). Like a case's proceeding it goes out on the day the response is due — or at the
/// next sweep after it, when the host was down — to the agency's officers, its heads and the office of the agency and
/// every agency above it, in-app and by e-mail. Each is claimed by setting <c>RemindedOn</c> in the transaction that
/// writes the notifications, so a sweep run twice or on two instances reminds once. Runs with the timer sweep.
/// </summary>
public sealed class AgencyProceedingReminders(IServiceScopeFactory scopes, TimeProvider time)
{
    public const string Kind = "AgencyProceedingDue";

    /// <returns>how many proceedings were reminded of</returns>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var today = ChinaTime.Today(time);
        var now = time.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
        var due = await db.AgencyProceedings.AsNoTracking()
            .Where(p => p.Result == null && p.RemindedOn == null && p.ResponseDueOn <= today)
            .OrderBy(p => p.ResponseDueOn).ThenBy(p => p.Id)
            .ToListAsync(ct);
        if (due.Count == 0) return 0;

        var people = await Recipients.LoadAsync(db, ct);
        var agencyNames = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.Name, ct);
        var reminded = 0;
        foreach (var p in due)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var claimed = await db.AgencyProceedings.Where(x => x.Id == p.Id && x.RemindedOn == null && x.Result == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.RemindedOn, today), ct);
            if (claimed == 0) continue; // another sweep took it, or its result came meanwhile
            var (title, body) = Message(p.Kind, p.Body, p.FiledOn, p.ResponseDueOn, today, agencyNames.GetValueOrDefault(p.AgencyCode, p.AgencyCode));
            // Who is told: as for an escalated case reminder of an unassigned case of the agency.
            foreach (var person in people.For(new CaseRef(0, "", p.AgencyCode, null, "", null, null, false), escalate: true))
            {
                db.Notifications.Add(new Notification { UserName = person.UserName, Kind = Kind, Title = title, Body = body, CreatedAtUtc = now });
                if (!string.IsNullOrWhiteSpace(person.Email))
                    db.OutboxMessages.Add(new OutboxMessage
                    {
                        Kind = Kind, To = person.Email!, Subject = $"[CaseFlow] {title}", Body = body,
                        MessageId = OutboxMessage.NewMessageId(now), CreatedAtUtc = now, NextAttemptAtUtc = now,
                    });
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
            reminded++;
        }
        return reminded;
    }

    public static (string Title, string Body) Message(ProceedingKind kind, string body, DateOnly filedOn, DateOnly dueOn, DateOnly today, string agency)
    {
        var (what, duty) = kind == ProceedingKind.Review
            ? ("行政复议", "书面答复及证据")
            : ("行政诉讼", "答辩状及证据");
        var when = dueOn == today ? $"须于今日 {dueOn:yyyy-MM-dd} 前提交" : $"应于 {dueOn:yyyy-MM-dd} 前提交，已过期限";
        return ($"{agency}：{what}{(dueOn == today ? "答复今日到期" : "答复已过期限")}",
            $"{agency}的{what}（{body}，{filedOn:yyyy-MM-dd} 提出，无对应申请）的{duty}{when}。请在“复议诉讼”页面登记结果。");
    }
}
