using CaseFlow.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Data.Cases;

/// <summary>A read model of the proceedings in a case's details, kept in step by <see cref="CaseStepWriter"/>, so
/// the annual report's table 四 is a query rather than a scan of every case's JSON.</summary>
public class CaseProceedingRow
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public DisclosureRequest? Case { get; set; }
    public string AgencyCode { get; set; } = "";
    public int Number { get; set; }
    public ProceedingKind Kind { get; set; }
    public DateOnly FiledOn { get; set; }
    public ProceedingResult? Result { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public bool Imported { get; set; }
}

public sealed class CaseProceedingRowConfiguration : IEntityTypeConfiguration<CaseProceedingRow>
{
    public void Configure(EntityTypeBuilder<CaseProceedingRow> b)
    {
        b.ToTable("CaseProceedings");
        b.Property(p => p.AgencyCode).HasMaxLength(64);
        b.Property(p => p.Kind).HasMaxLength(30);
        b.Property(p => p.Result).HasMaxLength(20);
        b.HasOne(p => p.Case).WithMany().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.CaseId, p.Number }).IsUnique();
        b.HasIndex(p => new { p.AgencyCode, p.FiledOn });
    }
}
