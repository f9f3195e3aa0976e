using CaseFlow.Web.Hosting;
using System.Data.Common;
using System.Globalization;
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

    /// <summary>The shipped years the database lacks, read with one plain query: at start-up the database normally has
    /// them all, and this answers that without building the EF model (<see cref="RunAsync"/> then loads what is missing).
    /// National rows are those with <c>Source</c> = National (enums are stored by name).</summary>
    public static async Task<IReadOnlyList<int>> MissingYearsAsync(DbConnection connection, CancellationToken ct = default)
    {
        var present = new HashSet<int>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT DISTINCT \"NoticeYear\" FROM \"CalendarDays\" WHERE \"Source\" = @source";
            var source = command.CreateParameter();
            source.ParameterName = "@source";
            source.Value = nameof(CalendarSource.National);
            command.Parameters.Add(source);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) present.Add(Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture));
        }
        return NationalCalendar.ShippedNotices.Select(n => n.Year).Where(y => !present.Contains(y)).ToList();
    }

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
