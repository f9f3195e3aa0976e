using CaseFlow.Web.Features.Mail;
using Quartz;

namespace CaseFlow.Web.Features.Reminders;

/// <summary>Every minute: fire due timer rows. Never two sweeps at once in one process; across processes the
/// atomic claim keeps each row to one firing.</summary>
[DisallowConcurrentExecution]
public sealed class TimerSweepJob(TimerSweeper sweeper) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct) => await sweeper.SweepAsync(ct);
}

[DisallowConcurrentExecution]
public sealed class OutboxDispatchJob(OutboxDispatcher dispatcher) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct) => await dispatcher.DispatchAsync(ct);
}
