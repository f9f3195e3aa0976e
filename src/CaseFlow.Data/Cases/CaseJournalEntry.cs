using CaseFlow.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Data.Cases;

/// <summary>Append-only history of a case: one row per committed step (and per audited read such as
/// revealing an identity number). <see cref="Sequence"/> is the case version the step produced.</summary>
public class CaseJournalEntry
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public DisclosureRequest? Case { get; set; }
    public int Sequence { get; set; }
    public DateTime AtUtc { get; set; }
    public string Actor { get; set; } = "";
    public string Action { get; set; } = "";
    public string? Step { get; set; }
    public string? FromState { get; set; }
    public string? ToState { get; set; }
    public string? PayloadJson { get; set; }
    public string? FactsJson { get; set; }
}

public sealed class CaseJournalEntryConfiguration : IEntityTypeConfiguration<CaseJournalEntry>
{
    public void Configure(EntityTypeBuilder<CaseJournalEntry> b)
    {
        b.HasOne(j => j.Case).WithMany().HasForeignKey(j => j.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable("CaseJournal");
        b.Property(j => j.Actor).HasMaxLength(256);
        b.Property(j => j.Action).HasMaxLength(100);
        b.Property(j => j.Step).HasMaxLength(100);
        b.Property(j => j.FromState).HasMaxLength(50);
        b.Property(j => j.ToState).HasMaxLength(50);
        b.HasIndex(j => new { j.CaseId, j.Id });
    }
}
