using CaseFlow.Domain.Calendar;
using CaseFlow.Domain.Cases;
using CaseFlow.Workflows.Definitions;

namespace CaseFlow.Workflows.Engine;

/// <summary>Who acts. <see cref="Roles"/> holds <see cref="Definitions.Roles.System"/> for timer-fired actions.</summary>
public sealed record Actor(string UserName, IReadOnlySet<string> Roles, string AgencyCode)
{
    public static Actor System { get; } = new("system", new HashSet<string> { Definitions.Roles.System }, "");
}

/// <summary>A message to send after the step commits (the outbox).</summary>
public sealed record OutboxRequest(string Kind, string To, string Subject, string Body)
{
    public IReadOnlyList<MailAttachment> Attachments { get; init; } = [];
}

/// <summary>A file sent with an outbox message, e.g. a reply letter (.docx); <see cref="FileName"/> may be Chinese.</summary>
public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>Everything a step may read and the effects it may ask for; the caller commits them in one transaction.</summary>
public sealed class StepContext
{
    public required WorkflowDefinition Definition { get; init; }
    public required ActionDefinition Action { get; init; }
    public required DisclosureRequest Case { get; init; }
    public required Actor Actor { get; init; }
    public required DateTime NowUtc { get; init; }
    public required DateOnly Today { get; init; }
    public required WorkingDayCalendar Calendar { get; init; }
    public int CorrectionPeriodWorkingDays { get; init; } = Domain.Deadlines.StatutoryPeriods.DefaultCorrectionPeriodWorkingDays;

    /// <summary>The case's place (1-based) among its applicant's applications at the agency in its natural month, counted by
    /// the caller from the database (matching identity number or organisation code); null when it cannot be counted.</summary>
    public int? ApplicantMonthRank { get; init; }

    public List<OutboxRequest> Outbox { get; } = [];

    public void Mail(OutboxRequest? message)
    {
        if (message is not null) Outbox.Add(message);
    }

    /// <summary>What the journal row records besides the payload (e.g. the consultation id created).</summary>
    public Dictionary<string, object?> Facts { get; } = [];

    /// <summary>The enabled users holding the Officer role at the case's agency, when the caller loaded them (for
    /// assigning; null: not checked — the engine's own tests without a user store).</summary>
    public IReadOnlySet<string>? AgencyOfficers { get; set; }

    /// <summary>Set by steps whose result decides a transition (e.g. a corrected proceeding result).</summary>
    public bool LastResultCorrected { get; set; }

    /// <summary>Set by RecordProceedingDecision when a 纠正 ordering a new reply opened a re-reply round (v2).</summary>
    public bool RoundOpened { get; set; }
}
