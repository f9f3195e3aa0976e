using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CaseFlow.Data;
using CaseFlow.Data.Cases;
using CaseFlow.Tests.Shared;
using CaseFlow.Web.Features.Calendar;
using CaseFlow.Web.Features.Mail;
using CaseFlow.Web.Tests.Infrastructure;
using CaseFlow.Workflows.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CaseFlow.Web.Tests.Features.Cases.CaseApi;

namespace CaseFlow.Web.Tests.Features.Reminders;

/// <summary>Class fixture: a real SMTP sink process and the app on a database of its own, its <c>Mail</c> section
/// pointing at the sink.</summary>
public abstract class MailApp(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase? _database;

    public SmtpSink Sink { get; private set; } = null!;

    public CaseFlowApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Sink = await SmtpSink.StartNewAsync();
        _database = await TestDatabase.CreateAsync(provider);
        App = new CaseFlowApp(_database, Sink.MailSettings);
        await App.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
        await Sink.DisposeAsync();
    }
}

public sealed class SqliteMailApp() : MailApp(DatabaseProvider.Sqlite);

public sealed class PostgresMailApp() : MailApp(DatabaseProvider.Postgres);

/// <summary>
/// E-mail through a real SMTP server (tests/smtp-sink.py): reminders to officers with an address, the applicant's
/// e-mails when they chose delivery by e-mail, a 550 dead-letters at once and shows on the case and to
/// administrators, a 451 is retried with back-off (1, 2, 4 … minutes) until MaxAttempts (8), no e-mail leaves
/// between 22:00 and 07:00 China time. The sink's JSON lines are the messages as received (decoded subject and body).
/// </summary>
[Trait("TimeZone", "Sensitive")]
public abstract class MailTests(MailApp mail)
{
    public sealed class OnSqlite(SqliteMailApp mail) : MailTests(mail), IClassFixture<SqliteMailApp>;

    public sealed class OnPostgres(PostgresMailApp mail) : MailTests(mail), IClassFixture<PostgresMailApp>;

    private CaseFlowApp App => mail.App;

    [Fact]
    public async Task A_reminder_reaches_the_officer_s_mailbox_with_the_chinese_text_and_the_outbox_message_id()
    {
        var desk = await App.DeskAsync();
        var address = $"{desk.Agency}-officer@example.gov.cn";
        await App.SetEmailAsync(desk.OfficerName, address);
        var c = await App.RegisterAssignedAsync(desk);
        var number = (string)c["caseNumber"]!;

        await App.SweepAtAsync(3, 11, 8, 0); // the 02-28 correction-notice reminder and the 5-days reminder
        var row = Assert.Single(await App.OutboxAsync(Id(c)), m => m.Kind == "ReplyReminder");
        Assert.Equal(OutboxStatus.Pending, row.Status);
        Assert.Equal(address, row.To);

        await App.DispatchAsync();
        var received = Assert.Single(mail.Sink.Messages(), m => m.MessageId == row.MessageId);
        Assert.Equal([address], received.To);
        Assert.Equal($"[CaseFlow] {number} 还有5个工作日到期", received.Subject);
        Assert.Contains($"案件 {number}（申请人：张三）的答复期限为 2026-03-18，还有5个工作日。", received.Body);
        Assert.Equal("caseflow@example.gov.cn", received.From);
        Assert.Contains("政府信息公开申请办理系统", received.HeaderFrom);
        row = Assert.Single(await App.OutboxAsync(Id(c)), m => m.Kind == "ReplyReminder");
        Assert.Equal((OutboxStatus.Sent, 1), (row.Status, row.Attempts));
        Assert.NotNull(row.SentAtUtc);
        Assert.Single(mail.Sink.Messages(), m => m.To.Contains(address) && m.Subject.EndsWith("今日为补正告知期限", StringComparison.Ordinal));

        App.Clock.Advance(TimeSpan.FromMinutes(30));
        await App.DispatchAsync();
        Assert.Single(mail.Sink.Messages(), m => m.MessageId == row.MessageId);

        // The head and the office have no address: the overdue escalation reaches them in the app only.
        await App.SweepAtAsync(3, 19, 8, 0);
        Assert.Equal([address], (await App.OutboxAsync(Id(c))).Where(m => m.Kind == "Overdue").Select(m => m.To));
        Assert.Equal(3, (await App.NotificationsAsync(Id(c), "Overdue")).Count);
    }

