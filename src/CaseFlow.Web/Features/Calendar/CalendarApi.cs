using CaseFlow.Workflows.Definitions;

namespace CaseFlow.Web.Features.Calendar;

public static class CalendarApi
{
    public static IServiceCollection AddCalendar(this IServiceCollection services) =>
        services.AddSingleton<CalendarProvider>();

    public static IEndpointRouteBuilder MapCalendarApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/calendar").WithTags("Calendar 工作日历");
        api.MapGet("/add-working-days", AddWorkingDays.Handle).WithName("addWorkingDays").ProducesValidationProblem()
            .WithSummary("第 N 个工作日：from 为第0日，结果为其后第 N 个工作日（N 可为负）");
        api.MapGet("/{year:int}", GetCalendarYear.Handle).WithName("getCalendarYear").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("某年的放假日与调休上班日（全国/本地），以及版本记录");
        api.MapPut("/{year:int}", PutCalendarYear.Handle).WithName("putCalendarYear").ProducesValidationProblem()
            .RequireAuthorization(Roles.Admin)
            .WithSummary("载入某年的国务院节假日安排；带 agency 参数时设置该机关的本地放假日");
        return app;
    }
}
