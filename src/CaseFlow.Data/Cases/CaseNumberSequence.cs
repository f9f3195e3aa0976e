using CaseFlow.Data.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseFlow.Data.Cases;

/// <summary>The last case number handed out per agency and year. Incremented with one atomic upsert inside the
/// registration's transaction, so concurrent registrations never collide and a rolled-back one leaves no gap.</summary>
public class CaseNumberSequence
{
    public string AgencyCode { get; set; } = "";
    public int Year { get; set; }
    public int LastSequence { get; set; }

    /// <summary>The next number, in the caller's transaction (a rolled-back registration gives its number back).</summary>
    public static async Task<int> NextAsync(CaseFlowDbContext db, string agencyCode, int year, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("A case number is taken in the registration's transaction.");
        // Same SQL on SQLite (3.35+) and PostgreSQL.
        return (int)await db.ScalarInt64Async("""
            INSERT INTO "CaseNumberSequences" ("AgencyCode", "Year", "LastSequence") VALUES (@agency, @year, 1)
            ON CONFLICT ("AgencyCode", "Year") DO UPDATE SET "LastSequence" = "CaseNumberSequences"."LastSequence" + 1
            RETURNING "LastSequence"
            """, ct, ("agency", agencyCode), ("year", year));
    }
}

public sealed class CaseNumberSequenceConfiguration : IEntityTypeConfiguration<CaseNumberSequence>
{
    public void Configure(EntityTypeBuilder<CaseNumberSequence> b)
    {
        b.ToTable("CaseNumberSequences");
        b.HasKey(s => new { s.AgencyCode, s.Year });
        b.Property(s => s.AgencyCode).HasMaxLength(64);
        b.HasOne<Agency>().WithMany().HasForeignKey(s => s.AgencyCode).OnDelete(DeleteBehavior.Restrict);
    }
}
