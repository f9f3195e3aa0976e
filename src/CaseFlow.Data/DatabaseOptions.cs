using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CaseFlow.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>The database settings after resolution: <see cref="ConnectionString"/> is never empty.</summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString, bool MigrateOnStartup = true)
{
    public const string ProviderKey = "Database:Provider";
    public const string ConnectionStringKey = "Database:ConnectionString";
    public const string MigrateOnStartupKey = "Database:MigrateOnStartup";
    public const string DataDirectoryKey = "Storage:DataDirectory";
    public const string SqliteFileName = "caseflow.db";

    /// <summary>Reads <c>Database:Provider</c> (Sqlite, the default, or Postgres; any case),
    /// <c>Database:ConnectionString</c> and <c>Database:MigrateOnStartup</c> (default true). With SQLite and no
    /// connection string the database is <c>caseflow.db</c> in <see cref="DataDirectory"/>, which is created.</summary>
    public static DatabaseOptions FromConfiguration(IConfiguration configuration) =>
        From(configuration.GetSection(DatabaseSettings.Section).Get<DatabaseSettings>() ?? new DatabaseSettings(), configuration);

    /// <summary>The bound <c>Database</c> section resolved as <see cref="FromConfiguration"/> describes; throws naming the
    /// key when it is invalid (<see cref="DatabaseSettingsValidator"/> turns that into a start-up error).</summary>
    public static DatabaseOptions From(DatabaseSettings settings, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var providerText = settings.Provider?.Trim();
        var provider = string.IsNullOrEmpty(providerText) ? DatabaseProvider.Sqlite
            : Enum.GetValues<DatabaseProvider>().Cast<DatabaseProvider?>()
                  .FirstOrDefault(p => string.Equals(p.ToString(), providerText, StringComparison.OrdinalIgnoreCase))
              ?? throw new InvalidOperationException(
                  $"Configuration value {ProviderKey} = '{providerText}' is not supported; allowed values: {string.Join(", ", Enum.GetNames<DatabaseProvider>())} (any case).");
        var migrate = settings.MigrateOnStartup;
        var connectionString = settings.ConnectionString?.Trim();
        if (string.IsNullOrEmpty(connectionString))
        {
            connectionString = provider switch
            {
                DatabaseProvider.Sqlite => $"Data Source={Path.Combine(DataDirectory(configuration), SqliteFileName)}",
                _ => throw new InvalidOperationException(
                    $"Configuration value {ConnectionStringKey} is empty; it is required when {ProviderKey} is {provider}."),
            };
        }
        return new DatabaseOptions(provider, connectionString, migrate);
    }

    /// <summary>Leaves out the connection string, which may hold a password.</summary>
    public override string ToString() => $"DatabaseOptions {{ Provider = {Provider}, MigrateOnStartup = {MigrateOnStartup} }}";

    /// <summary><c>Storage:DataDirectory</c>, or when empty the CaseFlow folder under the user's local application
    /// data (on Linux ~/.local/share/CaseFlow). Created if missing; returned as a full path.</summary>
    public static string DataDirectory(IConfiguration configuration)
    {
        var configured = configuration[DataDirectoryKey]?.Trim();
        if (string.IsNullOrEmpty(configured))
        {
            var appData = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
            if (string.IsNullOrEmpty(appData))
                throw new InvalidOperationException(
                    $"The local application data folder is unknown on this machine; set {DataDirectoryKey}.");
            configured = Path.Combine(appData, "CaseFlow");
        }
        var full = Path.GetFullPath(configured);
        Directory.CreateDirectory(full);
        return full;
    }
}

/// <summary>The <c>Database</c> configuration section as written (bound at start-up; see <see cref="DatabaseOptions"/>).</summary>
public sealed class DatabaseSettings
{
    public const string Section = "Database";

    public string? Provider { get; set; }
    public string? ConnectionString { get; set; }
    public bool MigrateOnStartup { get; set; } = true;
}

/// <summary>Stops the host at start-up (ValidateOnStart) when the <c>Database</c> section is invalid, naming the key.</summary>
public sealed class DatabaseSettingsValidator(IConfiguration configuration) : IValidateOptions<DatabaseSettings>
{
    public ValidateOptionsResult Validate(string? name, DatabaseSettings options)
    {
        try
        {
            DatabaseOptions.From(options, configuration);
            return ValidateOptionsResult.Success;
        }
        catch (InvalidOperationException e)
        {
            return ValidateOptionsResult.Fail(e.Message);
        }
    }
}
