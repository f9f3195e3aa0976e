using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CaseFlow.Data;
using CaseFlow.Data.Cases;
using CaseFlow.Web.Errors;
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
        CaseSteps steps, WorkflowEngine engine, IOptions<JsonOptions> jsonOptions, CancellationToken ct)
    {
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

        // The answer is written before the commit, so that a retry with the same key gets exactly it.
        string body = "";
        void Answer(CaseSteps.Done done)
        {
            var def = engine.DefinitionOf(done.Case);
            var detail = CaseViews.Detail(done.Case, def, done.Case.Clock(done.Calendar), engine.AvailableActions(done.Case, actor, done.Today, done.Calendar), revealId: false);
            body = JsonSerializer.Serialize(detail, jsonOptions.Value.SerializerOptions);
            if (key.Length > 0)
                db.IdempotencyRecords.Add(new IdempotencyRecord { Key = key, UserName = actor.UserName, RequestHash = hash, StatusCode = 200, ResponseJson = body, CreatedAtUtc = done.NowUtc });
        }

        try
        {
            await steps.RunAsync(c, action, payload, actor, ct, Answer);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("案件已被他人同时修改，本次操作未生效，请刷新后重试。");
        }
        catch (DbUpdateException) when (key.Length > 0)
        {
            // The same key committed first in a concurrent request: answer with its result (read after the failed
            // transaction is rolled back, as PostgreSQL no longer lets it run statements).
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
