using CaseFlow.Domain;
using CaseFlow.Domain.Deadlines;
using CaseFlow.Web.Errors;
using CaseFlow.Web.Features.Calendar;

namespace CaseFlow.Web.Features.Deadlines;

public static class ComputeReplyDeadline
{
    public sealed record PauseBody(DateOnly? From, DateOnly? To, PauseKind? Kind);

    public sealed record Body(
        DateOnly? ReceivedOn,
        DateOnly? CorrectionReceivedOn,
        List<PauseBody>? Pauses,
        int? ExtensionDays,
        DateOnly? Article35ReplyOn,
        string? Agency);

    public sealed record Response(
        DateOnly? DueOn,
        bool Provisional,
        IReadOnlyList<string> Explanation,
        DateOnly DayZero,
        int WorkingDays,
        bool Paused,
        int? DaysUsed,
        int? DaysRemaining,
        DateOnly CorrectionNoticeDueOn);

    /// <summary>POST /api/deadlines/reply — anonymous; the statutory clock of domain.md §3 with its explanation.</summary>
    public static async Task<Response> Handle(Body? body, CalendarProvider calendars, TimeProvider time, CancellationToken ct)
    {
        if (body is null) throw new ValidationFailedException("body", "请求体不能为空。");
        // Every date within the legal window (LegalDates): a deadline may be worked out for a date up to a year ahead.
        var today = ChinaTime.Today(time);
        var check = new Input();
        check.Require(body.ReceivedOn is not null, "receivedOn", "必填，格式为 YYYY-MM-DD。");
        check.Add(LegalDates.CheckAhead(body.ReceivedOn, "receivedOn", today));
        check.Add(LegalDates.CheckAhead(body.CorrectionReceivedOn, "correctionReceivedOn", today));
        check.Add(LegalDates.CheckAhead(body.Article35ReplyOn, "article35ReplyOn", today));
        check.Require(body.Pauses is not { Count: > 100 }, "pauses", "最多 100 段中止期间。");
        var pauses = new List<ClockPause>();
        for (var i = 0; i < Math.Min(body.Pauses?.Count ?? 0, 100); i++)
        {
            var p = body.Pauses![i];
            check.Require(p?.From is not null, $"pauses[{i}].from", "必填，格式为 YYYY-MM-DD。");
            check.Add(LegalDates.CheckAhead(p?.From, $"pauses[{i}].from", today));
            check.Add(LegalDates.CheckAhead(p?.To, $"pauses[{i}].to", today));
            if (p?.From is { } from) pauses.Add(new ClockPause(from, p.To, p.Kind ?? PauseKind.Unspecified));
        }
        check.ThrowIfInvalid();

        var input = new ReplyClockInput(body.ReceivedOn!.Value, body.CorrectionReceivedOn, pauses, body.ExtensionDays ?? 0, body.Article35ReplyOn);
        ValidationFailedException.ThrowIfAny(input.Validate());

        var calendar = await calendars.GetAsync(body.Agency, ct);
        var clock = StatutoryClock.Reply(calendar, input);
        var correctionDue = StatutoryPeriods.CorrectionNoticeDue(calendar, input.ReceivedOn);
        return new Response(clock.DueOn, clock.Provisional, clock.Explanation, clock.DayZero, clock.WorkingDays,
            clock.Paused, clock.DaysUsed, clock.DaysRemaining, correctionDue.Date);
    }

    public static IEndpointRouteBuilder MapDeadlinesApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/deadlines/reply", Handle).WithTags("Deadlines 法定期限").WithName("computeReplyDeadline").ProducesValidationProblem()
            .WithSummary("计算答复期限：第0日为收到申请（或补正后申请）之日；中止期间 (S, E] 内的工作日不计入");
        return app;
    }
}
