using CaseFlow.Web.Features.Calendar;
using CaseFlow.Web.Features.Mail;
using Microsoft.Extensions.Options;
using Quartz;

namespace CaseFlow.Web.Features.Reminders;

public static class RemindersSetup
{
    /// <summary><c>Jobs:Enabled</c> (default true) schedules the sweeps; tests switch it off and drive them by hand.</summary>
    public static IServiceCollection AddReminders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MailOptions>, MailOptionsValidation>();
        services.AddSingleton<IMailSender, SmtpMailSender>();
        services.AddSingleton<TimerSweeper>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddScoped<ICalendarChangeListener, RecomputeOpenCases>();

        if (!configuration.GetValue("Jobs:Enabled", true)) return services;
        var sweepSeconds = configuration.GetValue("Jobs:SweepSeconds", 60);
        // At least 1 so that Quartz accepts the schedule and the validation above can name a wrong value.
        var mailSeconds = Math.Max(1, configuration.GetValue($"{MailOptions.Section}:DispatchSeconds", 30));
        services.AddQuartz(q =>
        {
            q.ScheduleJob<TimerSweepJob>(t => t.WithIdentity("timer-sweep").StartNow().WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(sweepSeconds)).RepeatForever()));
            q.ScheduleJob<OutboxDispatchJob>(t => t.WithIdentity("outbox-dispatch").StartNow().WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(mailSeconds)).RepeatForever()));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}
