using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Data.Identity;

/// <summary>IdentityDbContext shapes its tables from the host's <c>IdentityOptions.Stores</c> (SchemaVersion,
/// MaxLengthForKeys), which would let the model drift from the scripts in db/. These configurations run after
/// Identity's and pin its schema-version-2 lengths (keys 128, PhoneNumber 256) whatever the host sets.</summary>
public sealed class IdentityUserLoginConfiguration : IEntityTypeConfiguration<IdentityUserLogin<string>>
{
    public void Configure(EntityTypeBuilder<IdentityUserLogin<string>> b)
    {
        b.Property(l => l.LoginProvider).HasMaxLength(128);
        b.Property(l => l.ProviderKey).HasMaxLength(128);
    }
}