    [Fact]
    public async Task The_applicant_who_chose_e_mail_gets_the_acknowledgement_and_the_correction_notice()
    {
        var desk = await App.DeskAsync();
        var address = $"applicant-{desk.Agency}@example.com";
        App.At(2, 12);
        var c = await desk.Officer.RegisterAsync(Reminders.ByEmail(address));
        var number = (string)c["caseNumber"]!;
        App.At(2, 13);
        c = await desk.Officer.DoAsync(c, "requestCorrection", """{"items":"请写明所需文件的名称或文号","periodWorkingDays":15}""");

        await App.DispatchAsync();
        var received = mail.Sink.Messages().Where(m => m.To.Contains(address)).ToList();
        Assert.Equal([$"您的政府信息公开申请已收到（{number}）", $"补正告知书（{number}）"], received.Select(m => m.Subject));
        Assert.Contains("李四：", received[0].Body);
        Assert.Contains($"本机关已于 2026-02-12 收到您的政府信息公开申请，登记号 {number}。", received[0].Body);
        Assert.Contains("20个工作日内（2026-03-18 前）答复", received[0].Body);
        Assert.Contains("请写明所需文件的名称或文号", received[1].Body);
        Assert.Contains("请于 2026-03-12 前（15个工作日内）补正", received[1].Body);
        Assert.Equal((await App.OutboxAsync(Id(c))).Select(m => m.MessageId), received.Select(m => m.MessageId));
        Assert.All((await desk.Officer.GetCaseAsync(Id(c)))["mail"]!.AsArray(), m => Assert.Equal("Sent", (string?)m!["status"]));
    }

