using System.Text.Json.Serialization;
using CaseFlow.Data;
using CaseFlow.Domain;
using CaseFlow.Data.Agencies;
using CaseFlow.Data.Calendar;
using CaseFlow.Data.Identity;
using CaseFlow.Web.Errors;
using CaseFlow.Web.Features.Admin;
using CaseFlow.Web.Features.Agencies;
using CaseFlow.Web.Features.Auth;
using CaseFlow.Web.Features.Cases;
using CaseFlow.Web.Features.Workflows;
using CaseFlow.Web.Features.Calendar;
using CaseFlow.Web.Features.Deadlines;
using CaseFlow.Web.Features.Health;
using CaseFlow.Web.Features.Pages;
using CaseFlow.Web.Features.Reminders;
using CaseFlow.Web.Features.Reports;
using CaseFlow.Web.Features.Proceedings;
using CaseFlow.Web.Features.Users;

namespace CaseFlow.Web.Hosting;

/// <summary>Wires every feature; Program.cs stays a few lines long.</summary>
public static class CaseFlowHost
{
    public static WebApplicationBuilder AddCaseFlow(this WebApplicationBuilder builder)
    {
        builder.Configuration.AddCaseFlowSettingsFile();
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.ConfigureHttpJsonOptions(o =>
        {
            // Enums only by name and numbers only as numbers: "channel": 123 or "days": "5" is a 400 naming the field,
            // never a value stored that no report can map.
            o.SerializerOptions.Converters.Add(new NamedEnumConverter());
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            o.SerializerOptions.Encoder = JsonDefaults.Options.Encoder;
        });
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = 10 * 1024 * 1024);
        services.AddCaseFlowErrors();
        services.AddCaseFlowData(builder.Configuration);
        services.AddCaseFlowAuth();
        services.AddCalendar();
        services.AddWorkflows(builder.Configuration);
        services.AddCases();
        services.AddReminders(builder.Configuration);
        services.AddCaseFlowHealth();
        services.AddCaseFlowOpenApi();
        services.AddCaseFlowPages();
        return builder;
    }

    public static WebApplication UseCaseFlow(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error/500",
            StatusCodeSelector = Errors.ProblemDetailsExceptionHandler.StatusOf,
        });
        app.UseStatusCodePages();
        app.UseCaseFlowPages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi();
        app.MapAuthApi();
        app.MapCalendarApi();
        app.MapDeadlinesApi();
        app.MapAgenciesApi();
        app.MapWorkflowsApi();
        app.MapCasesApi();
        app.MapNotificationsApi();
        app.MapJobsApi();
        app.MapUsersApi();
        app.MapAuditApi();
        app.MapJobsDashboard();
        app.MapHealthApi();
        app.MapReportsApi();
        app.MapAgencyProceedingsApi();
        app.MapCaseFlowPages();
        return app;
    }

    /// <summary>Applies pending migrations when configured, then loads the shipped national calendar, both as plain SQL
    /// on one connection: a start builds no EF model (that took about a second of a start on an up-to-date database, and
    /// over two on a new one, where EF also wrote the calendar).</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var log = sp.GetRequiredService<ILoggerFactory>().CreateLogger("CaseFlow.Startup");
        var options = sp.GetRequiredService<DatabaseOptions>();
        log.LogInformation("Database: {Database}", options);
        var ct = app.Lifetime.ApplicationStopping;
        await using var connection = await DatabaseProviders.OpenConnectionAsync(options, ct);
        if (options.MigrateOnStartup)
        {
            var applied = await MigrationRunner.MigrateAsync(connection, options.Provider, ct);
            if (applied.Count > 0) log.LogInformation("Applied migrations: {Scripts}", string.Join(", ", applied));
        }
        var seeded = await SeedShippedCalendar.RunAsync(connection, sp.GetRequiredService<TimeProvider>(), ct);
        if (seeded.Count > 0) log.LogInformation("Loaded the shipped national calendar for {Years}", string.Join(", ", seeded));
    }
}
