using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>Registers <see cref="DatabaseOptions"/> (singleton, resolved from <paramref name="configuration"/>) and
    /// <see cref="CaseFlowDbContext"/> on the configured provider. Throws at once when the settings are invalid.</summary>
    public static IServiceCollection AddCaseFlowData(this IServiceCollection services, IConfiguration configuration)
    {
        var options = DatabaseOptions.FromConfiguration(configuration);
        services.AddSingleton(options);
        services.AddSingleton<WriteGate>();
        services.AddDbContext<CaseFlowDbContext>(builder => builder.UseCaseFlowDatabase(options));
        return services;
    }
}
