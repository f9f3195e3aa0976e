using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Data.Calendar;

public sealed class CalendarDayRowConfiguration : IEntityTypeConfiguration<CalendarDayRow>
{
    public void Configure(EntityTypeBuilder<CalendarDayRow> b)
    {
        b.ToTable("CalendarDays");
        b.Property(d => d.Kind).HasMaxLength(20);
        b.Property(d => d.Source).HasMaxLength(20);
        b.Property(d => d.AgencyCode).HasMaxLength(64);
        b.Property(d => d.Name).HasMaxLength(50);
        b.HasIndex(d => new { d.AgencyCode, d.NoticeYear });
        b.HasIndex(d => d.Date);
    }
}
