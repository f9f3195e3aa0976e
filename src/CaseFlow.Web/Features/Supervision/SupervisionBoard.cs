using System.Security.Claims;
using CaseFlow.Data;
using CaseFlow.Domain;
using CaseFlow.Domain.Calendar;
using CaseFlow.Domain.Cases;
using CaseFlow.Web.Features.Agencies;
using CaseFlow.Web.Features.Calendar;
using CaseFlow.Web.Features.Cases.Pages;
using CaseFlow.Workflows.Engine;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Web.Features.Supervision;

/// <summary>督办: the open cases of every department of the office's agency tree, and those that are overdue or due
/// within 3 or 5 working days. A case's deadline state is decided exactly as the work queue decides it
/// (<see cref="Display.Due"/>, with the case agency's calendar), so the two pages never disagree.</summary>
public static class SupervisionBoard
{
    /// <summary>One department's counts. <see cref="Within3"/> (0–3 working days left) and <see cref="Within5"/> (4–5)
    /// do not overlap, like the queue's colours; paused cases count in neither.</summary>
    public sealed record Department(string Code, string Name, int Depth, int Open, int Within5, int Within3, int Overdue);

    public sealed record FlaggedCase(
        long Id, string CaseNumber, string Agency, string AgencyName, string ApplicantName, DateOnly ReceivedOn, DateOnly? ReplyDueOn,
        bool DueProvisional, string StateLabel, string? Officer, Display.DueState Due);

    /// <param name="Cases">the overdue and due-soon cases (or, when asked, every open case of one department), most urgent first.</param>
    /// <param name="More">more open cases than <see cref="MaxListed"/> matched; the list shows the most urgent.</param>
    public sealed record Board(DateOnly Today, IReadOnlyList<Department> Departments, IReadOnlyList<FlaggedCase> Cases, bool More)
    {
        /// <summary>The reviews and lawsuits without a result, on a case or without one, earliest response date first.</summary>
        public IReadOnlyList<PendingProceeding> Proceedings { get; init; } = [];
    }

    /// <summary>A review or lawsuit awaiting its result: the written reply (review) or defence (lawsuit) is due on
    /// <see cref="ResponseDueOn"/>. <see cref="CaseId"/> is null for a proceeding without a case.</summary>
    public sealed record PendingProceeding(long? CaseId, string? CaseNumber, string Agency, string AgencyName, ProceedingKind Kind, string Body,
        DateOnly FiledOn, DateOnly ResponseDueOn);

    /// <summary>The most cases one list shows.</summary>
    public const int MaxListed = 500;

    /// <param name="agency">only this department's cases in the list (null: every department).</param>
    /// <param name="allOpen">list every open case of <paramref name="agency"/>, not only the overdue and due-soon ones.</param>
    public static async Task<Board> Handle(string? agency, bool allOpen, ClaimsPrincipal user, CaseFlowDbContext db, WorkflowEngine engine,
        CalendarProvider calendars, TimeProvider time, CancellationToken ct)
    {
        var today = ChinaTime.Today(time);
        var outline = await AgencyOutline.ForUserAsync(user, db, ct);
        var codes = outline.Select(a => a.Code).ToList();
        var names = outline.ToDictionary(a => a.Code, a => a.Name);

        var open = db.Cases.AsNoTracking().Where(c => codes.Contains(c.AgencyCode) && c.ConcludedOn == null && !c.IsVoid);
        var openCounts = await open.GroupBy(c => c.AgencyCode).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);

        // Due within 5 working days on the latest of the departments' calendars (local days off only move it later);
        // each case is then judged on its own agency's calendar.
        var calendarOf = new Dictionary<string, WorkingDayCalendar>(StringComparer.Ordinal);
        foreach (var code in codes) calendarOf[code] = await calendars.GetAsync(code, ct);
        var limit = codes.Count == 0 ? today : codes.Max(code => calendarOf[code].AddWorkingDays(today, 5).Date);

        var candidates = await open.Where(c => c.ReplyDueOn != null && c.ReplyDueOn <= limit)
            .Select(c => new Row(c.Id, c.CaseNumber, c.AgencyCode, c.ApplicantName, c.ReceivedOn, c.ReplyDueOn, c.DueProvisional, c.State,
                c.WorkflowId, c.WorkflowVersion, c.AssignedOfficer, c.Details))
            .ToListAsync(ct);
        var flagged = candidates.Select(c => Flag(c, today, calendarOf, names, engine))
            .Where(f => f.Due.Urgency is Display.Urgency.Overdue or Display.Urgency.Within3 or Display.Urgency.Within5)
            .ToList();

        var departments = outline.Select(a =>
        {
            var mine = flagged.Where(f => f.Agency == a.Code).ToList();
            return new Department(a.Code, a.Name, a.Depth, openCounts.GetValueOrDefault(a.Code),
                mine.Count(f => f.Due.Urgency == Display.Urgency.Within5), mine.Count(f => f.Due.Urgency == Display.Urgency.Within3),
                mine.Count(f => f.Due.Urgency == Display.Urgency.Overdue));
        }).ToList();

