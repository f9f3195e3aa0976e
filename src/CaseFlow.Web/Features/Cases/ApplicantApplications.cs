using CaseFlow.Data;
using CaseFlow.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Web.Features.Cases;

/// <summary>Another application of the same applicant at the same agency: a 重复申请 (art 36(6)) candidate the officer
/// checks by hand, and what the 按件 fee counts.</summary>
public sealed record SimilarApplication(long Id, string CaseNumber, DateOnly ReceivedOn, string RequestedInformation, string State,
    string? Outcome, DateOnly? ConcludedOn, bool SameMonth);

/// <summary>
/// The applicant's applications at an agency, matched by identity number or organisation code (the one
/// <c>IdDocumentNumber</c> column, stored trimmed and upper-cased since 0012, so an ID card's check letter X typed either
/// way matches, through the index (AgencyCode, IdDocumentNumber)). Void registrations count nowhere. One query serves the 按件 fee (the case's place in its natural
/// month) and the 重复申请 candidates on the case.
/// </summary>
public static class ApplicantApplications
{
    public const int MaxSimilar = 50;

    /// <summary>The applications of the applicant with <paramref name="idDocumentNumber"/> at <paramref name="agencyCode"/>; none without a number.</summary>
    public static IQueryable<DisclosureRequest> SameApplicant(CaseFlowDbContext db, string agencyCode, string? idDocumentNumber)
    {
        var key = Normalise(idDocumentNumber);
        if (key is null) return db.Cases.Where(_ => false);
        return db.Cases.AsNoTracking().Where(c => c.AgencyCode == agencyCode && c.IdDocumentNumber == key && !c.IsVoid);
    }

    /// <summary>The case's place (1-based) among its applicant's applications received in the same natural month at the
    /// agency, in order of receipt (then registration); null when the applicant has no identity number to match on.</summary>
    public static async Task<int?> MonthRankAsync(CaseFlowDbContext db, DisclosureRequest c, CancellationToken ct)
    {
        if (Normalise(c.IdDocumentNumber) is null) return null;
        var first = new DateOnly(c.ReceivedOn.Year, c.ReceivedOn.Month, 1);
        var next = first.AddMonths(1);
        var month = await SameApplicant(db, c.AgencyCode, c.IdDocumentNumber)
            .Where(x => x.ReceivedOn >= first && x.ReceivedOn < next)
            .Select(x => new { x.Id, x.ReceivedOn, x.Details })
            .ToListAsync(ct);
        // an earlier application split item by item (一事一申请) counts as the units its fee notice counted
        var earlier = month.Where(x => x.Id != c.Id && (x.ReceivedOn < c.ReceivedOn || x.ReceivedOn == c.ReceivedOn && x.Id < c.Id))
            .Sum(x => x.Details.Fee?.Units ?? 1);
        return earlier + 1;
    }

    /// <summary>The applicant's other applications at the agency, newest first (at most <see cref="MaxSimilar"/>).</summary>
    public static async Task<IReadOnlyList<SimilarApplication>> SimilarAsync(CaseFlowDbContext db, DisclosureRequest c, CancellationToken ct)
    {
        var rows = await SameApplicant(db, c.AgencyCode, c.IdDocumentNumber)
            .Where(x => x.Id != c.Id)
            .OrderByDescending(x => x.ReceivedOn).ThenByDescending(x => x.Id)
            .Take(MaxSimilar)
            .Select(x => new { x.Id, x.CaseNumber, x.ReceivedOn, x.RequestedInformation, x.State, x.Outcome, x.ConcludedOn })
            .ToListAsync(ct);
        return [.. rows.Select(x => new SimilarApplication(x.Id, x.CaseNumber, x.ReceivedOn, x.RequestedInformation, x.State, x.Outcome, x.ConcludedOn,
            x.ReceivedOn.Year == c.ReceivedOn.Year && x.ReceivedOn.Month == c.ReceivedOn.Month))];
    }

    private static string? Normalise(string? id) => string.IsNullOrWhiteSpace(id) ? null : id.Trim().ToUpperInvariant();
}
