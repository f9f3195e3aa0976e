using System.Text.Json;
using CaseFlow.Domain;
using CaseFlow.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Data.Cases;

/// <summary>Maps the domain aggregate directly: filterable fields are columns, the rest one JSON column.</summary>
public sealed class DisclosureRequestConfiguration : IEntityTypeConfiguration<DisclosureRequest>
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public void Configure(EntityTypeBuilder<DisclosureRequest> b)
    {
        b.ToTable("Cases");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedOnAdd();
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasOne<Agencies.Agency>().WithMany().HasForeignKey(c => c.AgencyCode).OnDelete(DeleteBehavior.Restrict);

        b.Property(c => c.AgencyCode).HasMaxLength(TextLimits.AgencyCode);
        b.Property(c => c.CaseNumber).HasMaxLength(TextLimits.CaseNumber);
        b.Property(c => c.WorkflowId).HasMaxLength(100);
        b.Property(c => c.State).HasMaxLength(50);
        b.Property(c => c.Channel).HasMaxLength(20);
        b.Property(c => c.ApplicantColumn).HasMaxLength(20);
        b.Property(c => c.ApplicantName).HasMaxLength(TextLimits.ApplicantName);
        b.Property(c => c.IdDocumentNumber).HasMaxLength(TextLimits.IdDocumentNumber);
        b.Property(c => c.Contact).HasMaxLength(TextLimits.Contact);
        b.Property(c => c.Email).HasMaxLength(TextLimits.Email);
        b.Property(c => c.Address).HasMaxLength(TextLimits.Address);
        b.Property(c => c.RequestedInformation).HasMaxLength(TextLimits.RequestedInformation);
        b.Property(c => c.RequestedForm).HasMaxLength(TextLimits.RequestedForm);
        b.Property(c => c.DeliveryChannel).HasMaxLength(TextLimits.DeliveryChannel);
        b.Property(c => c.AssignedOfficer).HasMaxLength(TextLimits.UserName);
        b.Property(c => c.Outcome).HasMaxLength(50);
        b.Property(c => c.VoidReason).HasMaxLength(TextLimits.Reason);
        b.Property(c => c.CreatedBy).HasMaxLength(256);
        b.Property(c => c.FeeNotifiedYuan).HasPrecision(12, 2);
        b.Property(c => c.FeePaidYuan).HasPrecision(12, 2);
        b.Ignore(c => c.IsConcluded);
        b.Ignore(c => c.HasOpenConsultation);
        b.Ignore(c => c.HasOpenCoHandling);
        b.Ignore(c => c.ExtensionRequested);
        b.Ignore(c => c.HasPendingProceeding);
        b.Ignore(c => c.CurrentDraft);

        // Added by 0009 with a default for the rows before it; every step writes it.
        b.Property(c => c.WaitsOnOthers).HasDefaultValue(false);
        b.Property(c => c.Details)
            .HasColumnName("DetailsJson")
            .HasConversion(
                d => JsonSerializer.Serialize(d, Json),
                s => JsonSerializer.Deserialize<CaseDetails>(s, Json) ?? new CaseDetails(),
                new ValueComparer<CaseDetails>(
                    (x, y) => JsonSerializer.Serialize(x, Json) == JsonSerializer.Serialize(y, Json),
                    d => JsonSerializer.Serialize(d, Json).GetHashCode(),
                    d => JsonSerializer.Deserialize<CaseDetails>(JsonSerializer.Serialize(d, Json), Json)!));

        // Numbers are unique per agency: ledger numbers are the offices' own and may repeat across agencies.
        b.HasIndex(c => new { c.AgencyCode, c.CaseNumber }).IsUnique();
        // "open cases of these agencies due between …": equality on agency and ConcludedOn IS NULL, range on the date.
        b.HasIndex(c => new { c.AgencyCode, c.ConcludedOn, c.ReplyDueOn });
        b.HasIndex(c => new { c.AgencyCode, c.IsVoid, c.ConcludedOn, c.WaitsOnOthers, c.ReplyDueOn }, "IX_Cases_Queue"); // the work queue's groups (0013)
        b.HasIndex(c => new { c.AgencyCode, c.State });
        b.HasIndex(c => c.ReplyDueOn);
        b.HasIndex(c => c.ReceivedOn);
        b.HasIndex(c => c.ConcludedOn);
        b.HasIndex(c => c.AssignedOfficer);
        // The annual report's GROUP BY reads only this index: a range of ConcludedOn (or IS NULL) per agency,
        // and every column it groups on, so no row lookups.
        b.HasIndex(c => new { c.AgencyCode, c.ConcludedOn, c.ReceivedOn, c.IsVoid, c.ApplicantColumn, c.Outcome, c.Channel, c.ExtensionDays, c.ReplyDueOn })
            .HasDatabaseName("IX_Cases_Report");
        // Fee dates are rare: the report finds the fees of the year through these.
        b.HasIndex(c => c.FeeNotifiedOn);
        // The applicant's other applications at the agency (按件 fee, 重复申请 candidates on every case page) (0012).
        b.HasIndex(c => new { c.AgencyCode, c.IdDocumentNumber });
        b.HasIndex(c => c.FeePaidOn);
    }
}
