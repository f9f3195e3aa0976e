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

    /// <summary>Unique and fixed when the row is written, so retries keep it: a version 7 UUID of the time of the step that
    /// writes it. Ids of one millisecond count up from a random start (RFC 9562 §6.2, method 3) instead of being random
    /// each: a sweep writes thousands of e-mails with one step time, and random ids within it made each insert into the
    /// unique index touch a random page, which doubled SQLite's cost of inserting them. Counting also spares a
    /// random-number read per message.</summary>
    public static string NewMessageId(DateTime createdAtUtc)
    {
        var ms = new DateTimeOffset(DateTime.SpecifyKind(createdAtUtc, DateTimeKind.Utc)).ToUnixTimeMilliseconds();
        UInt128 counter;
        lock (IdGate)
        {
            if (ms != _idMs)
            {
                // 73 random bits under a zero top bit, so that counting up within one millisecond never overflows.
                Span<byte> seed = stackalloc byte[16];
                System.Security.Cryptography.RandomNumberGenerator.Fill(seed);
                (_idMs, _idCounter) = (ms, System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(seed) & ((UInt128.One << 73) - 1));
            }
            counter = _idCounter++;
        }
        // Layout: 48 bits of milliseconds, version 7, 12 counter bits, variant 10, 62 counter bits.
        var bits = ((UInt128)(ulong)ms << 80) | ((UInt128)0x7 << 76) | ((counter >> 62) << 64) | ((UInt128)0b10 << 62) | (counter & ((UInt128.One << 62) - 1));
        Span<byte> bytes = stackalloc byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt128BigEndian(bytes, bits);
        return $"<{new Guid(bytes, bigEndian: true):N}@caseflow>";
    }

    private static readonly Lock IdGate = new();
    private static long _idMs = long.MinValue;
    private static UInt128 _idCounter;

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
