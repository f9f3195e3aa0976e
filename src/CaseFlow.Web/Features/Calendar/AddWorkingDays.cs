using CaseFlow.Web.Errors;

namespace CaseFlow.Web.Features.Calendar;

public static class AddWorkingDays
{
    public sealed record Response(DateOnly From, int Days, DateOnly Result, bool Provisional, string? Agency);

    /// <summary>GET /api/calendar/add-working-days?from=YYYY-MM-DD&amp;days=N[&amp;agency=CODE] — anonymous.</summary>
    public static async Task<Response> Handle(string? from, string? days, string? agency, CalendarProvider calendars, ILoggerFactory logs, CancellationToken ct)
    {
        var input = new Input();
        var start = input.Date(from, "from");
        var n = input.Int(days, "days", -1000, 1000);
        input.ThrowIfInvalid();

        var calendar = await calendars.GetAsync(agency, ct);
        var result = calendar.AddWorkingDays(start, n);
        if (result.Provisional)
            logs.CreateLogger("CaseFlow.Calendar").LogWarning(
                "Working-day computation from {From} by {Days} days runs into a year whose holidays are not loaded; result {Result} is provisional. Load the year's State Council notice (PUT /api/calendar/{{year}}).",
                start, n, result.Date);
        return new Response(start, n, result.Date, result.Provisional, agency);
    }
}
