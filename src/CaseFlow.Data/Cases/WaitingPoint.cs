using CaseFlow.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Data.Cases;

/// <summary>What a case waits for now (Elsa's bookmark): a human task for a role, or an outside event.
/// One row per open case, replaced after each step, so "who waits for what" is a query.</summary>
public class WaitingPoint
{
    public long CaseId { get; set; }
    public DisclosureRequest? Case { get; set; }
    public string AgencyCode { get; set; } = "";
    public string State { get; set; } = "";
    public string Kind { get; set; } = "";
    public string? Role { get; set; }
    public string? Assignee { get; set; }
    public string Actions { get; set; } = "";
    public DateOnly? DueOn { get; set; }
    public DateTime SinceUtc { get; set; }
}

public sealed class WaitingPointConfiguration : IEntityTypeConfiguration<WaitingPoint>
{
    public void Configure(EntityTypeBuilder<WaitingPoint> b)
    {
        b.HasOne(w => w.Case).WithMany().HasForeignKey(w => w.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable("WaitingPoints");
        b.HasKey(w => w.CaseId);
        b.Property(w => w.AgencyCode).HasMaxLength(64);
        b.Property(w => w.State).HasMaxLength(50);
        b.Property(w => w.Kind).HasMaxLength(20);
        b.Property(w => w.Role).HasMaxLength(50);
        b.Property(w => w.Assignee).HasMaxLength(256);
        b.Property(w => w.Actions).HasMaxLength(1000);
        b.HasIndex(w => new { w.Role, w.AgencyCode, w.DueOn });
        b.HasIndex(w => w.Assignee);
    }
}
