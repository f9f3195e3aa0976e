using System.Security.Claims;
using System.Text.Json;
using CaseFlow.Data;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Web.Features.Cases;

/// <summary>GET /api/cases/{id}/journal — every committed step (and audited read) in order.</summary>
public static class GetJournal
{
    public sealed record Entry(int Sequence, DateTime AtUtc, string Actor, string Action, string? Step, string? FromState, string? ToState,
        JsonElement? Payload, JsonElement? Facts);

    public static async Task<IReadOnlyList<Entry>> Handle(long id, ClaimsPrincipal user, CaseFlowDbContext db, CancellationToken ct)
    {
        var c = await CaseAccess.LoadAsync(id, user, db, tracking: false, ct);
        var rows = await db.CaseJournal.AsNoTracking().Where(j => j.CaseId == c.Id).OrderBy(j => j.Id).ToListAsync(ct);
        return [.. rows.Select(j => new Entry(j.Sequence, j.AtUtc, j.Actor, j.Action, j.Step, j.FromState, j.ToState, Parse(j.PayloadJson), Parse(j.FactsJson)))];
    }

    private static JsonElement? Parse(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();
}
