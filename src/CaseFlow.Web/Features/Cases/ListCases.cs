using System.Security.Claims;
using CaseFlow.Data;
using CaseFlow.Domain;
using CaseFlow.Web.Errors;
using CaseFlow.Web.Features.Agencies;
using CaseFlow.Web.Features.Calendar;
using CaseFlow.Workflows.Engine;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Web.Features.Cases;

/// <summary>GET /api/cases — filtered, paged, by urgency: overdue, due within 3 working days, within 5, waiting on
/// others (consultation, fee, correction), other open cases, soonest reply date first within each group; then concluded
/// and void ones, newest first. <c>q</c> searches the case number, the applicant and the requested information.</summary>
public static class ListCases
{
    public sealed record Page(IReadOnlyList<CaseSummary> Items, int Total, int PageNumber, int PageSize);

    private sealed record ListedCase(
        long Id, string CaseNumber, string AgencyCode, string State, int Version, DateOnly ReceivedOn, DateOnly? ReplyDueOn, bool DueProvisional,
        Domain.Cases.ApplicantColumn ApplicantColumn, string ApplicantName, string? IdDocumentNumber, string? AssignedOfficer, string? Outcome,
        DateOnly? ConcludedOn, bool IsVoid, string WorkflowId, int WorkflowVersion);

    public static Task<Page> Handle(
        string? state, string? assignee, string? agency, bool? subordinates, string? receivedFrom, string? receivedTo,
        string? dueWithin, bool? overdue, bool? includeVoid, string? page, string? pageSize, string? q,
        ClaimsPrincipal user, CaseFlowDbContext db, WorkflowEngine engine, CalendarProvider calendars, TimeProvider time, CancellationToken ct) =>
        ListAsync(state, assignee, agency, subordinates, receivedFrom, receivedTo, dueWithin, overdue, includeVoid, page, pageSize, q, null,
            user, db, engine, calendars, time, ct);

