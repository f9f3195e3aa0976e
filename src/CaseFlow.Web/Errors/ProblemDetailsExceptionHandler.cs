using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using CaseFlow.Domain;
using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Reports;
using CaseFlow.Workflows.Engine;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Web.Errors;

/// <summary>The one place where exceptions become RFC 9457 problems. Nothing else catches to translate,
/// and no stack trace leaves the server.</summary>
public sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problems, ILogger<ProblemDetailsExceptionHandler> log)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        // The middleware has already rewritten Request.Path to the error page; the feature keeps the original.
        var path = http.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? http.Request.Path;
        var problem = Map(exception);
        if (problem is null)
            log.LogError(exception, "Unhandled exception for {Method} {Path}", http.Request.Method, path);
        // A person in a browser gets the Chinese error page (the middleware re-executes /error/500 with StatusOf's code).
        if (!Features.Pages.PagesSetup.IsApiPath(path)) return false;
        problem ??= Problem(StatusCodes.Status500InternalServerError, "服务器内部错误", "服务器处理请求时出错，已记录日志。");

        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>The status an exception answers with, for the error page of the UI.</summary>
    public static int StatusOf(Exception exception) => Map(exception)?.Status ?? StatusCodes.Status500InternalServerError;

    /// <summary>The problem an exception means, or null for a bug (500).</summary>
    public static ProblemDetails? Map(Exception exception) =>
        exception switch
        {
            ValidationFailedException v => Validation(v.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray())),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                Problem(StatusCodes.Status413PayloadTooLarge, "请求体过大", "请求体超过了允许的大小。"),
            BadHttpRequestException b when FindJsonException(b) is { } json => Validation(new() { [FieldOf(json)] = [JsonMessage(json)] }),
            BadHttpRequestException b => Problem(b.StatusCode, "请求格式有误", PlainMessage(b)),
            JsonException json => Validation(new() { [FieldOf(json)] = [JsonMessage(json)] }),
            NotFoundException n => Problem(StatusCodes.Status404NotFound, "未找到", n.Message),
            ConflictException c => WithExtensions(Problem(StatusCodes.Status409Conflict, "冲突", c.Message), c.Extensions),
            ReportLockedException l => WithExtensions(Problem(StatusCodes.Status409Conflict, "冲突", l.Message),
                new Dictionary<string, object?> { ["lockedReport"] = new { agency = l.Agency, year = l.Year, subordinates = l.Subordinates } }),
            ForbiddenException f => Problem(StatusCodes.Status403Forbidden, "无权操作", f.Message),
            CaseRuleException r => Validation(new() { [r.Field] = [r.Message] }),
            InvalidPayloadException p => Validation(p.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray())),
            ActionNotAvailableException a => Problem(StatusCodes.Status409Conflict, "当前不能执行该操作", a.Message),
            ActionForbiddenException a => Problem(StatusCodes.Status403Forbidden, "无权操作", a.Message),
            UnknownActionException u => Problem(StatusCodes.Status404NotFound, "没有该操作", u.Message),
            DbUpdateConcurrencyException => Problem(StatusCodes.Status409Conflict, "冲突", "数据已被他人同时修改，本次操作未生效，请刷新后重试。"),
            _ => null,
        };

    private static ProblemDetails Validation(Dictionary<string, string[]> errors) =>
        new ValidationProblemDetails(errors) { Status = StatusCodes.Status400BadRequest, Title = "请求参数有误", Detail = string.Join("；", errors.Select(e => $"{e.Key}: {string.Join("，", e.Value)}")) };

    private static ProblemDetails Problem(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };

    private static ProblemDetails WithExtensions(ProblemDetails p, IDictionary<string, object?> extensions)
    {
        foreach (var (k, v) in extensions) p.Extensions[k] = v;
        return p;
    }

    private static JsonException? FindJsonException(Exception e)
    {
        for (var x = e.InnerException; x is not null; x = x.InnerException)
            if (x is JsonException j) return j;
        return null;
    }

    /// <summary>"$.pauses[0].from" → "pauses[0].from"; the body itself → "body".</summary>
    private static string FieldOf(JsonException json)
    {
        var path = json.Path;
        if (string.IsNullOrEmpty(path) || path == "$") return "body";
        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
    }

    private static string JsonMessage(JsonException json) =>
        json is InvalidJsonValueException ? json.Message
        : PayloadRules.BrokenTextMessage(json) is { } broken ? broken
        : json.Message.Contains("could not be converted", StringComparison.Ordinal)
            ? "值的类型或格式不正确（日期须为存在的 YYYY-MM-DD 日期，数字须为不加引号的数字，选项须为文档列出的名称而不是数字）。"
            : "JSON 格式不正确。";

    // The framework's own message names the parameter and is safe to show; never include inner exceptions.
    private static string PlainMessage(BadHttpRequestException b) => b.Message;
}
