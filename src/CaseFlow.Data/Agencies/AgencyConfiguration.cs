using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Data.Agencies;

public sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> b)
    {
        b.ToTable("Agencies");
        b.HasKey(a => a.Code);
        b.Property(a => a.Code).HasMaxLength(64);
        b.Property(a => a.Name).HasMaxLength(200);
        b.Property(a => a.ParentCode).HasMaxLength(64);
        b.HasOne(a => a.Parent).WithMany(a => a.Children).HasForeignKey(a => a.ParentCode).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => a.ParentCode);
        // The database default serves rows inserted by SQL. The sentinel is moved from the CLR default 0 to
        // 15: EF leaves the column out only when the value is 15 (the default gives the same), and sends any
        // other value as is — with sentinel 0, an explicit 0 would silently become 15.
        b.Property(a => a.CorrectionPeriodWorkingDays)
            .HasDefaultValue(Agency.DefaultCorrectionPeriodWorkingDays)
            .HasSentinel(Agency.DefaultCorrectionPeriodWorkingDays);
    }
}
