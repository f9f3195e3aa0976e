using CaseFlow.Web.Hosting;
using System.Text.Json;
using CaseFlow.Data;
using CaseFlow.Data.Agencies;
using CaseFlow.Data.Calendar;
using CaseFlow.Data.Identity;
using CaseFlow.Domain.Calendar;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Web.Features.Calendar;

/// <summary>At start-up, loads the national notices shipped with CaseFlow for every year the database does
/// not have yet. Years an administrator loaded are never overwritten.</summary>
public static class SeedShippedCalendar
{
    public const string SystemUser = "system";

    public static async Task<IReadOnlyList<int>> RunAsync(CaseFlowDbContext db, TimeProvider time, CancellationToken ct = default)
    {
        var present = await db.CalendarDays.Where(d => d.Source == CalendarSource.National)
            .Select(d => d.NoticeYear).Distinct().ToListAsync(ct);
        var added = new List<int>();
        foreach (var notice in NationalCalendar.ShippedNotices.Where(n => !present.Contains(n.Year)))
        {
            db.CalendarDays.AddRange(CalendarRows.From(notice.ToEntries(CalendarSource.National)));
            db.CalendarChanges.Add(new CalendarChange
            {
                Year = notice.Year,
                AgencyCode = CalendarChange.National,
                Version = 1,
                ChangedBy = SystemUser,
                ChangedAtUtc = time.GetUtcNow().UtcDateTime,
                Summary = $"载入随 CaseFlow 发布的 {notice.Year} 年全国节假日安排（{notice.Source}）",
                AfterJson = JsonSerializer.Serialize(notice, JsonDefaults.Options),
            });
            added.Add(notice.Year);
        }
        if (added.Count > 0) await db.SaveChangesAsync(ct);
        return added;
    }
}
