using System.Text.Json;
using CaseFlow.Data.Cases;
using CaseFlow.Domain.Calendar;
using CaseFlow.Domain.Cases;
using CaseFlow.Data.Notifications;
using CaseFlow.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Data.Tests;

/// <summary>Rows written by <see cref="BulkInsert"/> are stored exactly as SaveChanges stores them.</summary>
[Trait("TimeZone", "Sensitive")]
public sealed class BulkInsertTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    // Text that needs JSON escaping or is outside the BMP, and instants with and without a fraction of a second.
    internal const string Awkward = "案件 \"甲\" \\ 乙\n\t\u0001 😀 '; --";
    internal static readonly DateTime Whole = new(2026, 3, 11, 0, 30, 0, DateTimeKind.Utc);
    internal static readonly DateTime Fraction = new DateTime(2026, 3, 11, 0, 30, 0, DateTimeKind.Utc).AddTicks(1_234_567);
    private static readonly DateTime Local = new DateTime(2026, 3, 11, 8, 30, 0, DateTimeKind.Local).AddTicks(10); // PostgreSQL keeps microseconds

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Notifications_as_SaveChanges_stores_them(DatabaseProvider provider)
    {
        var database = await databases.MigratedAsync(provider);
        var user = $"U{Guid.NewGuid():N}"[..12];
        Notification[] Rows(string kind) =>
        [
            new() { UserName = user, CaseId = 42, Kind = kind, Title = Awkward, Body = "", CreatedAtUtc = Fraction, ReadAtUtc = Whole },
            new() { UserName = user, CaseId = null, Kind = kind, Title = "标题", Body = Awkward, CreatedAtUtc = Local, ReadAtUtc = null },
        ];
        await using (var db = database.CreateContext())
        {
            db.Notifications.AddRange(Rows("saved"));
            await db.SaveChangesAsync();
            await using var tx = await db.Database.BeginTransactionAsync();
            await db.InsertAsync(Rows("bulk"), CancellationToken.None);
            // Enough rows for PostgreSQL's binary COPY: stored the same way as well.
            await db.InsertAsync(Enumerable.Range(0, 60).SelectMany(_ => Rows("copy")).ToList(), CancellationToken.None);
            // More rows than one statement takes: none lost, none twice, in the order given.
            await db.InsertAsync(Enumerable.Range(0, 250).Select(i => new Notification { UserName = user, Kind = "many", Title = $"{i}", Body = "", CreatedAtUtc = Whole }).ToList(),
                CancellationToken.None);
            await tx.CommitAsync();
        }

        await using (var read = database.CreateContext())
        {
            Assert.Equal(Enumerable.Range(0, 250).Select(i => $"{i}"),
                await read.Notifications.Where(n => n.UserName == user && n.Kind == "many").OrderBy(n => n.Id).Select(n => n.Title).ToListAsync());
            var rows = await read.Notifications.AsNoTracking().Where(n => n.UserName == user && n.Kind != "many" && n.Kind != "copy").OrderBy(n => n.Id).ToListAsync();
            Assert.Equal(["saved", "saved", "bulk", "bulk"], rows.Select(n => n.Kind));
            object Shape(Notification n) => (n.UserName, n.CaseId, n.Title, n.Body, n.CreatedAtUtc, n.CreatedAtUtc.Kind, n.ReadAtUtc);
            Assert.Equal(rows.Take(2).Select(Shape), rows.Skip(2).Select(Shape));
            var copied = await read.Notifications.AsNoTracking().Where(n => n.UserName == user && n.Kind == "copy").OrderBy(n => n.Id).ToListAsync();
            Assert.Equal(120, copied.Count);
            Assert.Equal(Enumerable.Range(0, 60).SelectMany(_ => rows.Take(2)).Select(Shape), copied.Select(Shape));
            Assert.Equal(Local.ToUniversalTime(), rows[3].CreatedAtUtc);
            if (provider == DatabaseProvider.Sqlite)
                Assert.Equal(await StoredAsync(read, "Notifications", "UserName", user, "saved"),
                    await StoredAsync(read, "Notifications", "UserName", user, "bulk"));
        }
    }

    /// <summary>SQLite, where BulkInsert binds text itself. A lone surrogate (a text cut between the two halves of a pair,
    /// say) is no character: it is stored as U+FFFD by either path alike, and the rest of the text intact.</summary>
    [Fact]
    public async Task Broken_UTF16_as_SaveChanges_stores_it()
    {
        var database = await databases.MigratedAsync(DatabaseProvider.Sqlite);
        var user = $"U{Guid.NewGuid():N}"[..12];
        Notification Row(string kind) => new() { UserName = user, Kind = kind, Title = "甲\ud800乙", Body = "\udc00" + Awkward + "\ud83d", CreatedAtUtc = Whole };
        await using (var db = database.CreateContext())
        {
            db.Notifications.Add(Row("saved"));
            await db.SaveChangesAsync();
            await using var tx = await db.Database.BeginTransactionAsync();
            await db.InsertAsync([Row("bulk")], CancellationToken.None);
            await tx.CommitAsync();
        }

        await using var read = database.CreateContext();
        var stored = await StoredAsync(read, "Notifications", "UserName", user, "bulk");
        Assert.Equal(await StoredAsync(read, "Notifications", "UserName", user, "saved"), stored);
        var texts = await read.Notifications.Where(n => n.UserName == user && n.Kind == "bulk").Select(n => new { n.Title, n.Body }).SingleAsync();
        Assert.Equal(("甲\ufffd乙", "\ufffd" + Awkward + "\ufffd"), (texts.Title, texts.Body));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Outbox_messages_as_SaveChanges_stores_them(DatabaseProvider provider)
    {
        var database = await databases.MigratedAsync(provider);
        var to = $"{Guid.NewGuid():N}@example.gov.cn";
        OutboxMessage[] Rows(string kind) =>
        [
            new() { Kind = kind, To = to, Subject = Awkward, Body = Awkward, MessageId = $"<{Guid.NewGuid():N}@caseflow>", Attempts = 3,
                CreatedAtUtc = Whole, NextAttemptAtUtc = Fraction, SentAtUtc = Local, LastError = "550 \"no\"" },
            new() { Kind = kind, To = to, Subject = "主题", Body = "", MessageId = $"<{Guid.NewGuid():N}@caseflow>", CreatedAtUtc = Fraction, NextAttemptAtUtc = Whole },
        ];
        await using (var db = database.CreateContext())
        {
            db.OutboxMessages.AddRange(Rows("saved"));
            await db.SaveChangesAsync();
            await using var tx = await db.Database.BeginTransactionAsync();
            await db.InsertAsync(Rows("bulk"), CancellationToken.None);
            await db.InsertAsync(Enumerable.Range(0, 60).SelectMany(_ => Rows("copy")).ToList(), CancellationToken.None); // COPY on PostgreSQL
            await tx.CommitAsync();
        }

        await using (var read = database.CreateContext())
        {
            var rows = await read.OutboxMessages.AsNoTracking().Where(m => m.To == to && m.Kind != "copy").OrderBy(m => m.Id).ToListAsync();
            Assert.Equal(["saved", "saved", "bulk", "bulk"], rows.Select(m => m.Kind));
            object Shape(OutboxMessage m) => (m.CaseId, m.Subject, m.Body, m.Status, m.Attempts, m.CreatedAtUtc, m.NextAttemptAtUtc, m.SentAtUtc, m.LastError);
            Assert.Equal(rows.Take(2).Select(Shape), rows.Skip(2).Select(Shape));
            var copied = await read.OutboxMessages.AsNoTracking().Where(m => m.To == to && m.Kind == "copy").OrderBy(m => m.Id).ToListAsync();
            Assert.Equal(Enumerable.Range(0, 60).SelectMany(_ => rows.Take(2)).Select(Shape), copied.Select(Shape));
            Assert.Equal("Pending", rows[3].Status);
            if (provider == DatabaseProvider.Sqlite)
                Assert.Equal(await StoredAsync(read, "OutboxMessages", "To", to, "saved"), await StoredAsync(read, "OutboxMessages", "To", to, "bulk"));
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Outbox_attachments_as_SaveChanges_stores_them_under_the_message_key_read_back(DatabaseProvider provider)
    {
        var database = await databases.MigratedAsync(provider);
        var to = $"{Guid.NewGuid():N}@example.gov.cn";
        var bytes = new byte[70_000];
        new Random(7).NextBytes(bytes);
        OutboxMessage Message(string kind) => new()
        {
            Kind = kind, To = to, Subject = "答复", Body = "", MessageId = $"<{Guid.NewGuid():N}@caseflow>", CreatedAtUtc = Whole, NextAttemptAtUtc = Whole,
        };
        OutboxAttachment[] Files(long messageId) =>
        [
            new() { OutboxMessageId = messageId, FileName = "答复书（长沙〔2026〕第1号）.docx", ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Content = bytes },
            new() { OutboxMessageId = messageId, FileName = Awkward, ContentType = "text/plain", Content = [] },
        ];
        await using (var db = database.CreateContext())
        {
            var saved = Message("saved");
            db.OutboxMessages.Add(saved);
            await db.SaveChangesAsync();
            db.OutboxAttachments.AddRange(Files(saved.Id));
            await db.SaveChangesAsync();
            await using var tx = await db.Database.BeginTransactionAsync();
            var bulk = Message("bulk");
            await db.InsertAsync([bulk], CancellationToken.None, readKeys: true);
            Assert.True(bulk.Id > saved.Id);
            await db.InsertAsync(Files(bulk.Id), CancellationToken.None);
            await tx.CommitAsync();
        }

        await using (var read = database.CreateContext())
        {
            var rows = await read.OutboxAttachments.AsNoTracking().Where(a => a.Message!.To == to).OrderBy(a => a.Id)
                .Select(a => new { a.Message!.Kind, a.FileName, a.ContentType, a.Content }).ToListAsync();
            Assert.Equal(["saved", "saved", "bulk", "bulk"], rows.Select(r => r.Kind));
            object Shape(int i) => (rows[i].FileName, rows[i].ContentType, Convert.ToHexString(rows[i].Content));
            Assert.Equal([Shape(0), Shape(1)], [Shape(2), Shape(3)]);
            Assert.Equal(bytes, rows[2].Content);
            Assert.Empty(rows[3].Content);
            if (provider == DatabaseProvider.Sqlite) // blobs, the empty one too (not NULL, not text)
                Assert.Equal(["blob", "blob", "blob", "blob"], await read.Database.SqlQueryRaw<string>(
                    "SELECT typeof(a.\"Content\") AS \"Value\" FROM \"OutboxAttachments\" a JOIN \"OutboxMessages\" m ON m.\"Id\" = a.\"OutboxMessageId\" WHERE m.\"To\" = {0} ORDER BY a.\"Id\"", to).ToListAsync());
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_case_and_its_timers_as_SaveChanges_stores_them_with_the_generated_key_read_back(DatabaseProvider provider)
    {
        var database = await databases.MigratedAsync(provider);
        var agency = $"b{Guid.NewGuid():N}"[..12];
        var calendar = NationalCalendar.BuildShipped();
        DisclosureRequest Case(int sequence)
        {
            var registration = new DisclosureRequest.Registration(Channel.RegisteredPost, new DateOnly(2026, 3, 9), new DateOnly(2026, 3, 10), Fraction,
                ApplicantColumn.Business, Awkward, "11010519491231002X", null, "a@example.gov.cn", Awkward, "2025 年预算", "纸质", "邮寄");
            var c = DisclosureRequest.Register(registration, agency, sequence, "disclosure-request", 1, "received", "officer", Fraction, calendar);
            typeof(DisclosureRequest).GetProperty(nameof(DisclosureRequest.FeeNotifiedYuan))!.SetValue(c, 12.5m); // no public setter outside the workflow
            return c;
        }
        CaseTimer Timer(DisclosureRequest c) => new()
        {
            CaseId = c.Id, Key = "reminder-3", Kind = "Reminder", DueOn = new DateOnly(2026, 3, 27), DueAtUtc = Whole, Action = null, Payload = Awkward,
        };

        long saved, bulk;
        await using (var db = database.CreateContext())
        {
            db.Agencies.Add(new Agencies.Agency { Code = agency, Name = "测试机关" });
            var first = Case(1);
            db.Cases.Add(first);
            await db.SaveChangesAsync();
            db.CaseTimers.Add(Timer(first));
            await db.SaveChangesAsync();
            saved = first.Id;

            await using var tx = await db.Database.BeginTransactionAsync();
            var second = Case(2);
            await db.InsertAsync([second], CancellationToken.None, readKeys: true);
            Assert.NotEqual(0, second.Id);
            await db.InsertAsync([Timer(second)], CancellationToken.None);
            await tx.CommitAsync();
            bulk = second.Id;
        }

        await using (var read = database.CreateContext())
        {
            var cases = await read.Cases.AsNoTracking().Where(c => c.AgencyCode == agency).OrderBy(c => c.Id).ToListAsync();
            Assert.Equal([saved, bulk], cases.Select(c => c.Id));
            Assert.Equal([$"{agency}-2026-0001", $"{agency}-2026-0002"], cases.Select(c => c.CaseNumber)); // the key read back is the row's
            object Shape(DisclosureRequest c) => (c.Channel, c.SubmittedOn, c.ConfirmedOn, c.ArrivedAtUtc, c.ReceivedOn, c.ApplicantColumn, c.ApplicantName,
                c.Address, c.ReplyDueOn, c.CorrectionNoticeDueOn, c.FeeNotifiedYuan, c.CreatedAtUtc, c.Version, c.State, JsonSerializer.Serialize(c.Details));
            Assert.Equal(Shape(cases[0]), Shape(cases[1]));
            Assert.Equal(12.5m, cases[1].FeeNotifiedYuan);
            var timers = await read.CaseTimers.AsNoTracking().Where(t => t.CaseId == saved || t.CaseId == bulk).OrderBy(t => t.Id).ToListAsync();
            Assert.Equal([saved, bulk], timers.Select(t => t.CaseId));
            Assert.Equal((timers[0].DueOn, timers[0].DueAtUtc, timers[0].Payload), (timers[1].DueOn, timers[1].DueAtUtc, timers[1].Payload));
            if (provider == DatabaseProvider.Sqlite)
            {
                Assert.Equal(await StoredAsync(read, "Cases", "Id", saved, ["Id", "CaseNumber", "Sequence"]), await StoredAsync(read, "Cases", "Id", bulk, ["Id", "CaseNumber", "Sequence"]));
                Assert.Equal(await StoredAsync(read, "CaseTimers", "CaseId", saved, ["Id", "CaseId"]), await StoredAsync(read, "CaseTimers", "CaseId", bulk, ["Id", "CaseId"]));
            }
        }
    }

    private static async Task<List<string>> StoredAsync(CaseFlowDbContext db, string table, string column, long value, string[] except)
    {
        // Only the test's own table and column names, and names read from the schema, go into this SQL.
        var columns = $"SELECT name AS \"Value\" FROM pragma_table_info('{table}')";
        var names = await db.Database.SqlQueryRaw<string>(columns).ToListAsync();
        var select = $"SELECT {string.Join(" || '|' || ", names.Except(except).Select(n => $"quote(\"{n}\")"))} AS \"Value\" FROM \"{table}\" WHERE \"{column}\" = {{0}}";
        return await db.Database.SqlQueryRaw<string>(select, value).ToListAsync();
    }

    /// <summary>SQLite: every column but the key and the message id as SQLite quotes it, so the storage class and the
    /// exact text (e.g. of instants) are compared, not just what EF reads back.</summary>
    private static async Task<List<string>> StoredAsync(CaseFlowDbContext db, string table, string column, string value, string kind)
    {
        // Only the test's own table and column names, and names read from the schema, go into this SQL.
        var columns = $"SELECT name AS \"Value\" FROM pragma_table_info('{table}') WHERE name NOT IN ('Id', 'Kind', 'MessageId')";
        var names = await db.Database.SqlQueryRaw<string>(columns).ToListAsync();
        var select = $"SELECT {string.Join(" || '|' || ", names.Select(n => $"quote(\"{n}\")"))} AS \"Value\" FROM \"{table}\" " +
                     $"WHERE \"{column}\" = {{0}} AND \"Kind\" = {{1}} ORDER BY \"Id\"";
        return await db.Database.SqlQueryRaw<string>(select, value, kind).ToListAsync();
    }
}
