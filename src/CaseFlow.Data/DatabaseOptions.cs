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
        if (provider == DatabaseProvider.Postgres) connectionString = WithStatementPreparation(connectionString);
        return new DatabaseOptions(provider, connectionString, migrate);
    }

    /// <summary>Npgsql prepares the statements a connection runs repeatedly (at most 64, from their second use) unless
    /// the connection string says otherwise: a registration or a step sends several statements, and PostgreSQL
    /// otherwise parses and plans each one every time (registrations per second rose by half in the benchmark).
    /// Behind a pooler that cannot keep prepared statements, set <c>Max Auto Prepare=0</c>.</summary>
    private static string WithStatementPreparation(string connectionString)
    {
        Npgsql.NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"Configuration value {ConnectionStringKey} is not a valid PostgreSQL connection string: {e.Message}");
        }
        // What the operator wrote, in any spelling Npgsql accepts (its builder knows every keyword, set or not).
        var written = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant()).ToHashSet();
        if (written.Contains("maxautoprepare")) return connectionString;
        builder.MaxAutoPrepare = 64;
        if (!written.Contains("autoprepareminusages")) builder.AutoPrepareMinUsages = 2;
        return builder.ConnectionString;
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
