using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CaseFlow.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>Binds the <c>Database</c> section (validated when the host starts, or when first used), registers
    /// <see cref="DatabaseOptions"/> (singleton, resolved from it) and <see cref="CaseFlowDbContext"/> on the configured provider.</summary>
    public static IServiceCollection AddCaseFlowData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IValidateOptions<DatabaseSettings>>(new DatabaseSettingsValidator(configuration));
        services.AddOptions<DatabaseSettings>().Bind(configuration.GetSection(DatabaseSettings.Section)).ValidateOnStart();
        services.AddSingleton(sp => DatabaseOptions.From(sp.GetRequiredService<IOptions<DatabaseSettings>>().Value, configuration));
        services.AddSingleton<WriteGate>();
        services.AddDbContext<CaseFlowDbContext>((sp, builder) => builder.UseCaseFlowDatabase(sp.GetRequiredService<DatabaseOptions>()));
        return services;
    }
}