    /// <param name="countUpTo">count at most this many (and one more, to know there are more): the queue page says
    /// "N 件以上" rather than count an office's million cases on every request; null counts exactly, as the API does</param>
    public static async Task<Page> ListAsync(
        string? state, string? assignee, string? agency, bool? subordinates, string? receivedFrom, string? receivedTo,
        string? dueWithin, bool? overdue, bool? includeVoid, string? page, string? pageSize, string? q, int? countUpTo,
        ClaimsPrincipal user, CaseFlowDbContext db, WorkflowEngine engine, CalendarProvider calendars, TimeProvider time, CancellationToken ct)
    {
        var input = new Input();
        var from = receivedFrom is null ? (DateOnly?)null : input.Date(receivedFrom, "receivedFrom");
        var to = receivedTo is null ? (DateOnly?)null : input.Date(receivedTo, "receivedTo");
        var within = dueWithin is null ? (int?)null : input.Int(dueWithin, "dueWithin", 0, 60);
        var pageNumber = page is null ? 1 : input.Int(page, "page", 1, 100_000);
        var size = pageSize is null ? 50 : input.Int(pageSize, "pageSize", 1, 200);
        input.ThrowIfInvalid();

        var visible = await AgencyTree.VisibleToAsync(user, db, ct);
        var query = db.Cases.AsNoTracking();
        if (agency is not null)
        {
            if (visible is not null && !visible.Contains(agency)) throw new ForbiddenException($"无权查看机关“{agency}”的案件。");
            var codes = subordinates == true ? AgencyTree.Subtree(await AgencyTree.ParentsAsync(db, ct), agency) : [agency];
            if (visible is not null) codes.IntersectWith(visible);
            query = OfAgencies(query, codes);
        }
        else if (visible is not null)
        {
            query = OfAgencies(query, visible);
        }
        // Flags are compared with a parameter, not negated: both databases then use them as equality columns of the
        // queue index (AgencyCode, IsVoid, ConcludedOn, WaitsOnOthers, ReplyDueOn), where NOT x makes them scan.
        var no = false;
        var yes = true;
        if (includeVoid != true) query = query.Where(c => c.IsVoid == no);
        if (state is not null) query = query.Where(c => c.State == state);
        if (assignee is not null)
        {
            var who = assignee == "me" ? CaseAccess.ActorOf(user).UserName : assignee;
            query = query.Where(c => c.AssignedOfficer == who);
        }
        if (q?.Trim() is { Length: > 0 } text)
        {
            if (text.Length > 200) throw new ValidationFailedException("q", "不能超过 200 个字符。");
            // Case number, applicant or requested information containing the text (ordinal; no index needed for a queue).
            query = query.Where(c => c.CaseNumber.Contains(text) || c.ApplicantName.Contains(text) || c.RequestedInformation.Contains(text));
        }
        if (from is not null) query = query.Where(c => c.ReceivedOn >= from);
        if (to is not null) query = query.Where(c => c.ReceivedOn <= to);

        var today = ChinaTime.Today(time);
        if (within is not null)
        {
            // Working days are counted on the national calendar plus the caller's local days.
            var limit = (await calendars.GetAsync(agency ?? CaseAccess.ActorOf(user).AgencyCode, ct)).AddWorkingDays(today, within.Value).Date;
            query = query.Where(c => c.ConcludedOn == null && c.ReplyDueOn >= today && c.ReplyDueOn <= limit);
        }
        if (overdue == true) query = query.Where(c => c.ConcludedOn == null && c.ReplyDueOn < today);

        // Urgency first (the officer's queue): overdue, due within 3 working days, within 5, waiting on others (consultation,
        // fee, correction), the other open cases; concluded and void ones last; each group soonest reply date first. Each
        // group is a range the queue index (agency, void, concluded, waiting, due date) serves, so a page reads only its
        // own rows, not a sort of every case the office ever had.
        var calendar = await calendars.GetAsync(agency ?? CaseAccess.ActorOf(user).AgencyCode, ct);
        var within3 = calendar.AddWorkingDays(today, 3).Date;
        var within5 = calendar.AddWorkingDays(today, 5).Date;
        var open = query.Where(c => c.ConcludedOn == null && c.IsVoid == no);
        IQueryable<Domain.Cases.DisclosureRequest>[] groups =
        [
            open.Where(c => c.WaitsOnOthers == no && c.ReplyDueOn < today),
            open.Where(c => c.WaitsOnOthers == no && c.ReplyDueOn >= today && c.ReplyDueOn <= within3),
            open.Where(c => c.WaitsOnOthers == no && c.ReplyDueOn > within3 && c.ReplyDueOn <= within5),
            open.Where(c => c.WaitsOnOthers == yes),
            open.Where(c => c.WaitsOnOthers == no && (c.ReplyDueOn == null || c.ReplyDueOn > within5)),
            query.Where(c => c.ConcludedOn != null || c.IsVoid == yes),
        ];
        // The open groups are counted (they are few); the last group, concluded and void cases, is what remains, and
        // its size is never needed: it comes last.
        var counts = new int[groups.Length - 1];
        for (var g = 0; g < counts.Length; g++) counts[g] = await groups[g].CountAsync(ct);
        // A due or overdue filter without void cases leaves only open groups, whose counts then add up to the total
        // (counted on its own, SQLite took an index without the void flag and read every due case's row for it).
        int total;
        if ((within is not null || overdue == true) && includeVoid != true) total = countUpTo is { } most ? Math.Min(counts.Sum(), most + 1) : counts.Sum();
        else total = countUpTo is { } cap ? await query.Take(cap + 1).CountAsync(ct) : await query.CountAsync(ct);

        var skip = (pageNumber - 1) * size;
        var rows = new List<ListedCase>();
        for (var g = 0; g < groups.Length && rows.Count < size; g++)
        {
            if (g < counts.Length && skip >= counts[g]) { skip -= counts[g]; continue; }
            // Only the summary columns: the JSON details stay out of list queries.
            // Open cases are few: sorted by due date. Concluded ones (the office's whole history) newest first, read
            // backwards along the key instead of sorted.
            // An open group's page is picked from the queue index alone and only its rows are read: sorting the group's
            // rows themselves read every one of them (thousands, for an office's due list) to show fifty.
            var (group, first, count) = (groups[g], skip, size - rows.Count);
            var picked = g < groups.Length - 1
                ? db.Cases.AsNoTracking()
                    .Where(c => group.OrderBy(p => p.ReplyDueOn == null).ThenBy(p => p.ReplyDueOn).ThenBy(p => p.Id).Skip(first).Take(count).Select(p => p.Id).Contains(c.Id))
                    .OrderBy(c => c.ReplyDueOn == null).ThenBy(c => c.ReplyDueOn).ThenBy(c => c.Id)
                : group.OrderByDescending(c => c.Id).Skip(first).Take(count);
            rows.AddRange(await picked
                .Select(c => new ListedCase(
                    c.Id, c.CaseNumber, c.AgencyCode, c.State, c.Version, c.ReceivedOn, c.ReplyDueOn, c.DueProvisional, c.ApplicantColumn,
                    c.ApplicantName, c.IdDocumentNumber, c.AssignedOfficer, c.Outcome, c.ConcludedOn, c.IsVoid, c.WorkflowId, c.WorkflowVersion))
                .ToListAsync(ct));
            skip = 0;
        }
        return new Page(
        [
            .. rows.Select(c => new CaseSummary(
                c.Id, c.CaseNumber, c.AgencyCode, c.State, engine.Catalog.Get(c.WorkflowId, c.WorkflowVersion).State(c.State).Label, c.Version,
                c.ReceivedOn, c.ReplyDueOn, c.DueProvisional, c.ApplicantColumn, c.ApplicantName, CaseViews.Mask(c.IdDocumentNumber),
                c.AssignedOfficer, c.Outcome, c.ConcludedOn, c.IsVoid)),
        ], total, pageNumber, size);
    }

    /// <summary>One agency as an equality, so the database reads the queue's index in order; several as a list.</summary>
    private static IQueryable<Domain.Cases.DisclosureRequest> OfAgencies(IQueryable<Domain.Cases.DisclosureRequest> cases, IReadOnlyCollection<string> codes)
    {
        if (codes.Count != 1) return cases.Where(c => codes.Contains(c.AgencyCode));
        var code = codes.First();
        return cases.Where(c => c.AgencyCode == code);
    }
}
