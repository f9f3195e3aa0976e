using CaseFlow.Data;
using CaseFlow.Web.Features.Health;
using CaseFlow.Web.Features.Mail;
using CaseFlow.Workflows.Definitions;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Dashboard;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CaseFlow.Web.Features.Reminders;

/// <summary>
/// Hangfire runs the timer sweep and the outbox dispatch as recurring jobs on every instance with <c>Jobs:Enabled</c>;
/// per-case timers stay rows in CaseFlow's own tables (see <see cref="TimerSweeper"/>). Its storage follows
/// <c>Database:Provider</c>: a SQLite file of its own beside CaseFlow's SQLite file, or the <c>hangfire</c> schema of
/// CaseFlow's PostgreSQL database. The dashboard is at <see cref="DashboardPath"/>.
/// </summary>
public static class JobsSetup
{
    public const string DashboardPath = "/jobs";
    public const string DashboardPolicy = "JobsDashboard";
    public const string PostgresSchema = "hangfire";

    /// <summary>How long a run waits for the same job's run before it to finish; normally a sweep takes well under a
    /// second (100,000 reminders: 2 s).</summary>
    public const int LockWaitSeconds = 30;

    public static IServiceCollection AddCaseFlowJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<JobsOptions>, JobsOptions.Validator>();
        if (!(configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions()).Enabled) return services;

        services.AddSingleton<JobSchedule>();
        // Our own storage and activator rather than Hangfire's process-wide JobStorage.Current and JobActivator.Current:
        // each host (several run side by side in the tests) uses its own database and its own services.
        services.AddSingleton<JobStorage>(sp =>
        {
            sp.GetRequiredService<IGlobalConfiguration>(); // first: it points Hangfire's logging at this host's loggers
            return CreateStorage(sp.GetRequiredService<DatabaseOptions>(), sp.GetRequiredService<JobSchedule>().PollInterval);
        });
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire(c => c
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        var before = services.Count;
        services.AddHangfireServer((sp, o) =>
        {
            var schedule = sp.GetRequiredService<JobSchedule>();
            o.ServerName = schedule.ServerName;
            o.WorkerCount = 4; // two recurring jobs, a manual trigger, one run waiting for the lock
            o.SchedulePollingInterval = schedule.PollInterval;
            o.HeartbeatInterval = JobServerHealthCheck.HeartbeatInterval;
        });
        // Hangfire's server is started by JobsStarter, after the recurring jobs are registered, beside the web server's start.
        var server = services.Skip(before).Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationFactory is not null);
        services.Remove(server);
        services.AddSingleton<IHostedService>(sp => new JobsStarter(sp, server.ImplementationFactory!));
        // A stopped job server does not stop this instance from serving requests: Degraded, never 503.
        services.AddHealthChecks().AddCheck<JobServerHealthCheck>("jobs", HealthStatus.Degraded, [HealthSetup.ReadyTag]);
        services.AddAuthorizationBuilder().AddPolicy(DashboardPolicy, p => p.RequireRole(Roles.Admin, Roles.Office));
        return services;
    }

    /// <summary>The dashboard, when Jobs are enabled: Admin may trigger and delete jobs, Office only looks, anyone else
    /// signed in gets 403 and anonymous callers 401, like the API.</summary>
    /// <remarks>What <c>MapHangfireDashboardWithAuthorizationPolicy</c> does (the policy instead of Hangfire's
    /// local-requests-only filter), except that the dashboard's pipeline, and with it the job storage, is made at the first
    /// request to it: opening Hangfire's storage (SQLite: creating or checking its eleven tables) at start-up cost the cold
    /// start about 0.2 s, and the job server opens it just after start anyway.</remarks>
    public static IEndpointRouteBuilder MapJobsDashboard(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetService<IServiceProviderIsService>()?.IsService(typeof(JobStorage)) != true) return app;
        var options = new DashboardOptions
        {
            DashboardTitle = "CaseFlow 定时任务",
            AppPath = "/",
            DisplayStorageConnectionString = false,
            IsReadOnlyFunc = ctx => !ctx.GetHttpContext().User.IsInRole(Roles.Admin),
            Authorization = [],
            AsyncAuthorization = [],
        };
        var builder = app.CreateApplicationBuilder();
        var dashboard = new Lazy<RequestDelegate>(() =>
        {
            var services = builder.ApplicationServices;
            options.TimeZoneResolver ??= services.GetService<ITimeZoneResolver>();
            return builder.UsePathBase(DashboardPath)
                .UseMiddleware<AspNetCoreDashboardMiddleware>(services.GetRequiredService<JobStorage>(), options, services.GetRequiredService<Hangfire.Dashboard.RouteCollection>())
                .Build();
        });
        app.Map(DashboardPath + "/{**path}", context => dashboard.Value(context)).RequireAuthorization(DashboardPolicy).ExcludeFromDescription();
        return app;
    }

    /// <summary>The storage file beside CaseFlow's SQLite file: caseflow.db → caseflow-hangfire.db.</summary>
    public static string SqliteStorageFile(DatabaseOptions database)
    {
        var file = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
        if (string.IsNullOrWhiteSpace(file) || file.Trim() == ":memory:")
            throw new InvalidOperationException($"Hangfire keeps its jobs in a file beside the SQLite database, but {DatabaseOptions.ConnectionStringKey} names no file; set Jobs:Enabled to false or use a file.");
        var full = Path.GetFullPath(file);
        return Path.Combine(Path.GetDirectoryName(full)!, $"{Path.GetFileNameWithoutExtension(full)}-hangfire.db");
    }

    private static JobStorage CreateStorage(DatabaseOptions database, TimeSpan pollInterval) => database.Provider switch
    {
        DatabaseProvider.Sqlite => new SQLiteStorage(SqliteStorageFile(database), new SQLiteStorageOptions { QueuePollInterval = pollInterval }),
        DatabaseProvider.Postgres => PostgresStorage(database.ConnectionString, new PostgreSqlStorageOptions
        {
            SchemaName = PostgresSchema,
            QueuePollInterval = pollInterval,
            // A lock row left by an instance that died is free again after this (Hangfire's default is 10 minutes).
            // A sweep that holds its lock longer may be joined by a second one: harmless, they claim rows atomically.
            DistributedLockTimeout = TimeSpan.FromMinutes(2),
        }),
        _ => throw new NotSupportedException($"No Hangfire storage for {database.Provider}."),
    };

    private static PostgreSqlStorage PostgresStorage(string connectionString, PostgreSqlStorageOptions options) =>
        new(new NpgsqlConnectionFactory(connectionString, options), options);

    /// <summary>Registers (or updates, when the intervals changed) the recurring jobs and then starts Hangfire's server
    /// (<paramref name="server"/> makes Hangfire's own hosted service), on a thread of its own while the web server starts:
    /// both opened the job storage and serialised the jobs on the start-up path, most of a second of the cold start. The
    /// host's start still waits for them (<see cref="StartedAsync"/>), so a host that has started has its recurring jobs
    /// and its job server, and a failure stops the start as before; only requests are answered meanwhile.</summary>
    private sealed class JobsStarter(IServiceProvider services, Func<IServiceProvider, object> server) : IHostedLifecycleService, IDisposable
    {
        private IHostedService? _server;
        private Task _started = Task.CompletedTask;

        public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StartAsync(CancellationToken cancellationToken)
        {
            _started = Task.Run(async () =>
            {
                var jobs = services.GetRequiredService<IRecurringJobManager>();
                var schedule = services.GetRequiredService<JobSchedule>();
                jobs.AddOrUpdate<TimerSweepJob>(TimerSweepJob.Id, j => j.RunAsync(CancellationToken.None), schedule.SweepCron);
                jobs.AddOrUpdate<OutboxDispatchJob>(OutboxDispatchJob.Id, j => j.RunAsync(CancellationToken.None), schedule.DispatchCron);
                _server = (IHostedService)server(services); // after the jobs, so that it finds them
                await _server.StartAsync(cancellationToken);
            }, cancellationToken);
            return Task.CompletedTask;
        }

        public Task StartedAsync(CancellationToken cancellationToken) => _started;

        public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public async Task StopAsync(CancellationToken cancellationToken)
        {
            try
            {
                await _started;
            }
            catch (Exception)
            {
                // Already raised by StartedAsync, which stopped the host's start.
            }
            if (_server is not null) await _server.StopAsync(cancellationToken);
        }

        public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose() => (_server as IDisposable)?.Dispose();
    }
}

