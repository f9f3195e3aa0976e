using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Data.Cases;

/// <summary>A file sent with an <see cref="OutboxMessage"/>, written in the same transaction as the message. Kept in
/// its own table so that the many messages without one (reminders) cost nothing extra to write or to send.</summary>
public class OutboxAttachment
{
    public long Id { get; set; }
    public long OutboxMessageId { get; set; }
    public OutboxMessage? Message { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public byte[] Content { get; set; } = [];
}

public sealed class OutboxAttachmentConfiguration : IEntityTypeConfiguration<OutboxAttachment>
{
    public void Configure(EntityTypeBuilder<OutboxAttachment> b)
    {
        b.ToTable("OutboxAttachments");
        b.HasOne(a => a.Message).WithMany().HasForeignKey(a => a.OutboxMessageId).OnDelete(DeleteBehavior.Cascade);
        b.Property(a => a.FileName).HasMaxLength(255);
        b.Property(a => a.ContentType).HasMaxLength(200);
        b.HasIndex(a => a.OutboxMessageId);
    }
}
