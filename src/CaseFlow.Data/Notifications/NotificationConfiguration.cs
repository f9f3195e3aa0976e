using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Data.Notifications;

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("Notifications");
        b.Property(n => n.UserName).HasMaxLength(256);
        b.Property(n => n.Kind).HasMaxLength(50);
        b.Property(n => n.Title).HasMaxLength(500);
        b.Property(n => n.Body).HasMaxLength(4000);
        b.HasIndex(n => new { n.UserName, n.ReadAtUtc });
        b.HasIndex(n => n.CaseId);
    }
}
