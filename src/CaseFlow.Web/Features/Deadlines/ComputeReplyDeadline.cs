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
    public static async Task<Response> Handle(Body? body, CalendarProvider calendars, CancellationToken ct)
    {
        if (body is null) throw new ValidationFailedException("body", "请求体不能为空。");
        var check = new Input();
        check.Require(body.ReceivedOn is not null, "receivedOn", "必填，格式为 YYYY-MM-DD。");
        check.DateInRange(body.ReceivedOn, "receivedOn");
        check.DateInRange(body.CorrectionReceivedOn, "correctionReceivedOn");
        check.DateInRange(body.Article35ReplyOn, "article35ReplyOn");
        var pauses = new List<ClockPause>();
        for (var i = 0; i < (body.Pauses?.Count ?? 0); i++)
        {
            var p = body.Pauses![i];
            check.Require(p?.From is not null, $"pauses[{i}].from", "必填，格式为 YYYY-MM-DD。");
            check.DateInRange(p?.From, $"pauses[{i}].from");
            check.DateInRange(p?.To, $"pauses[{i}].to");
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
