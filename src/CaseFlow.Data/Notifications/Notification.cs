namespace CaseFlow.Data.Notifications;

/// <summary>An in-app reminder or escalation for one user (GET /api/me/notifications).</summary>
public class Notification
{
    public long Id { get; set; }
    public string UserName { get; set; } = "";
    public long? CaseId { get; set; }
    public string Kind { get; set; } = "";
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? ReadAtUtc { get; set; }
}
