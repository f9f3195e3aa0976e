using CaseFlow.Data.Cases;
using CaseFlow.Domain.Calendar;
using CaseFlow.Domain.Cases;
using CaseFlow.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Data.Tests;

/// <summary>Rows read by <see cref="SqliteRows"/> (the timer sweep's reader on SQLite) are the values EF Core reads, and
/// its arguments compare with stored values as EF Core's parameters do.</summary>
[Trait("TimeZone", "Sensitive")]
public sealed class SqliteRowsTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    // The text and instants BulkInsertTests store: quotes, control characters, an emoji; a whole second and 0.12 s after it.
    private const string Awkward = BulkInsertTests.Awkward;
    private static readonly DateTime Whole = BulkInsertTests.Whole;
    private static readonly DateTime Fraction = BulkInsertTests.Fraction;

    private sealed record Row(long Id, string Kind, string? Payload, DateOnly DueOn, string CaseNumber, string? Officer, DateOnly? ReplyDueOn, DateOnly? ConcludedOn, bool IsVoid);

    [Fact]
    public async Task Reads_what_EF_Core_reads_and_compares_instants_as_EF_Core_does()
    {
        var database = await databases.MigratedAsync(DatabaseProvider.Sqlite);
        var agency = $"r{Guid.NewGuid():N}"[..12];
        await using var db = database.CreateContext();
        db.Agencies.Add(new Agencies.Agency { Code = agency, Name = "测试机关" });
        var registration = new DisclosureRequest.Registration(Channel.InPerson, new DateOnly(2026, 2, 12), null, null, ApplicantColumn.NaturalPerson, Awkward,
            null, null, null, null, "2025 年预算", "纸质", "邮寄");
        var c = DisclosureRequest.Register(registration, agency, 1, "disclosure-request", 1, "handling", "officer", Whole, NationalCalendar.BuildShipped());
        db.Cases.Add(c);
        await db.SaveChangesAsync();
        db.CaseTimers.AddRange(
            new CaseTimer { CaseId = c.Id, Key = "a", Kind = "ReplyReminder", DueOn = new DateOnly(2026, 3, 11), DueAtUtc = Whole, Payload = Awkward },
            new CaseTimer { CaseId = c.Id, Key = "b", Kind = "Overdue", DueOn = new DateOnly(2026, 12, 31), DueAtUtc = Fraction, Payload = null });
        await db.SaveChangesAsync();

        const string sql = """
            SELECT t."Id", t."Kind", t."Payload", t."DueOn", c."CaseNumber", c."AssignedOfficer", c."ReplyDueOn", c."ConcludedOn", c."IsVoid"
            FROM "CaseTimers" AS t JOIN "Cases" AS c ON c."Id" = t."CaseId"
            WHERE c."AgencyCode" = ?1 AND t."DueAtUtc" <= ?2 ORDER BY t."Id"
            """;
        Task<List<Row>> Read(DateTime upTo) => db.QueryAsync(sql, [agency, upTo],
            r => new Row(r.Int64(0), r.String(1), r.NullableString(2), r.Date(3), r.String(4), r.NullableString(5), r.NullableDate(6), r.NullableDate(7), r.Boolean(8)),
            CancellationToken.None);
        Task<List<Row>> ReadWithEf(DateTime upTo) => db.CaseTimers.AsNoTracking().Where(t => t.Case!.AgencyCode == agency && t.DueAtUtc <= upTo).OrderBy(t => t.Id)
            .Select(t => new Row(t.Id, t.Kind, t.Payload, t.DueOn, t.Case!.CaseNumber, t.Case.AssignedOfficer, t.Case.ReplyDueOn, t.Case.ConcludedOn, t.Case.IsVoid))
            .ToListAsync();

        var both = await Read(Fraction);
        Assert.Equal(await ReadWithEf(Fraction), both);
        Assert.Equal(["ReplyReminder", "Overdue"], both.Select(r => r.Kind));
        Assert.Equal([Awkward, null], both.Select(r => r.Payload));
        Assert.Equal([new DateOnly(2026, 3, 11), new DateOnly(2026, 12, 31)], both.Select(r => r.DueOn));
        Assert.Equal((string?)null, both[0].Officer);
        Assert.Equal((DateOnly?)null, both[0].ConcludedOn);
        Assert.NotNull(both[0].ReplyDueOn);
        Assert.False(both[0].IsVoid);

        // The bound instant is written as EF Core writes it: the row due at the whole second is in, the one a fraction later out.
        Assert.Equal(["ReplyReminder"], (await Read(Whole)).Select(r => r.Kind));
        Assert.Equal(await ReadWithEf(Whole), await Read(Whole));
        Assert.Empty(await Read(Whole.AddTicks(-1)));
        Assert.Empty(await ReadWithEf(Whole.AddTicks(-1)));
    }

    [Fact]
    public async Task A_stored_text_that_is_no_date_is_an_error_naming_it()
    {
        var database = await databases.MigratedAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        var e = await Assert.ThrowsAsync<FormatException>(() => db.QueryAsync("SELECT '2026-3-11'", [], r => r.Date(0), CancellationToken.None));
        Assert.Contains("'2026-3-11'", e.Message);
        await Assert.ThrowsAsync<FormatException>(() => db.QueryAsync("SELECT '2026-03-1x'", [], r => r.Date(0), CancellationToken.None));
        Assert.Equal([new DateOnly(2024, 2, 29)], await db.QueryAsync("SELECT '2024-02-29'", [], r => r.Date(0), CancellationToken.None));
    }
}
