using CaseFlow.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Data.Proceedings;

/// <summary>A review or lawsuit against an agency that concerns no disclosure request in CaseFlow (e.g. over proactive
/// disclosure, domain.md §2.9): it belongs to the agency and counts in table 四 of the year it was filed, like a case's.
/// Changes are recorded in <see cref="Audit.AuditEntry"/> (target <c>proceeding:{Id}</c>).</summary>
public class AgencyProceeding
{
    public long Id { get; set; }
    public string AgencyCode { get; set; } = "";
    public ProceedingKind Kind { get; set; }

    /// <summary>复议机关或法院.</summary>
    public string Body { get; set; } = "";

    /// <summary>What the applicant disputes, in the office's words.</summary>
    public string? Subject { get; set; }

    public DateOnly FiledOn { get; set; }
    public DateOnly CopyReceivedOn { get; set; }
    public bool SimpleProcedure { get; set; }

    /// <summary>The agency's written reply (review) or defence (lawsuit) is due on this day.</summary>
    public DateOnly ResponseDueOn { get; set; }

    /// <summary>A lawsuit after review: the review (an agency proceeding of the same agency) it follows.</summary>
    public long? ReviewId { get; set; }

    /// <summary>The day the response-due reminder went out (once; null while not yet).</summary>
    public DateOnly? RemindedOn { get; set; }

    public ProceedingResult? Result { get; set; }
    public DateOnly? DecidedOn { get; set; }

    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
}

public sealed class AgencyProceedingConfiguration : IEntityTypeConfiguration<AgencyProceeding>
{
    public void Configure(EntityTypeBuilder<AgencyProceeding> b)
    {
        b.ToTable("AgencyProceedings");
        b.Property(p => p.AgencyCode).HasMaxLength(64);
        b.Property(p => p.Kind).HasMaxLength(30);
        b.Property(p => p.Body).HasMaxLength(200);
        b.Property(p => p.Subject).HasMaxLength(1000);
        b.Property(p => p.Result).HasMaxLength(20);
        b.Property(p => p.CreatedBy).HasMaxLength(256);
        b.HasIndex(p => new { p.AgencyCode, p.FiledOn });
    }
}
