using System.Net;
using System.Text.Json.Nodes;
using CaseFlow.Data.Cases;
using CaseFlow.Data.Notifications;
using CaseFlow.Web.Features.Mail;
using CaseFlow.Web.Features.Reminders;
using CaseFlow.Web.Tests.Features.Cases;
using CaseFlow.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseFlow.Web.Tests.Features.Reminders;

/// <summary>One agency of its own with its people, so that a test's recipients and cases are its own even on a
/// database shared by the test class.</summary>
public sealed record Desk(string Agency, string OfficerName, HttpClient Officer, string HeadName, HttpClient Head, string OfficeName, HttpClient Office);

/// <summary>Drives the timer sweeper and the outbox dispatcher by hand (Jobs:Enabled is false in the tests) and
/// reads what they wrote.</summary>
public static class Reminders
{
    public const string Received = """
        {"channel":"InPerson","submittedOn":"2026-02-12","applicantKind":"NaturalPerson","applicantName":"张三",
         "idDocumentNumber":"11010519491231002X","contact":"13800000000","requestedInformation":"2025年某项目环评批复",
         "requestedForm":"纸质","deliveryChannel":"邮寄"}
        """;

    /// <summary>A registration received on <paramref name="submittedOn"/> by an applicant who gave an e-mail address
    /// and chose delivery by e-mail.</summary>
    public static string ByEmail(string email, string submittedOn = "2026-02-12", string name = "李四") => $$"""
        {"channel":"InPerson","submittedOn":"{{submittedOn}}","applicantKind":"NaturalPerson","applicantName":"{{name}}",
         "contact":"13900000000","email":"{{email}}","requestedInformation":"2025年某路段改造工程的招标文件",
         "requestedForm":"电子文档","deliveryChannel":"电子邮件"}
        """;

    public static Task<int> SweepAsync(this CaseFlowApp app) => app.Services.GetRequiredService<TimerSweeper>().SweepAsync(CancellationToken.None);

    public static Task<int> DispatchAsync(this CaseFlowApp app) => app.Services.GetRequiredService<OutboxDispatcher>().DispatchAsync(CancellationToken.None);

    /// <summary>Sets the clock to a China-time moment of 2026.</summary>
    public static void At(this CaseFlowApp app, int month, int day, int hour = 10, int minute = 0) =>
        app.Clock.SetChinaTime(new DateOnly(2026, month, day), new TimeOnly(hour, minute));

    public static async Task<int> SweepAtAsync(this CaseFlowApp app, int month, int day, int hour, int minute)
    {
        app.At(month, day, hour, minute);
        return await app.SweepAsync();
    }

    /// <summary>A new agency (under <paramref name="parent"/> when given) with an officer, a head and an office user, signed in.</summary>
    public static async Task<Desk> DeskAsync(this CaseFlowApp app, string? parent = null)
    {
        var agency = "r" + Guid.NewGuid().ToString("N")[..10];
        if (parent is not null) await app.EnsureAgencyAsync(parent);
        await app.EnsureAgencyAsync(agency, parent);
        return new Desk(agency,
            $"{agency}-officer", await app.SignedInAsync($"{agency}-officer", "Officer", agency),
            $"{agency}-head", await app.SignedInAsync($"{agency}-head", "Head", agency),
            $"{agency}-office", await app.SignedInAsync($"{agency}-office", "Office", agency));
    }

    /// <summary>Registers the 2026-02-12 case (reply due 2026-03-18) at 2026-02-12 10:00 and assigns it to the desk's officer.</summary>
    public static async Task<JsonObject> RegisterAssignedAsync(this CaseFlowApp app, Desk desk, string body = Received)
    {
        app.At(2, 12);
        var c = await desk.Officer.RegisterAsync(body);
        return await desk.Officer.DoAsync(c, "assign", $$"""{"officer":"{{desk.OfficerName}}"}""");
    }

    public static async Task<List<Notification>> NotificationsAsync(this CaseFlowApp app, long caseId, string? kind = null)
    {
        var result = new List<Notification>();
        await app.WithDbAsync(async db =>
            result = await db.Notifications.AsNoTracking().Where(n => n.CaseId == caseId && (kind == null || n.Kind == kind)).OrderBy(n => n.Id).ToListAsync());
        return result;
    }

    public static async Task<List<CaseTimer>> TimersAsync(this CaseFlowApp app, long caseId)
    {
        var result = new List<CaseTimer>();
        await app.WithDbAsync(async db => result = await db.CaseTimers.AsNoTracking().Where(t => t.CaseId == caseId).OrderBy(t => t.Id).ToListAsync());
        return result;
    }

    /// <summary>The timers still waiting to fire, as "key dueOn" lines in due order.</summary>
    public static async Task<List<string>> PendingAsync(this CaseFlowApp app, long caseId) =>
        [.. (await app.TimersAsync(caseId)).Where(t => t.ClaimedAtUtc == null).OrderBy(t => t.DueAtUtc).ThenBy(t => t.Key).Select(t => $"{t.Key} {t.DueOn:yyyy-MM-dd}")];

    public static async Task<List<OutboxMessage>> OutboxAsync(this CaseFlowApp app, long? caseId = null)
    {
        var result = new List<OutboxMessage>();
        await app.WithDbAsync(async db =>
            result = await db.OutboxMessages.AsNoTracking().Where(m => caseId == null || m.CaseId == caseId).OrderBy(m => m.Id).ToListAsync());
        return result;
    }

    public static async Task<JsonObject> GetCaseAsync(this HttpClient client, long id) =>
        await (await client.GetAsync($"/api/cases/{id}")).ReadJsonAsync();

    public static async Task<JsonArray> JournalAsync(this HttpClient client, long id) =>
        JsonNode.Parse(await (await client.GetAsync($"/api/cases/{id}/journal")).ReadBodyAsync(HttpStatusCode.OK))!.AsArray();

    public static async Task<JsonArray> GetArrayAsync(this HttpClient client, string url) =>
        JsonNode.Parse(await (await client.GetAsync(url)).ReadBodyAsync(HttpStatusCode.OK))!.AsArray();

    /// <summary>The 2026 national notice of domain.md §3, written out by hand, with <paramref name="extraDaysOff"/> added.</summary>
    public static string National2026(params string[] extraDaysOff)
    {
        var ranges = new List<(string Name, string From, string To)>
        {
            ("元旦", "2026-01-01", "2026-01-03"), ("春节", "2026-02-15", "2026-02-23"), ("清明节", "2026-04-04", "2026-04-06"),
            ("劳动节", "2026-05-01", "2026-05-05"), ("端午节", "2026-06-19", "2026-06-21"), ("中秋节", "2026-09-25", "2026-09-27"),
            ("国庆节", "2026-10-01", "2026-10-07"),
        };
        ranges.AddRange(extraDaysOff.Select(d => ("测试放假", d, d)));
        var daysOff = string.Join(",", ranges.Select(r => $$"""{"name":"{{r.Name}}","from":"{{r.From}}","to":"{{r.To}}"}"""));
        return $$"""
            {"source":"国务院办公厅关于2026年部分节假日安排的通知（测试加放假日）","daysOff":[{{daysOff}}],
             "makeUpWorkdays":["2026-01-04","2026-02-14","2026-02-28","2026-05-09","2026-09-20","2026-10-10"]}
            """;
    }
}
