using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Data.Reports;

/// <summary>Table 二 of one agency's annual report, typed in by the office (it is not derived from cases).</summary>
public class ReportTable2Entry
{
    public string AgencyCode { get; set; } = "";
    public int Year { get; set; }
    public string Json { get; set; } = "";
    public string UpdatedBy { get; set; } = "";
    public DateTime UpdatedAtUtc { get; set; }
}

public sealed class ReportTable2EntryConfiguration : IEntityTypeConfiguration<ReportTable2Entry>
{
    public void Configure(EntityTypeBuilder<ReportTable2Entry> b)
    {
        b.ToTable("ReportTable2");
        b.HasKey(e => new { e.AgencyCode, e.Year });
        b.Property(e => e.AgencyCode).HasMaxLength(64);
        b.Property(e => e.UpdatedBy).HasMaxLength(256);
        b.HasOne<Agencies.Agency>().WithMany().HasForeignKey(e => e.AgencyCode).OnDelete(DeleteBehavior.Restrict);
    }
}
