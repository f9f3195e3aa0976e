using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Deadlines;
using CaseFlow.Workflows.Definitions;
using CaseFlow.Workflows.Engine;

namespace CaseFlow.Web.Features.Cases;

public sealed record CaseSummary(
    long Id, string CaseNumber, string Agency, string State, string StateLabel, int Version,
    DateOnly ReceivedOn, DateOnly? ReplyDueOn, bool DueProvisional, ApplicantColumn ApplicantColumn, string ApplicantName,
    string? IdDocumentNumber, string? AssignedOfficer, string? Outcome, DateOnly? ConcludedOn, bool IsVoid);

public sealed record ClockView(
    DateOnly DayZero, int WorkingDays, DateOnly? DueOn, bool Provisional, bool Paused, int? DaysUsed, int? DaysRemaining,
    DateOnly CorrectionNoticeDueOn, IReadOnlyList<string> Explanation);

public sealed record CaseDetail(
    long Id, string CaseNumber, string Agency, string State, string StateLabel, int Version,
    string Workflow, int WorkflowVersion,
    Channel Channel, DateOnly SubmittedOn, DateOnly? ConfirmedOn, DateTime? ArrivedAtUtc, DateOnly ReceivedOn,
    ApplicantColumn ApplicantColumn, string ApplicantName, string? IdDocumentNumber, bool IdDocumentMasked,
    string? Contact, string? Email, string? Address, string RequestedInformation, string? RequestedForm, string? DeliveryChannel,
    string? AssignedOfficer, int Round, DateOnly? CorrectionReceivedOn, int ExtensionDays, DateOnly? Article35ReplyOn,
    string? Outcome, string? OutcomeLabel, DateOnly? ConcludedOn, bool IsVoid, string? VoidReason, bool IsImported,
    ClockView Clock, CaseDetails Details, IReadOnlyList<AvailableAction> AvailableActions, IReadOnlyList<CaseMail>? Mail = null,
    IReadOnlyList<string>? Warnings = null, IReadOnlyList<SimilarApplication>? SimilarApplications = null);

/// <summary>An e-mail about the case and how its delivery went (Pending, Sent, DeadLettered).</summary>
public sealed record CaseMail(string Kind, string To, string Subject, string Status, int Attempts, string? LastError, DateTime CreatedAtUtc, DateTime? SentAtUtc);

public static class CaseViews
{
    /// <summary>"11010519491231002X" → "110***********002X": the first 3 and last 4 characters stay.</summary>
    public static string? Mask(string? id) =>
        id is null ? null : id.Length <= 7 ? new string('*', id.Length) : id[..3] + new string('*', id.Length - 7) + id[^4..];

    public static CaseDetail Detail(DisclosureRequest c, WorkflowDefinition def, ReplyClock clock, IReadOnlyList<AvailableAction> actions, bool revealId,
        IReadOnlyList<CaseMail>? mail = null, IReadOnlyList<SimilarApplication>? similar = null) => new(
        c.Id, c.CaseNumber, c.AgencyCode, c.State, def.State(c.State).Label, c.Version, c.WorkflowId, c.WorkflowVersion,
        c.Channel, c.SubmittedOn, c.ConfirmedOn, c.ArrivedAtUtc, c.ReceivedOn,
        c.ApplicantColumn, c.ApplicantName, revealId ? c.IdDocumentNumber : Mask(c.IdDocumentNumber), !revealId && c.IdDocumentNumber is not null,
        c.Contact, c.Email, c.Address, c.RequestedInformation, c.RequestedForm, c.DeliveryChannel,
        c.AssignedOfficer, c.Round, c.CorrectionReceivedOn, c.ExtensionDays, c.Article35ReplyOn,
        c.Outcome, Domain.Outcomes.Outcomes.TryParse(c.Outcome, out var outcome) ? outcome.Label : c.Outcome is null ? null : "（无法识别的办理结果）", c.ConcludedOn, c.IsVoid, c.VoidReason, c.IsImported,
        new ClockView(clock.DayZero, clock.WorkingDays, clock.DueOn, clock.Provisional, clock.Paused, clock.DaysUsed, clock.DaysRemaining,
            c.CorrectionNoticeDueOn, clock.Explanation),
        c.Details, actions, mail, Warnings(c), similar);

    /// <summary>What the officer and the legal adviser must not miss: a late correction notice (the clock did not
    /// restart), a fee other than the schedule's.</summary>
    public static IReadOnlyList<string> Warnings(DisclosureRequest c)
    {
        var list = new List<string>();
        if (c.Details.Correction is { SentLate: true })
            list.Add($"补正告知书于收到申请后第7个工作日（{c.CorrectionNoticeDueOn:yyyy-MM-dd}）之后发出：答复期限不因补正重新计算，仍自收到申请之日起算（条例第三十条）。");
        if (c.Details.Fee is { AmountReason: { } why, ComputedYuan: { } computed } fee)
            list.Add($"收费金额 {fee.AmountYuan:0.##} 元与按收费标准计算的 {computed:0.##} 元不同，理由：{why}");
        return list;
    }
}
