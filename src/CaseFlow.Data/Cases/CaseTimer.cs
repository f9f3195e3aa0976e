using CaseFlow.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Data.Cases;

/// <summary>A due instant for one case (reminder, escalation or a System action such as expireCorrection).
/// Pending rows are replaced after each step; a sweeper claims due rows with an atomic UPDATE.</summary>
public class CaseTimer
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public DisclosureRequest? Case { get; set; }
    public string Key { get; set; } = "";
    public string Kind { get; set; } = "";
    public DateOnly DueOn { get; set; }
    public DateTime DueAtUtc { get; set; }
    public string? Action { get; set; }
    public string? Payload { get; set; }
    public DateTime? ClaimedAtUtc { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTime? FiredAtUtc { get; set; }
}

public sealed class CaseTimerConfiguration : IEntityTypeConfiguration<CaseTimer>
{
    public void Configure(EntityTypeBuilder<CaseTimer> b)
    {
        b.HasOne(t => t.Case).WithMany().HasForeignKey(t => t.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable("CaseTimers");
        b.Property(t => t.Key).HasMaxLength(100);
        b.Property(t => t.Kind).HasMaxLength(50);
        b.Property(t => t.Action).HasMaxLength(100);
        b.Property(t => t.Payload).HasMaxLength(1000);
        b.Property(t => t.ClaimedBy).HasMaxLength(100);
        // Only timers not yet fired: the sweep's reads name FiredAtUtc IS NULL, firing takes a row out of the index
        // instead of moving it, and the fired rows, kept as history, do not grow it.
        b.HasIndex(t => new { t.ClaimedAtUtc, t.DueAtUtc }).HasFilter("\"FiredAtUtc\" IS NULL");
        b.HasIndex(t => t.CaseId);
    }
}
