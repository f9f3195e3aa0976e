using Microsoft.Extensions.Options;

namespace CaseFlow.Web.Features.Reminders;

/// <summary>The <c>Jobs</c> section of appsettings.json.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>Run the Hangfire server, its recurring jobs and the dashboard. Tests switch it off and drive the
    /// sweeper and the dispatcher by hand; then nothing of Hangfire is set up, not even its storage.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the timer sweep runs.</summary>
    public int SweepSeconds { get; set; } = 60;

    public static string? Validate(JobsOptions o) =>
        Schedule.Error($"{Section}:{nameof(SweepSeconds)}", o.SweepSeconds);

    public sealed class Validator : IValidateOptions<JobsOptions>
    {
        public ValidateOptionsResult Validate(string? name, JobsOptions options) =>
            JobsOptions.Validate(options) is { } error ? ValidateOptionsResult.Fail(error) : ValidateOptionsResult.Success;
    }
}

/// <summary>Intervals as Hangfire cron expressions. Cron counts within the minute, hour and day, so only an interval
/// that divides them evenly repeats at equal steps (every 45 s would mean :00, :45, :00 …); Hangfire 1.8 reads six
/// fields as seconds first.</summary>
public static class Schedule
{
    public static string Cron(int seconds) => seconds switch
    {
        <= 0 => throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "An interval must be positive."),
        < 60 when 60 % seconds == 0 => $"*/{seconds} * * * * *",
        < 3600 when seconds % 60 == 0 && 60 % (seconds / 60) == 0 => $"0 */{seconds / 60} * * * *",
        <= 86400 when seconds % 3600 == 0 && 24 % (seconds / 3600) == 0 => $"0 0 */{seconds / 3600} * * *",
        _ => throw new ArgumentOutOfRangeException(nameof(seconds), seconds, Steps),
    };

    /// <summary>Null when <paramref name="seconds"/> can be scheduled, else a message naming <paramref name="key"/>.</summary>
    public static string? Error(string key, int seconds)
    {
        if (seconds <= 0) return $"Configuration value {key} = {seconds} must be a positive number of seconds.";
        try
        {
            Cron(seconds);
            return null;
        }
        catch (ArgumentOutOfRangeException)
        {
            return $"Configuration value {key} = {seconds} cannot be scheduled at equal steps; {Steps}";
        }
    }

    private const string Steps =
        "use seconds that divide a minute (1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30), whole minutes that divide an hour " +
        "(60, 120, 180, 240, 300, 360, 600, 720, 900, 1200, 1800) or whole hours that divide a day (3600, 7200, … 86400).";
}
