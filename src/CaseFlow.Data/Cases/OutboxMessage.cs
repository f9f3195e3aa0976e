using CaseFlow.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Data.Cases;

/// <summary>An e-mail written in the same transaction as the step that caused it; a dispatcher sends it
/// after commit. <see cref="MessageId"/> stays the same across retries.</summary>
public class OutboxMessage
{
    public long Id { get; set; }
    public long? CaseId { get; set; }
    public DisclosureRequest? Case { get; set; }
    public string Kind { get; set; } = "";
    public string To { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public string MessageId { get; set; } = "";

    /// <summary>Unique and fixed when the row is written, so retries keep it. Time-ordered (version 7, from the time of
    /// the step that writes it) rather than random: the unique index on it then grows at its end instead of touching a
    /// random page per message, which made a sweep's 100,000 e-mails markedly slower; and a sweep writing thousands of
    /// e-mails reads the clock once, not once per message (a clock read costs microseconds on some virtual machines).</summary>
    public static string NewMessageId(DateTime createdAtUtc) =>
        $"<{Guid.CreateVersion7(new DateTimeOffset(DateTime.SpecifyKind(createdAtUtc, DateTimeKind.Utc))):N}@caseflow>";

    public string Status { get; set; } = "Pending";
    public int Attempts { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime NextAttemptAtUtc { get; set; }
    public DateTime? SentAtUtc { get; set; }
    public string? LastError { get; set; }
}

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.HasOne(m => m.Case).WithMany().HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable("OutboxMessages");
        b.Property(m => m.Kind).HasMaxLength(50);
        b.Property(m => m.To).HasMaxLength(254);
        b.Property(m => m.Subject).HasMaxLength(500);
        b.Property(m => m.MessageId).HasMaxLength(200);
        b.Property(m => m.Status).HasMaxLength(20);
        b.Property(m => m.LastError).HasMaxLength(2000);
        b.HasIndex(m => m.MessageId).IsUnique();
        b.HasIndex(m => new { m.Status, m.NextAttemptAtUtc });
        b.HasIndex(m => m.CaseId);
    }
}
