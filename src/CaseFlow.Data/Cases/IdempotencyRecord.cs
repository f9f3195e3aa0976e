using CaseFlow.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Data.Cases;

/// <summary>The first result of a request sent with an Idempotency-Key; a retry gets it back instead of acting twice.</summary>
public class IdempotencyRecord
{
    public string Key { get; set; } = "";
    public string UserName { get; set; } = "";
    public string RequestHash { get; set; } = "";
    public int StatusCode { get; set; }
    public string ResponseJson { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
}

public sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> b)
    {
        b.ToTable("IdempotencyRecords");
        b.HasKey(r => new { r.UserName, r.Key });
        b.Property(r => r.Key).HasMaxLength(200);
        b.Property(r => r.UserName).HasMaxLength(256);
        b.Property(r => r.RequestHash).HasMaxLength(64);
    }
}
