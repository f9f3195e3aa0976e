using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Data.Identity;

/// <summary>Our columns on AspNetUsers; Identity's own are configured by <c>IdentityDbContext</c>, except the
/// lengths pinned here (see <see cref="IdentityUserLoginConfiguration"/>).</summary>
public sealed class CaseFlowUserConfiguration : IEntityTypeConfiguration<CaseFlowUser>
{
    public void Configure(EntityTypeBuilder<CaseFlowUser> b)
    {
        b.Property(u => u.AgencyCode).HasMaxLength(64).IsRequired();
        b.Property(u => u.DisplayName).HasMaxLength(100).IsRequired();
        b.Property(u => u.PhoneNumber).HasMaxLength(256);
    }
}
