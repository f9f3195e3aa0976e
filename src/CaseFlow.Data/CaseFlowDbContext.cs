using CaseFlow.Data.Agencies;
using CaseFlow.Data.Audit;
using CaseFlow.Data.Calendar;
using CaseFlow.Data.Cases;
using CaseFlow.Data.Notifications;
using CaseFlow.Data.Reports;
using CaseFlow.Domain.Cases;
using CaseFlow.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Data;

/// <summary>The one DbContext. Each entity is configured by its own <c>IEntityTypeConfiguration</c> class in
/// this assembly; the tables are created by the scripts in <c>db/</c> (see <see cref="MigrationRunner"/>). Adding an
/// entity: db/README.md.</summary>
public class CaseFlowDbContext(DbContextOptions<CaseFlowDbContext> options) : IdentityDbContext<CaseFlowUser>(options)
{
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<CalendarDayRow> CalendarDays => Set<CalendarDayRow>();
    public DbSet<CalendarChange> CalendarChanges => Set<CalendarChange>();
    public DbSet<DisclosureRequest> Cases => Set<DisclosureRequest>();
    public DbSet<CaseJournalEntry> CaseJournal => Set<CaseJournalEntry>();
    public DbSet<CaseTimer> CaseTimers => Set<CaseTimer>();
    public DbSet<WaitingPoint> WaitingPoints => Set<WaitingPoint>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<OutboxAttachment> OutboxAttachments => Set<OutboxAttachment>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<CaseNumberSequence> CaseNumberSequences => Set<CaseNumberSequence>();
    public DbSet<CaseProceedingRow> CaseProceedings => Set<CaseProceedingRow>();
    public DbSet<ReportTable2Entry> ReportTable2 => Set<ReportTable2Entry>();
    public DbSet<ReportLock> ReportLocks => Set<ReportLock>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Proceedings.AgencyProceeding> AgencyProceedings => Set<Proceedings.AgencyProceeding>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CaseFlowDbContext).Assembly);
        builder.Model.UseStoredEnumConverters();

        // Identity adds AspNetUserPasskeys when the host sets IdentityOptions.Stores.SchemaVersion to Version3.
        // No script in db/ creates that table; fail when the model is built, not at the first passkey sign-in.
        if (builder.Model.FindEntityType(typeof(IdentityUserPasskey<string>)) is not null)
            throw new InvalidOperationException(
                "IdentityOptions.Stores.SchemaVersion 3 (passkeys) needs the AspNetUserPasskeys table, which the migration scripts in db/ do not create. Add a migration script for it before enabling passkeys.");
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
        // Enums are stored by name; every DateTime is an instant in UTC (docs: architecture.md §4).
        conventions.Properties<Enum>().HaveConversion<string>();
        conventions.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        conventions.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
