using System.ComponentModel;
using CaseFlow.Web.Features.Mail;
using Hangfire;

namespace CaseFlow.Web.Features.Reminders;

// The two recurring Hangfire jobs. Each run only asks the database what is due, so a run repeated by Hangfire (a
// server that died mid-run is retried after the storage's invisibility timeout) or doubled across instances fires
// nothing twice: timer rows and outbox rows are claimed atomically. The distributed lock of
// DisableConcurrentExecution only keeps a second run of the same job from doing the same work at the same time;
// a run that cannot get it within LockWaitSeconds fails (shown on the dashboard) and the next one comes soon.
// No automatic retries: the schedule is the retry.

/// <summary>Fires due timer rows: reminders, escalations and the system actions of expired periods; then the reminders
/// of proceedings without a case, which have no timer rows.</summary>
public sealed class TimerSweepJob(TimerSweeper sweeper, Proceedings.AgencyProceedingReminders proceedings)
{
    public const string Id = "timer-sweep";

    /// <returns>how many timers fired (the dashboard shows it as the run's result)</returns>
    [DisplayName("计时器扫描：到期提醒、逾期督办、期限届满自动处理")]
    [DisableConcurrentExecution(JobsSetup.LockWaitSeconds)]
    [AutomaticRetry(Attempts = 0)]
    public async Task<int> RunAsync(CancellationToken ct) => await sweeper.SweepAsync(ct) + await proceedings.RunAsync(ct);
}

/// <summary>Sends the committed outbox e-mails.</summary>
public sealed class OutboxDispatchJob(OutboxDispatcher dispatcher)
{
    public const string Id = "outbox-dispatch";

    /// <returns>how many e-mails were sent</returns>
    [DisplayName("发件箱投递：发送待发邮件")]
    [DisableConcurrentExecution(JobsSetup.LockWaitSeconds)]
    [AutomaticRetry(Attempts = 0)]
    public Task<int> RunAsync(CancellationToken ct) => dispatcher.DispatchAsync(ct);
}
