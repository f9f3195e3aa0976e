using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CaseFlow.Data;
using CaseFlow.Data.Cases;
using CaseFlow.Domain;
using CaseFlow.Web.Errors;
using CaseFlow.Web.Features.Calendar;
using CaseFlow.Web.Features.Reports;
using CaseFlow.Workflows.Engine;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseFlow.Web.Features.Cases;

/// <summary>
/// POST /api/cases/{id}/actions/{action} — runs one workflow action. The body is the action's payload; the case
/// version the client saw goes in <c>If-Match</c> or a <c>version</c> field (stale → 409). With an
/// <c>Idempotency-Key</c> header a retried request gets the first result back and nothing happens twice.
/// </summary>
public static class ExecuteAction
{
    public static async Task<IResult> Handle(long id, string action, HttpRequest request, ClaimsPrincipal user, CaseFlowDbContext db,
        WorkflowEngine engine, CalendarProvider calendars, TimeProvider time, IOptions<JsonOptions> jsonOptions, CancellationToken ct)
    {
        var json = jsonOptions.Value.SerializerOptions;
        var payload = await ReadBodyAsync(request, ct);
        var actor = CaseAccess.ActorOf(user);
        var key = request.Headers["Idempotency-Key"].ToString();
        var hash = Hash($"{id}\n{action}\n{request.Headers.IfMatch}\n{payload?.GetRawText()}");
        if (key.Length > 200) throw new ValidationFailedException("Idempotency-Key", "不能超过 200 个字符。");
        if (key.Length > 0 && await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.UserName == actor.UserName && r.Key == key, ct) is { } earlier)
            return Replay(earlier, hash);

        var c = await CaseAccess.LoadAsync(id, user, db, tracking: true, ct);
        var sent = SentVersion(request, payload);
        if (sent != c.Version)
            throw new ConflictException($"案件已被他人修改（当前版本 {c.Version}，请求基于版本 {sent}），请刷新后重试。",
                new Dictionary<string, object?> { ["currentVersion"] = c.Version });

        var calendar = await calendars.GetAsync(c.AgencyCode, ct);
        var correctionPeriod = await db.Agencies.Where(a => a.Code == c.AgencyCode).Select(a => a.CorrectionPeriodWorkingDays).FirstAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var today = ChinaTime.Today(time);
        var result = engine.Execute(c, action, payload, json, actor, now, today, calendar, correctionPeriod);

        var def = engine.DefinitionOf(c);
        await CaseStepWriter.StageAsync(db, c, def, calendar, actor.UserName, result.ActionId, result.Step, result.FromState, payload, result.Facts, result.Outbox, now, ct);
        var detail = CaseViews.Detail(c, def, c.Clock(calendar), engine.AvailableActions(c, actor, today, calendar), revealId: false);
        var body = JsonSerializer.Serialize(detail, json);
        if (key.Length > 0)
            db.IdempotencyRecords.Add(new IdempotencyRecord { Key = key, UserName = actor.UserName, RequestHash = hash, StatusCode = 200, ResponseJson = body, CreatedAtUtc = now });

        // A locked annual report may not change: the locks are read inside the step's transaction, after its rows are
        // written (so a report locked meanwhile is still seen), and the locked figures are recomputed before commit.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
            var lockedYears = await ReportLockGuard.LockedYearsAsync(db, c.AgencyCode, ct);
            if (lockedYears.Count > 0) await ReportLockGuard.EnsureUnchangedAsync(db, c.AgencyCode, lockedYears, ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("案件已被他人同时修改，本次操作未生效，请刷新后重试。");
        }
        catch (DbUpdateException) when (key.Length > 0)
        {
            // The same key committed first in a concurrent request: answer with its result (read outside the failed
            // transaction, which PostgreSQL no longer lets run statements).
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            var first = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.UserName == actor.UserName && r.Key == key, ct);
            if (first is null) throw;
            return Replay(first, hash);
        }
        return Results.Content(body, "application/json; charset=utf-8", Encoding.UTF8, 200);
    }

    private static IResult Replay(IdempotencyRecord earlier, string hash)
    {
        if (earlier.RequestHash != hash)
            throw new ConflictException("该 Idempotency-Key 已用于另一个请求。");
        return Results.Content(earlier.ResponseJson, "application/json; charset=utf-8", Encoding.UTF8, earlier.StatusCode);
    }

    private static async Task<JsonElement?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength == 0) return null;
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(ct);
        if (string.IsNullOrWhiteSpace(text)) return null;
        using var doc = JsonDocument.Parse(text); // a JsonException becomes a 400 naming the position
        return doc.RootElement.Clone();
    }

    private static int SentVersion(HttpRequest request, JsonElement? payload)
    {
        var ifMatch = request.Headers.IfMatch.ToString();
        if (ifMatch.Length > 0)
        {
            var v = ifMatch.Replace("W/", "", StringComparison.Ordinal).Trim().Trim('"');
            return int.TryParse(v, out var n) ? n : throw new ValidationFailedException("If-Match", "须为案件版本号，例如 \"3\"。");
        }
        if (payload is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty("version", out var field))
            return field.ValueKind == JsonValueKind.Number && field.TryGetInt32(out var n) ? n : throw new ValidationFailedException("version", "须为整数。");
        throw new ValidationFailedException("version", "必须提供案件当前版本号（If-Match 请求头或 version 字段），以防覆盖他人的修改。");
    }

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
