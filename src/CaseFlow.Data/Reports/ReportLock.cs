using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Data.Reports;

/// <summary>A locked annual report: the figures as published, with their hash. While a lock is active (not
/// unlocked) a change to a case that would alter these figures is refused. Unlocking needs a reason; rows are
/// kept as the history of locks.</summary>
public class ReportLock
{
    public long Id { get; set; }
    public string AgencyCode { get; set; } = "";
    public int Year { get; set; }
    public bool Subordinates { get; set; }
    public string FiguresJson { get; set; } = "";
    public string Hash { get; set; } = "";
    public string LockedBy { get; set; } = "";
    public DateTime LockedAtUtc { get; set; }
    public string? UnlockedBy { get; set; }
    public DateTime? UnlockedAtUtc { get; set; }
    public string? UnlockReason { get; set; }
}

public sealed class ReportLockConfiguration : IEntityTypeConfiguration<ReportLock>
{
    public void Configure(EntityTypeBuilder<ReportLock> b)
    {
        b.ToTable("ReportLocks");
        b.Property(l => l.AgencyCode).HasMaxLength(64);
        b.Property(l => l.Hash).HasMaxLength(64);
        b.Property(l => l.LockedBy).HasMaxLength(256);
        b.Property(l => l.UnlockedBy).HasMaxLength(256);
        b.Property(l => l.UnlockReason).HasMaxLength(1000);
        b.HasOne<Agencies.Agency>().WithMany().HasForeignKey(l => l.AgencyCode).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(l => new { l.AgencyCode, l.Year, l.UnlockedAtUtc });
    }
}