        IReadOnlyList<FlaggedCase> list;
        var more = false;
        if (allOpen && agency is not null && names.ContainsKey(agency))
        {
            var rows = await open.Where(c => c.AgencyCode == agency)
                .OrderBy(c => c.ReplyDueOn == null).ThenBy(c => c.ReplyDueOn).ThenBy(c => c.Id).Take(MaxListed + 1)
                .Select(c => new Row(c.Id, c.CaseNumber, c.AgencyCode, c.ApplicantName, c.ReceivedOn, c.ReplyDueOn, c.DueProvisional, c.State,
                    c.WorkflowId, c.WorkflowVersion, c.AssignedOfficer, c.Details))
                .ToListAsync(ct);
            more = rows.Count > MaxListed;
            list = [.. rows.Take(MaxListed).Select(c => Flag(c, today, calendarOf, names, engine)).OrderBy(f => f.Due.Urgency).ThenBy(f => f.ReplyDueOn ?? DateOnly.MaxValue).ThenBy(f => f.Id)];
        }
        else
        {
            list = [.. flagged.Where(f => agency is null || f.Agency == agency).OrderBy(f => f.Due.Urgency).ThenBy(f => f.ReplyDueOn).ThenBy(f => f.Id)];
        }

        // The officers' display names, for the list only.
        var officerNames = await UserNames.DisplayNamesAsync(db, list.Select(f => f.Officer), ct);
        list = [.. list.Select(f => f.Officer is { } o ? f with { Officer = officerNames.GetValueOrDefault(o, o) } : f)];
        return new Board(today, departments, list, more) { Proceedings = await PendingProceedingsAsync(db, codes, names, agency, ct) };
    }

    /// <summary>The proceedings of the tree (or of <paramref name="agency"/>) still without a result, whatever state their
    /// case is in: a case's from the CaseProceedings rows (their due dates from the case), and those without a case.</summary>
    private static async Task<IReadOnlyList<PendingProceeding>> PendingProceedingsAsync(CaseFlowDbContext db, List<string> codes,
        Dictionary<string, string> names, string? agency, CancellationToken ct)
    {
        var scope = agency is not null && names.ContainsKey(agency) ? [agency] : codes;
        var onCases = await db.CaseProceedings.AsNoTracking()
            .Where(p => scope.Contains(p.AgencyCode) && p.Result == null && !p.Case!.IsVoid)
            .OrderBy(p => p.FiledOn).Take(MaxListed)
            .Select(p => new { p.CaseId, p.Number, p.Case!.CaseNumber, p.Case.AgencyCode, p.Case.Details })
            .ToListAsync(ct);
        var withoutCase = await db.AgencyProceedings.AsNoTracking()
            .Where(p => scope.Contains(p.AgencyCode) && p.Result == null)
            .OrderBy(p => p.ResponseDueOn).Take(MaxListed)
            .ToListAsync(ct);
        var pending = onCases
            .Select(x => (x, p: x.Details.Proceedings.FirstOrDefault(p => p.Id == x.Number && p.Result is null)))
            .Where(t => t.p is not null)
            .Select(t => new PendingProceeding(t.x.CaseId, t.x.CaseNumber, t.x.AgencyCode, names.GetValueOrDefault(t.x.AgencyCode, t.x.AgencyCode),
                t.p!.Kind, t.p.Body, t.p.FiledOn, t.p.ResponseDueOn))
            .Concat(withoutCase.Select(p => new PendingProceeding(null, null, p.AgencyCode, names.GetValueOrDefault(p.AgencyCode, p.AgencyCode),
                p.Kind, p.Body, p.FiledOn, p.ResponseDueOn)));
        return [.. pending.OrderBy(p => p.ResponseDueOn).ThenBy(p => p.FiledOn).Take(MaxListed)];
    }

    private sealed record Row(long Id, string CaseNumber, string AgencyCode, string ApplicantName, DateOnly ReceivedOn, DateOnly? ReplyDueOn,
        bool DueProvisional, string State, string WorkflowId, int WorkflowVersion, string? AssignedOfficer, Domain.Cases.CaseDetails Details);

    private static FlaggedCase Flag(Row c, DateOnly today, Dictionary<string, WorkingDayCalendar> calendars, Dictionary<string, string> names, WorkflowEngine engine)
    {
        var due = Display.Due(c.ReplyDueOn, today, concluded: false, isVoid: false, Display.PausedBy(c.State, c.Details), calendars[c.AgencyCode]);
        var state = engine.Catalog.Get(c.WorkflowId, c.WorkflowVersion).State(c.State).Label;
        return new FlaggedCase(c.Id, c.CaseNumber, c.AgencyCode, names.GetValueOrDefault(c.AgencyCode, c.AgencyCode), c.ApplicantName, c.ReceivedOn,
            c.ReplyDueOn, c.DueProvisional, state, c.AssignedOfficer, due);
    }
}
