using CaseFlow.Domain.Calendar;
using CaseFlow.Domain.Deadlines;

namespace CaseFlow.Domain.Cases;

/// <summary>A re-reply round (domain.md §2.9): opened by a 纠正 that orders the agency to reply again. Its deadline
/// is the decision's own period (<see cref="OrderedReplyOn"/>) or, when the decision names none, 20 working days from
/// the day the agency received the decision. It ends with its own outcome; the case's first conclusion stays.</summary>
public sealed record ReplyRound(
    int Number, int ProceedingId, DateOnly DecidedOn, DateOnly DecisionReceivedOn, DateOnly? OrderedReplyOn,
    DateOnly DueOn, bool Provisional, DateOnly? ConcludedOn = null, string? Outcome = null);

/// <summary>归档 (art 45): the file number the case was archived under, when and by whom.</summary>
public sealed record ArchiveRecord(string FileNumber, DateOnly ArchivedOn, string ArchivedBy);

// Lifecycle v2: proceedings' results that open re-reply rounds without touching the first conclusion, and archiving.
public sealed partial class DisclosureRequest
{
    /// <summary>The re-reply round under way, if any: the case is handled again while its first conclusion (and so its
    /// place in every annual report) stays as it was.</summary>
    public ReplyRound? OpenRound => Details.Rounds.LastOrDefault(r => r.ConcludedOn is null);

    public bool IsArchived => Details.Archive is not null;

    /// <summary>Records a proceeding's result, at any time and whatever the case's state (domain.md §2.9). Only a 纠正
    /// that orders a new reply opens a round, and only on a concluded case (an open case is still being answered);
    /// other results are recorded without reopening. Returns whether a round was opened.</summary>
    public bool RecordProceedingDecision(int id, ProceedingResult result, DateOnly decidedOn, bool orderedReply,
        DateOnly? decisionReceivedOn, DateOnly? orderedReplyOn, WorkingDayCalendar calendar)
    {
        if (IsVoid) throw new CaseRuleException("state", "本案已作废。");
        var i = Details.Proceedings.FindIndex(p => p.Id == id && p.Result is null);
        if (i < 0) throw new CaseRuleException("proceedingId", $"没有编号为 {id} 的未审结复议或诉讼。");
        if (decidedOn < Details.Proceedings[i].FiledOn) throw new CaseRuleException("decidedOn", "结果日期不能早于申请或起诉日期。");
        if (orderedReply && result != ProceedingResult.Corrected)
            throw new CaseRuleException("orderedReply", "只有结果为“纠正”的决定或判决才能责令重新答复。");
        var received = decisionReceivedOn ?? decidedOn;
        if (received < decidedOn) throw new CaseRuleException("decisionReceivedOn", "收到决定或判决的日期不能早于其作出日期。");
        if (orderedReplyOn is { } ordered && !orderedReply)
            throw new CaseRuleException("orderedReplyOn", "只有责令重新答复时才填写决定限定的答复期限。");
        if (orderedReplyOn is { } o && o <= received)
            throw new CaseRuleException("orderedReplyOn", "决定限定的答复期限须晚于收到决定之日。");
        Details.Proceedings[i] = Details.Proceedings[i] with { Result = result, DecidedOn = decidedOn, OrderedReply = orderedReply };
        if (!orderedReply || !IsConcluded || OpenRound is not null) return false;

        Round++;
        Details.Archive = null; // the case is handled again; it is archived anew when the round ends
        var due = RoundDue(calendar, received, orderedReplyOn);
        Details.Rounds.Add(new ReplyRound(Round, id, decidedOn, received, orderedReplyOn, due.Date, due.Provisional));
        return true;
    }

    /// <summary>The decision's period when it names one; else 20 working days, the day the agency received the
    /// decision being day 0 (domain.md §2.9, §3).</summary>
    private static WorkingDayResult RoundDue(WorkingDayCalendar calendar, DateOnly received, DateOnly? ordered) =>
        ordered is { } o ? new WorkingDayResult(o, false) : calendar.AddWorkingDays(received, StatutoryPeriods.ReplyWorkingDays);

    private void RecomputeOpenRound(WorkingDayCalendar calendar)
    {
        var i = Details.Rounds.FindIndex(r => r.ConcludedOn is null);
        if (i < 0) return;
        var r = Details.Rounds[i];
        var due = RoundDue(calendar, r.DecisionReceivedOn, r.OrderedReplyOn);
        Details.Rounds[i] = r with { DueOn = due.Date, Provisional = due.Provisional };
    }

    private bool CloseOpenRound(string outcome, DateOnly on)
    {
        var i = Details.Rounds.FindIndex(r => r.ConcludedOn is null);
        if (i < 0) return false;
        Details.Rounds[i] = Details.Rounds[i] with { ConcludedOn = on, Outcome = outcome };
        return true;
    }

    /// <summary>Whether <see cref="Archive"/> would accept the case now (the guard that lists the action).</summary>
    public bool CanArchive => IsConcluded && !IsVoid && OpenRound is null && !HasPendingProceeding;

    /// <summary>归档 (art 45, domain.md §2.11): a concluded case with no pending proceeding and no open round.</summary>
    public void Archive(string fileNumber, DateOnly today, string actor)
    {
        if (IsVoid) throw new CaseRuleException("state", "本案已作废。");
        if (!IsConcluded) throw new CaseRuleException("state", "办结之后才能归档（条例第四十五条）。");
        if (OpenRound is not null) throw new CaseRuleException("state", "重新答复尚未办结，不能归档。");
        if (HasPendingProceeding) throw new CaseRuleException("state", "有尚未审结的行政复议或诉讼，不能归档。");
        if (string.IsNullOrWhiteSpace(fileNumber)) throw new CaseRuleException("fileNumber", "须填写案卷号。");
        Details.Archive = new ArchiveRecord(fileNumber.Trim(), today, actor);
    }
}