    [Fact]
    public async Task The_applicant_gets_the_fee_notice_the_extension_notice_and_the_reply_notice()
    {
        var desk = await App.DeskAsync();
        var legal = await App.SignedInAsync($"{desk.Agency}-legal", "LegalAdviser", desk.Agency);
        var address = $"applicant-{desk.Agency}@example.com";
        var fee = await App.RegisterAssignedAsync(desk, Reminders.ByEmail(address, name: "王五"));
        var extended = await App.RegisterAssignedAsync(desk, Reminders.ByEmail(address, name: "王五"));
        var replied = await App.RegisterAssignedAsync(desk, Reminders.ByEmail(address, name: "王五"));
        var refused = await App.RegisterAssignedAsync(desk, Reminders.ByEmail(address, name: "王五"));

        App.At(3, 2);
        fee = await desk.Officer.DoAsync(fee, "sendFeeNotice", """{"method":"PerPage","quantity":50}""");
        App.At(3, 10);
        extended = await desk.Officer.DoAsync(extended, "requestExtension", """{"days":20,"reason":"涉及多个单位，需协调"}""");
        App.At(3, 12);
        extended = await desk.Head.DoAsync(extended, "approveExtension");
        replied = await desk.Officer.DoAsync(replied, "submitDraft", """{"outcome":"Disclosed","text":"现将所申请的招标文件提供如下。"}""");
        replied = await legal.DoAsync(replied, "approveDraft");
        var reviewer = await App.SignedInAsync($"{desk.Agency}-reviewer", "ConfidentialityReviewer", desk.Agency);
        replied = await reviewer.DoAsync(replied, "recordConfidentialityReview", """{"documents":"招标文件","conclusion":"MayDisclose","reasons":"不涉密"}""");
        replied = await desk.Head.DoAsync(replied, "signOff");
        replied = await desk.Officer.DoAsync(replied, "deliver", """{"method":"Email","deliveredOn":"2026-03-12"}""");
        refused = await desk.Officer.DoAsync(refused, "submitDraft", """{"outcome":"Withheld.StateSecret","text":"所申请信息属于国家秘密，不予公开。不服本答复的，应当先申请行政复议。"}""");
        refused = await legal.DoAsync(refused, "approveDraft");
        refused = await desk.Head.DoAsync(refused, "signOff");
        refused = await desk.Officer.DoAsync(refused, "deliver", """{"method":"Email","deliveredOn":"2026-03-12"}""");

        await App.DispatchAsync();
        var received = mail.Sink.Messages().Where(m => m.To.SequenceEqual([address])).ToList();
        Assert.Equal(8, received.Count);
        Assert.Equal(4, received.Count(m => m.Subject.StartsWith("您的政府信息公开申请已收到", StringComparison.Ordinal)));

        var feeNotice = Assert.Single(received, m => m.Subject == $"收费通知（{fee["caseNumber"]}）");
        Assert.Contains("王五：", feeNotice.Body);
        Assert.Contains("需缴纳信息处理费 200 元", feeNotice.Body);
        Assert.Contains("按量计收，共50页：第1至30页，免费，共30页，计0元；第31至50页，每页10元，共20页，计200元。合计200元。", feeNotice.Body);
        Assert.Contains("请于 2026-03-30 前缴纳", feeNotice.Body); // 20 working days after 03-02, the day sent

        var extension = Assert.Single(received, m => m.Subject == $"延期答复告知书（{extended["caseNumber"]}）");
        Assert.Contains("答复期限延长20个工作日，至 2026-04-16。", extension.Body);

        var reply = Assert.Single(received, m => m.Subject == $"政府信息公开申请答复（{replied["caseNumber"]}）");
        Assert.Contains("已于 2026-03-12 答复，办理结果：予以公开。", reply.Body);
        Assert.Contains("现将所申请的招标文件提供如下。", reply.Body);
        // Remedies follow the outcome (domain.md §2.8): a disclosure names review or a lawsuit, a refusal review first.
        Assert.Contains("可以自收到本答复之日起60日内依法申请行政复议，或者自知道本答复之日起6个月内依法提起行政诉讼。", reply.Body);
        Assert.DoesNotContain("应当先申请行政复议", reply.Body);
        var refusal = Assert.Single(received, m => m.Subject == $"政府信息公开申请答复（{refused["caseNumber"]}）");
        Assert.Contains("办理结果：属于国家秘密。", refusal.Body);
        Assert.Contains("对行政机关在政府信息公开工作中不予公开的决定不服的，应当先申请行政复议。", refusal.Body);
        Assert.DoesNotContain("6个月内", refusal.Body);

        var outbox = (await App.OutboxAsync()).Where(m => m.To == address).ToList();
        Assert.Equal(8, outbox.Count);
        Assert.Equal(outbox.Select(m => m.MessageId).Order(StringComparer.Ordinal), received.Select(m => m.MessageId).Order(StringComparer.Ordinal));
        Assert.All(outbox, m => Assert.Equal(OutboxStatus.Sent, m.Status));
    }

    [Fact]
    public async Task No_applicant_e_mail_without_an_address_or_without_delivery_by_e_mail()
    {
        var desk = await App.DeskAsync();
        var byPost = await App.RegisterAssignedAsync(desk, Reminders.ByEmail($"post-{desk.Agency}@example.com").Replace("\"电子邮件\"", "\"邮寄\"", StringComparison.Ordinal));
        var noAddress = await App.RegisterAssignedAsync(desk);
        Assert.Empty(await App.OutboxAsync(Id(byPost)));
        Assert.Empty(await App.OutboxAsync(Id(noAddress)));
        Assert.Empty((await desk.Officer.GetCaseAsync(Id(byPost)))["mail"]!.AsArray());
    }

