using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Data.Audit;

/// <summary>One administrator's change outside a case (an account created, disabled, enabled, unlocked or given a new
/// password; a dead-lettered e-mail sent again): who did it, when, to what. Cases keep their own journal
/// (<see cref="Cases.CaseJournalEntry"/>) and the calendar its versions (<see cref="Calendar.CalendarChange"/>);
/// these changes had no record at all. Append-only, written in the same transaction as the change.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }

    /// <summary>The user name of whoever made the change.</summary>
    public string Actor { get; set; } = "";

    /// <summary>What was done, e.g. <c>createUser</c>, <c>disableUser</c>, <c>resendMail</c>.</summary>
    public string Action { get; set; } = "";

    /// <summary>What it was done to, e.g. <c>user:zhang.san</c> or <c>outbox:42</c>.</summary>
    public string Target { get; set; } = "";

    /// <summary>A short Chinese description (roles given, the reason for disabling, …); never a password.</summary>
    public string Detail { get; set; } = "";
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditEntries");
        b.Property(e => e.Actor).HasMaxLength(256);
        b.Property(e => e.Action).HasMaxLength(50);
        b.Property(e => e.Target).HasMaxLength(300);
        b.Property(e => e.Detail).HasMaxLength(1000);
        b.HasIndex(e => e.Target);
    }
}
