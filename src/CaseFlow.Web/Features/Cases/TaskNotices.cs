using CaseFlow.Data;
using CaseFlow.Data.Notifications;
using CaseFlow.Domain.Cases;
using CaseFlow.Workflows.Definitions;

namespace CaseFlow.Web.Features.Cases;

/// <summary>
/// Tells the people a case now waits for: when a step moves it into a state whose task belongs to another role than
/// the officer's (法律审核 → the agency's legal advisers, 待签发 → its heads), each enabled user of that role at the case's
/// agency gets an in-app notification, staged with the step. A reply waiting for sign-off that still needs its 保密审查
/// (domain.md §2.6) also tells the definition's confidentiality reviewers. Officers learn of their cases from the queue and
/// the reminders, so they get none.
/// </summary>
public static class TaskNotices
{
    public const string Kind = "TaskWaiting";

    public static async Task StageAsync(CaseFlowDbContext db, DisclosureRequest c, WorkflowDefinition def, string fromState, DateTime nowUtc, CancellationToken ct)
    {
        if (fromState == c.State || c.IsVoid) return;
        var state = def.State(c.State);
        var notices = new List<(string Role, string Title, string Body)>();
        if (state.TaskRole is { } role && role != Roles.Officer && role != Roles.System)
            notices.Add((role, $"{c.CaseNumber} {state.Label}，待您办理",
                $"案件 {c.CaseNumber}（申请人：{c.ApplicantName}）已进入“{state.Label}”，答复期限 {c.ReplyDueOn:yyyy-MM-dd}。"));
        if (def.Settings.ConfidentialityReviewRole is { } reviewer && state.TaskRole == Roles.Head
            && c.Details.Drafts.Any(d => d.Round == c.Round) && ConfidentialityReviews.Releases(c.CurrentDraft.Outcome)
            && ConfidentialityReviews.Missing(c) is not null)
            notices.Add((reviewer, $"{c.CaseNumber} 待保密审查",
                $"案件 {c.CaseNumber} 的答复草稿将公开信息，签发前须进行保密审查（条例第十七条）。"));
        if (notices.Count == 0) return;

        var people = await AgencyStaff.InRolesAsync(db, c.AgencyCode, [.. notices.Select(n => n.Role)], ct);
        foreach (var (noticeRole, title, body) in notices)
            foreach (var person in people.Where(p => p.Role == noticeRole).Select(p => p.UserName).Distinct())
                db.Notifications.Add(new Notification { UserName = person, CaseId = c.Id, Kind = Kind, Title = title, Body = body, CreatedAtUtc = nowUtc });
    }
}
