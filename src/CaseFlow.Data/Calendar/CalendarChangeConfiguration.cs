using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Data.Calendar;

public sealed class CalendarChangeConfiguration : IEntityTypeConfiguration<CalendarChange>
{
    public void Configure(EntityTypeBuilder<CalendarChange> b)
    {
        b.ToTable("CalendarChanges");
        b.Property(c => c.AgencyCode).HasMaxLength(64).IsRequired(); // "" = national, see CalendarChange.AgencyCode
        b.Property(c => c.ChangedBy).HasMaxLength(256);
        b.Property(c => c.Summary).HasMaxLength(1000);
        b.HasIndex(c => new { c.Year, c.AgencyCode, c.Version }).IsUnique();
    }
}
