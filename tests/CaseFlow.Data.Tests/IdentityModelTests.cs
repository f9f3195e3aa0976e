using CaseFlow.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.Data.Tests;

/// <summary>IdentityDbContext shapes its tables from the host's IdentityOptions.Stores; the scripts in db/ must
/// still match whatever the host sets.</summary>
public sealed class IdentityModelTests
{
    [Fact]
    public void Host_identity_store_options_do_not_change_the_schema()
    {
        var plain = CreateScript(null);
        var tuned = CreateScript(o =>
        {
            o.Stores.SchemaVersion = IdentitySchemaVersions.Version1;
            o.Stores.MaxLengthForKeys = 256;
        });

        Assert.Contains("\"LoginProvider\" character varying(128)", plain);
        Assert.Equal(plain, tuned);
    }

    [Fact]
    public void Identity_schema_version_3_is_refused_until_a_script_creates_the_passkeys_table()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CreateScript(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3));

        Assert.Contains("AspNetUserPasskeys", error.Message);
    }

    private static string CreateScript(Action<IdentityOptions>? identity)
    {
        var services = new ServiceCollection();
        if (identity is not null) services.AddIdentityCore<CaseFlowUser>(identity);
        using var provider = services.BuildServiceProvider();
        var options = new DbContextOptionsBuilder<CaseFlowDbContext>()
            .UseNpgsql("Host=unused")
            .UseApplicationServiceProvider(provider)
            .EnableServiceProviderCaching(false) // EF caches the model per context type; build it afresh here
            .Options;
        using var db = new CaseFlowDbContext(options);
        return db.Database.GenerateCreateScript();
    }
}