/// <summary>The schedules of the recurring jobs and how often Hangfire looks for work.</summary>
public sealed class JobSchedule
{
    public JobSchedule(IOptions<JobsOptions> jobs, IOptions<MailOptions> mail)
    {
        var sweep = jobs.Value.SweepSeconds;
        var dispatch = mail.Value.DispatchSeconds;
        if (Schedule.Error($"{MailOptions.Section}:{nameof(MailOptions.DispatchSeconds)}", dispatch) is { } error)
            throw new OptionsValidationException(MailOptions.Section, typeof(MailOptions), [error]);
        SweepCron = Schedule.Cron(sweep);
        DispatchCron = Schedule.Cron(dispatch);
        // Hangfire's scheduler enqueues a due recurring job when it polls, and an idle worker fetches it when it polls
        // the queue (both every 15 s by default): a quarter of the shortest interval keeps a run within a few seconds
        // of its cron time, without polling a database more than once a second.
        PollInterval = TimeSpan.FromSeconds(Math.Clamp(Math.Min(sweep, dispatch) / 4.0, 1, 15));
    }

    public string SweepCron { get; }
    public string DispatchCron { get; }
    public TimeSpan PollInterval { get; }

    /// <summary>This host's Hangfire server name (Hangfire adds the process id and a GUID): the machine and a tag of
    /// this host, so that the health check finds its own server among those of other instances.</summary>
    public string ServerName { get; } = $"{Environment.MachineName}.{Guid.NewGuid().ToString("N")[..8]}".ToLowerInvariant();
}