    [Fact]
    public async Task A_permanent_refusal_dead_letters_at_once_and_shows_on_the_case_and_to_administrators()
    {
        var desk = await App.DeskAsync();
        var address = $"reject-{desk.Agency}@example.com";
        App.At(3, 2);
        var c = await desk.Officer.RegisterAsync(Reminders.ByEmail(address, "2026-03-02"));

        await App.DispatchAsync();
        var row = Assert.Single(await App.OutboxAsync(Id(c)));
        Assert.Equal((OutboxStatus.DeadLettered, 1), (row.Status, row.Attempts));
        Assert.Contains("550", row.LastError);
        Assert.DoesNotContain(mail.Sink.Messages(), m => m.To.Contains(address));

        App.Clock.Advance(TimeSpan.FromHours(2));
        await App.DispatchAsync();
        Assert.Equal(1, Assert.Single(await App.OutboxAsync(Id(c))).Attempts); // never tried again

        var shown = Assert.Single((await desk.Officer.GetCaseAsync(Id(c)))["mail"]!.AsArray())!;
        Assert.Equal("ApplicantAcknowledgement", (string?)shown["kind"]);
        Assert.Equal(address, (string?)shown["to"]);
        Assert.Equal("DeadLettered", (string?)shown["status"]);
        Assert.Contains("550", (string?)shown["lastError"]);

        var admin = await App.SignedInAsync("mail-admin", "Admin");
        var dead = await admin.GetArrayAsync("/api/admin/outbox?status=DeadLettered");
        var item = Assert.Single(dead, m => (long?)m!["caseId"] == Id(c))!;
        Assert.Equal(row.MessageId, (string?)item["messageId"]);
        Assert.All(dead, m => Assert.Equal("DeadLettered", (string?)m!["status"]));
        Assert.DoesNotContain(await admin.GetArrayAsync("/api/admin/outbox?status=Sent"), m => (long?)m!["caseId"] == Id(c));
        await (await desk.Officer.GetAsync("/api/admin/outbox?status=DeadLettered")).ReadProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_temporary_refusal_is_retried_after_1_2_4_minutes_and_so_on_and_dead_letters_after_8_attempts()
    {
        var desk = await App.DeskAsync();
        var address = $"tempfail-{desk.Agency}@example.com";
        App.At(3, 3, 10, 0);
        var c = await desk.Officer.RegisterAsync(Reminders.ByEmail(address, "2026-03-03"));
        var messageId = Assert.Single(await App.OutboxAsync(Id(c))).MessageId;

        var attemptAt = new DateTime(2026, 3, 3, 2, 0, 0, DateTimeKind.Utc); // 10:00 China time
        foreach (var (attempt, waitMinutes) in new[] { (1, 1), (2, 2), (3, 4), (4, 8), (5, 16), (6, 32), (7, 64) })
        {
            await App.DispatchAsync();
            var row = Assert.Single(await App.OutboxAsync(Id(c)));
            Assert.Equal((OutboxStatus.Pending, attempt), (row.Status, row.Attempts));
            Assert.Contains("451", row.LastError);
            Assert.Equal(messageId, row.MessageId);
            Assert.Equal(attemptAt.AddMinutes(waitMinutes), row.NextAttemptAtUtc);

            App.Clock.Advance(TimeSpan.FromMinutes(waitMinutes) - TimeSpan.FromSeconds(1));
            await App.DispatchAsync();
            Assert.Equal(attempt, Assert.Single(await App.OutboxAsync(Id(c))).Attempts); // not before its time

            App.Clock.Advance(TimeSpan.FromSeconds(1));
            attemptAt = attemptAt.AddMinutes(waitMinutes);
        }

        await App.DispatchAsync();
        var dead = Assert.Single(await App.OutboxAsync(Id(c)));
        Assert.Equal((OutboxStatus.DeadLettered, 8), (dead.Status, dead.Attempts));
        Assert.Contains("451", dead.LastError);
        Assert.Equal("DeadLettered", (string?)Assert.Single((await desk.Officer.GetCaseAsync(Id(c)))["mail"]!.AsArray())!["status"]);
        Assert.DoesNotContain(mail.Sink.Messages(), m => m.To.Contains(address));
    }

    [Fact]
    public async Task No_e_mail_leaves_between_22_00_and_07_00_china_time_and_nothing_is_dropped()
    {
        var desk = await App.DeskAsync();
        var address = $"night-{desk.Agency}@example.com";
        App.At(3, 4, 22, 0);
        var c = await desk.Officer.RegisterAsync(Reminders.ByEmail(address, "2026-03-04"));

        foreach (var (day, hour, minute) in new[] { (4, 22, 0), (4, 23, 0), (5, 0, 30), (5, 6, 59) })
        {
            App.At(3, day, hour, minute);
            await App.DispatchAsync();
            var row = Assert.Single(await App.OutboxAsync(Id(c)));
            Assert.Equal((OutboxStatus.Pending, 0), (row.Status, row.Attempts));
        }
        Assert.DoesNotContain(mail.Sink.Messages(), m => m.To.Contains(address));

        App.At(3, 5, 7, 0);
        await App.DispatchAsync();
        Assert.Equal(OutboxStatus.Sent, Assert.Single(await App.OutboxAsync(Id(c))).Status);
        Assert.Single(mail.Sink.Messages(), m => m.To.Contains(address));
    }

    [Fact]
    public async Task Mail_written_at_21_59_goes_at_once()
    {
        var desk = await App.DeskAsync();
        var address = $"evening-{desk.Agency}@example.com";
        App.At(3, 4, 21, 59);
        var c = await desk.Officer.RegisterAsync(Reminders.ByEmail(address, "2026-03-04"));
        await App.DispatchAsync();
        Assert.Equal(OutboxStatus.Sent, Assert.Single(await App.OutboxAsync(Id(c))).Status);
    }

    [Fact]
    public async Task An_attachment_with_a_chinese_file_name_arrives_intact_under_a_chinese_subject()
    {
        const string fileName = "答复书（长沙〔2026〕第1号）.docx";
        const string docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        var content = new byte[150_000];
        new Random(2026).NextBytes(content); // every byte value, many base64 lines
        var desk = await App.DeskAsync();
        var address = $"attachment-{desk.Agency}@example.com";
        var c = await App.RegisterAssignedAsync(desk, Reminders.ByEmail(address, name: "王五"));
        var subject = $"政府信息公开申请答复书（{c["caseNumber"]}）";

        // Through the writer every workflow step uses, as a step that sends the reply letter will.
        App.At(3, 2);
        await App.WithDbAsync(async db =>
        {
            var services = App.Services;
            var engine = services.GetRequiredService<WorkflowEngine>();
            var @case = await db.Cases.FirstAsync(x => x.Id == Id(c));
            var calendar = await services.GetRequiredService<CalendarProvider>().GetAsync(@case.AgencyCode);
            var letter = new OutboxRequest("ApplicantReplyLetter", address, subject, "王五：\n答复书见附件。") { Attachments = [new MailAttachment(fileName, docx, content)] };
            await CaseStepWriter.StageAsync(db, @case, engine.DefinitionOf(@case), calendar, "test", "sendReplyLetter", null, @case.State, null, null,
                [letter], App.Clock.GetUtcNow().UtcDateTime, CancellationToken.None);
            await db.SaveChangesAsync();
        });
        var row = Assert.Single(await App.OutboxAsync(Id(c)), m => m.Kind == "ApplicantReplyLetter");

        await App.DispatchAsync();
        var received = Assert.Single(mail.Sink.Messages(), m => m.MessageId == row.MessageId);
        Assert.Equal(subject, received.Subject);
        Assert.Matches(@"^(=\?utf-8\?b\?[A-Za-z0-9+/=]+\?=\s*)+$", received.RawSubject); // RFC 2047, nothing raw
        Assert.Equal("王五：\n答复书见附件。", received.Body);
        Assert.StartsWith("multipart/mixed", received.ContentType, StringComparison.Ordinal);
        var file = Assert.Single(received.Attachments!);
        Assert.Equal(fileName, file.FileName);
        Assert.Equal(docx, file.ContentType);
        Assert.Equal((content.Length, Convert.ToHexStringLower(SHA256.HashData(content))), (file.Size, file.Sha256));
        // RFC 2231 (filename*=utf-8''%E7%AD%94…, in numbered sections when long), not RFC 2047 words in quotes.
        Assert.Matches(@"^attachment;\s*filename\*(0\*)?=utf-8''%E7%AD%94%E5%A4%8D", file.RawContentDisposition);
        Assert.DoesNotContain("=?", file.RawContentDisposition, StringComparison.Ordinal);
        row = Assert.Single(await App.OutboxAsync(Id(c)), m => m.Kind == "ApplicantReplyLetter");
        Assert.Equal((OutboxStatus.Sent, 1), (row.Status, row.Attempts));
    }
}
