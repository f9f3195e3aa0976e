using CaseFlow.Web.Features.Calendar;
using CaseFlow.Web.Features.Mail;
using Microsoft.Extensions.Options;

namespace CaseFlow.Web.Features.Reminders;

public static class RemindersSetup
{
    /// <summary>The sweeper, the outbox and, unless <c>Jobs:Enabled</c> is false, the Hangfire jobs that run them.</summary>
    public static IServiceCollection AddReminders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MailOptions>, MailOptionsValidation>();
        services.AddSingleton<IMailSender, SmtpMailSender>();
        services.AddSingleton<TimerSweeper>();
        services.AddSingleton<Proceedings.AgencyProceedingReminders>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddScoped<ICalendarChangeListener, RecomputeOpenCases>();

        services.AddCaseFlowJobs(configuration);
        return services;
    }
}
