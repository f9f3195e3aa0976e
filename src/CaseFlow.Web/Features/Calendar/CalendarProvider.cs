using System.Collections.Concurrent;
using CaseFlow.Data;
using CaseFlow.Data.Agencies;
using CaseFlow.Data.Calendar;
using CaseFlow.Data.Identity;
using CaseFlow.Domain.Calendar;
using CaseFlow.Web.Errors;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Web.Features.Calendar;

/// <summary>Holds the working-day calendar in memory (national notices plus local days per agency),
/// rebuilt from the database after every change. Local days of an agency apply to everything below it.</summary>
public sealed class CalendarProvider(IServiceScopeFactory scopes)
{
    private volatile Snapshot? _snapshot;
    private readonly SemaphoreSlim _loading = new(1, 1);

    public async Task<WorkingDayCalendar> GetAsync(string? agencyCode, CancellationToken ct = default)
    {
        var snapshot = await LoadAsync(ct);
        if (string.IsNullOrEmpty(agencyCode)) return snapshot.National;
        if (!snapshot.Parents.ContainsKey(agencyCode))
        {
            // Perhaps created after the snapshot was taken: read once more before calling it unknown.
            Invalidate();
            snapshot = await LoadAsync(ct);
            if (!snapshot.Parents.ContainsKey(agencyCode))
                throw new ValidationFailedException("agency", $"机关代码“{agencyCode}”不存在。");
        }
        return snapshot.PerAgency.GetOrAdd(agencyCode, code =>
        {
            var local = new List<CalendarEntry>();
            for (string? c = code; c is not null; c = snapshot.Parents.GetValueOrDefault(c))
                local.AddRange(snapshot.Local[c]);
            return local.Count == 0 ? snapshot.National : snapshot.National.WithLocalDays(local);
        });
    }

    public void Invalidate() => _snapshot = null;

    private async Task<Snapshot> LoadAsync(CancellationToken ct)
    {
        if (_snapshot is { } s) return s;
        await _loading.WaitAsync(ct);
        try
        {
            if (_snapshot is { } again) return again;
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<CaseFlowDbContext>();
            var rows = await db.CalendarDays.AsNoTracking().ToListAsync(ct);
            var parents = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.ParentCode, ct);
            var entries = rows.Select(r => new CalendarEntry(r.NoticeYear, r.Date, r.Kind, r.Source, r.Name, r.AgencyCode)).ToList();
            var national = new WorkingDayCalendar(
                entries.Where(e => e.Source == CalendarSource.National).Select(e => e.NoticeYear).Distinct(),
                entries.Where(e => e.Source == CalendarSource.National));
            var local = entries.Where(e => e.Source == CalendarSource.Local && e.AgencyCode is not null).ToLookup(e => e.AgencyCode!);
            return _snapshot = new Snapshot(national, local, parents, new ConcurrentDictionary<string, WorkingDayCalendar>());
        }
        finally
        {
            _loading.Release();
        }
    }

    private sealed record Snapshot(
        WorkingDayCalendar National,
        ILookup<string, CalendarEntry> Local,
        IReadOnlyDictionary<string, string?> Parents,
        ConcurrentDictionary<string, WorkingDayCalendar> PerAgency);
}
