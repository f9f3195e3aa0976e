using System.Collections.Concurrent;
using System.Text.Json.Serialization.Metadata;
using CaseFlow.Domain;
using CaseFlow.Web.Features.Agencies;
using CaseFlow.Web.Features.Reminders;
using CaseFlow.Workflows.Definitions;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace CaseFlow.Web.Hosting;

/// <summary>
/// /openapi/v1.json is the contract offices generate their 政务服务 and OA clients from, so it states what really
/// happens: which operations need the sign-in cookie, which roles they need, and that every error is an RFC 9457
/// problem. Endpoints declare the problems their handlers raise (<c>.ProducesProblem</c>); what follows from the
/// authorization metadata (cookie, 401, 403) is added here, from the same metadata the middleware enforces.
/// </summary>
public static class OpenApiSetup
{
    /// <summary>The security scheme of the Identity cookie set by POST /api/auth/login.</summary>
    public const string CookieScheme = "cookie";

    private const string ProblemJson = "application/problem+json";

    public static IServiceCollection AddCaseFlowOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(o =>
        {
            o.CreateSchemaReferenceId = SchemaName;
            o.AddSchemaTransformer(NumbersAreNumbers);
            o.AddSchemaTransformer(EnumsByName);
            o.AddOperationTransformer(DescribeOperationAsync);
            o.AddDocumentTransformer(DescribeDocument);
        });

    // Nested types named Body, Response, … used to share one schema name, so one use case's body silently replaced
    // another's in the document. They are named after their use case; a clash left over fails the document.
    private static readonly HashSet<string> GenericNames = ["Body", "Response", "Result", "Page", "Entry", "Item", "Status", "Day", "Version", "Cell"];

    private static readonly Dictionary<Type, string> Names = new()
    {
        [typeof(AgenciesApi.Body)] = "CreateAgencyBody", // AgenciesApi holds two use cases
        [typeof(NotificationsApi.Item)] = "Notification",
    };

    private static readonly ConcurrentDictionary<string, Type> Named = new();

    private static string? SchemaName(JsonTypeInfo info)
    {
        var type = Nullable.GetUnderlyingType(info.Type) ?? info.Type; // int? and int share one schema
        var name = OpenApiOptions.CreateDefaultSchemaReferenceId(info);
        if (name is null) return null;
        if (Names.TryGetValue(type, out var given)) name = given;
        else if (type.IsNested && GenericNames.Contains(type.Name)) name = Trim(type.DeclaringType!.Name, "Api") + type.Name;
        var owner = Named.GetOrAdd(name, type);
        if (owner != type)
            throw new InvalidOperationException($"OpenAPI schema name '{name}' is taken by both {owner.FullName} and {type.FullName}; name one of them in OpenApiSetup.");
        return name;
    }

    private static string Trim(string name, string suffix) => name.EndsWith(suffix, StringComparison.Ordinal) ? name[..^suffix.Length] : name;

    /// <summary>The framework's web JSON defaults also read numbers written as strings, so it documents every number
    /// as "integer or string with a pattern"; generated clients then type counts and ids as number | string. CaseFlow
    /// always writes numbers, and the contract asks clients to send them.</summary>
    private static Task NumbersAreNumbers(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        const JsonSchemaType numeric = JsonSchemaType.Integer | JsonSchemaType.Number;
        if (schema.Type is { } type && (type & numeric) != 0)
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null; // the pattern of the number-as-string form
        }
        return Task.CompletedTask;
    }

    /// <summary>Enums go through <see cref="NamedEnumConverter"/>, which the framework cannot see into, so it documented
    /// them as schemas without a type (any value), and generated clients typed channels and kinds as unknown. Each is a
    /// string of its names; answers may also carry <see cref="NamedEnumConverter.Unrecognised"/> for a stored value
    /// that maps to no name, which requests never accept.</summary>
    private static Task EnumsByName(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (!type.IsEnum) return Task.CompletedTask;
        schema.Type = JsonSchemaType.String; // a nullable property refers to it through oneOf [null, this]
        schema.Enum = [.. Enum.GetNames(type).Append(NamedEnumConverter.Unrecognised).Select(n => (System.Text.Json.Nodes.JsonNode)System.Text.Json.Nodes.JsonValue.Create(n))];
        schema.Description = $"One of the names. {NamedEnumConverter.Unrecognised} appears only in answers, for a stored value that maps to no name " +
                             "(the annual report's check names such cases); a request that sends it is refused.";
        return Task.CompletedTask;
    }

    private static async Task DescribeOperationAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var policy = metadata.OfType<IAllowAnonymous>().Any()
            ? null
            : await AuthorizationPolicy.CombineAsync(
                context.ApplicationServices.GetRequiredService<IAuthorizationPolicyProvider>(),
                metadata.OfType<IAuthorizeData>(), metadata.OfType<AuthorizationPolicy>());

        // An empty list is written as "security: []": anonymous on purpose, not forgotten.
        operation.Security = policy is null ? [] : [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(CookieScheme, context.Document)] = [] }];
        operation.Responses ??= [];
        if (policy is not null)
        {
            AddProblem(operation, context.Document!, StatusCodes.Status401Unauthorized, "未登录或登录已过期（须带登录 Cookie）。");
            var roles = policy.Requirements.OfType<RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles).Distinct().ToList();
            if (roles.Count > 0)
            {
                var needed = $"须有角色：{string.Join("、", roles.Select(r => Roles.Labels.TryGetValue(r, out var l) ? $"{l}（{r}）" : r))}";
                var handlerToo = operation.Responses.ContainsKey("403");
                AddProblem(operation, context.Document!, StatusCodes.Status403Forbidden, handlerToo ? $"{needed}；或无权对所指的机关或案件执行此操作。" : $"{needed}。");
            }
        }

        RequireBody(operation);
        SortResponses(operation);
    }

    private static void AddProblem(OpenApiOperation operation, OpenApiDocument document, int status, string description)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses!.TryGetValue(key, out var existing) && existing is OpenApiResponse declared)
        {
            declared.Description = description;
            return;
        }
        operation.Responses[key] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { [ProblemJson] = new() { Schema = new OpenApiSchemaReference("ProblemDetails", document) } },
        };
    }

    /// <summary>Handlers take their JSON body as nullable so a missing body is answered with a field-level 400
    /// instead of the framework's bare one; to a client the body is required and is the named schema.</summary>
    private static void RequireBody(OpenApiOperation operation)
    {
        if (operation.RequestBody is not OpenApiRequestBody body || body.Content is null) return;
        foreach (var media in body.Content.Values)
        {
            if (media.Schema is OpenApiSchema { OneOf: { Count: 2 } choices } &&
                choices.SingleOrDefault(s => s is OpenApiSchemaReference) is { } named &&
                choices.Any(s => s.Type == JsonSchemaType.Null))
                media.Schema = named;
        }
        body.Required = true;
    }

    private static void SortResponses(OpenApiOperation operation)
    {
        var sorted = operation.Responses!.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        operation.Responses!.Clear();
        foreach (var (status, response) in sorted) operation.Responses[status] = response;
    }

    // Handlers that read HttpRequest themselves have their body described here rather than with Accepts(…): Accepts
    // also makes routing answer 415 to any other content type, before sign-in is checked and before the handler's
    // own field-level 400 ("请以 text/csv 发送 …"), and it would refuse content types the handler reads.

    /// <summary>What <c>UploadedTable</c> reads: one uploaded .csv/.xlsx file, or a CSV or .xlsx body.</summary>
    public static RouteHandlerBuilder DocumentsTableUpload(this RouteHandlerBuilder endpoint) =>
        endpoint.AddOpenApiOperationTransformer((operation, context, ct) =>
        {
            var file = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = "台账：multipart/form-data 上传一个 .csv（UTF-8）或 .xlsx 文件，或直接以 CSV（text/csv）或 .xlsx 作为请求体。",
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["multipart/form-data"] = new()
                    {
                        Schema = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Object,
                            Properties = new Dictionary<string, IOpenApiSchema> { ["file"] = file },
                            Required = new HashSet<string> { "file" },
                        },
                    },
                    ["text/csv"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                    ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"] = new() { Schema = file },
                },
            };
            return Task.CompletedTask;
        });

    /// <summary>POST /api/cases/{id}/actions/{action}: any action's payload, read as JSON whatever the content type.</summary>
    public static RouteHandlerBuilder DocumentsAnyActionPayload(this RouteHandlerBuilder endpoint) =>
        endpoint.AddOpenApiOperationTransformer((operation, context, ct) =>
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new()
                    {
                        Schema = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Object,
                            Description = "该操作的内容（见 /api/cases/{id}/actions/<操作> 各路径），另加 version。",
                            Properties = new Dictionary<string, IOpenApiSchema> { ["version"] = CaseVersion() },
                            AdditionalPropertiesAllowed = true,
                        },
                    },
                },
            };
            return Task.CompletedTask;
        });

    /// <summary>The headers every action reads: the case version the client saw, and a key that makes a retry safe.</summary>
    public static RouteHandlerBuilder DocumentsActionHeaders(this RouteHandlerBuilder endpoint) =>
        endpoint.AddOpenApiOperationTransformer((operation, context, ct) =>
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "If-Match",
                In = ParameterLocation.Header,
                Description = "客户端所见的案件版本，例如 \"3\"（或在请求体中给出 version）；版本已变则答复 409。",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "Idempotency-Key",
                In = ParameterLocation.Header,
                Description = "同一用户以同一键重发的请求得到第一次的结果，操作不会执行两次（不超过 200 个字符）。",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 200 },
            });
            return Task.CompletedTask;
        });

    private static OpenApiSchema CaseVersion() =>
        new() { Type = JsonSchemaType.Integer, Format = "int32", Description = "客户端所见的案件版本（或用 If-Match 请求头）。" };

    private static Task DescribeDocument(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Info.Title = "CaseFlow API";
        document.Info.Description =
            "政府信息公开申请办理系统（CaseFlow）的 HTTP 接口。登录（POST /api/auth/login）后以 Cookie 访问；错误均为 RFC 9457 problem details。";
        foreach (var server in document.Servers ?? [])
            server.Url = server.Url?.TrimEnd('/'); // "http://host:port/" would make clients write "//api/…"

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[CookieScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = context.ApplicationServices.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
                .Get(IdentityConstants.ApplicationScheme).Cookie.Name,
            Description = "POST /api/auth/login 设置的登录 Cookie；POST /api/auth/logout 清除。",
        };

        OptionalNullsInRequests(document);

        // Every problem CaseFlow writes carries the trace id of the request (ErrorsSetup), for support calls.
        foreach (var name in new[] { "ProblemDetails", "HttpValidationProblemDetails" })
            if (document.Components.Schemas?.TryGetValue(name, out var schema) == true && schema is OpenApiSchema problem)
            {
                problem.Properties ??= new Dictionary<string, IOpenApiSchema>();
                problem.Properties["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "请求的跟踪编号，报告问题时请一并提供。" };
            }

        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
            if (tag.Name is { } name && TagDescriptions.TryGetValue(name, out var description)) tag.Description = description;
        return Task.CompletedTask;
    }

    /// <summary>A body binds a property that is left out as null, so in a schema only requests use a nullable
    /// property may be omitted; responses always write every property, so there it stays required.</summary>
    private static void OptionalNullsInRequests(OpenApiDocument document)
    {
        var operations = document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []).ToList();
        var inRequests = new HashSet<string>();
        var inResponses = new HashSet<string>();
        foreach (var operation in operations)
        {
            foreach (var media in operation.RequestBody?.Content?.Values.AsEnumerable() ?? []) Collect(media.Schema, document, inRequests);
            foreach (var response in operation.Responses?.Values.AsEnumerable() ?? [])
                foreach (var media in response.Content?.Values.AsEnumerable() ?? []) Collect(media.Schema, document, inResponses);
        }
        foreach (var name in inRequests.Except(inResponses))
        {
            if (document.Components?.Schemas?.TryGetValue(name, out var schema) != true || schema is not OpenApiSchema { Required: { } required, Properties: { } properties }) continue;
            foreach (var (property, value) in properties)
                if (AllowsNull(value)) required.Remove(property);
        }
    }

    private static bool AllowsNull(IOpenApiSchema schema) =>
        schema.Type?.HasFlag(JsonSchemaType.Null) == true || schema.OneOf?.Any(s => s.Type == JsonSchemaType.Null) == true;

    /// <summary>The names of the component schemas <paramref name="schema"/> refers to, directly or through others.</summary>
    private static void Collect(IOpenApiSchema? schema, OpenApiDocument document, HashSet<string> names)
    {
        if (schema is OpenApiSchemaReference reference)
        {
            if (reference.Reference.Id is { } id && names.Add(id) && document.Components?.Schemas?.TryGetValue(id, out var target) == true)
                Collect(target, document, names);
            return;
        }
        if (schema is null) return;
        var nested = (schema.Properties?.Values ?? []).Concat(schema.OneOf ?? []).Concat(schema.AnyOf ?? []).Concat(schema.AllOf ?? [])
            .Append(schema.Items).Append(schema.AdditionalProperties);
        foreach (var s in nested) Collect(s, document, names);
    }

    private static readonly Dictionary<string, string> TagDescriptions = new()
    {
        ["Auth 登录"] = "登录、退出与当前用户。",
        ["Calendar 工作日历"] = "全国节假日安排与机关本地放假日；工作日推算（读取无需登录）。",
        ["Deadlines 法定期限"] = "按《政府信息公开条例》计算答复期限（无需登录）。",
        ["Agencies 机关"] = "机关树。",
        ["Workflows 流程定义"] = "办理流程的定义、版本与流程图。",
        ["Cases 案件"] = "申请登记、案件列表、详情与日志。",
        ["Case actions 案件操作"] = "流程中的各项操作，每项一个路径；请求体为该操作的内容，另加案件版本。",
        ["Notifications 提醒"] = "当前用户的提醒与督办。",
        ["Admin 运维"] = "定时任务与发件箱状态（系统管理员）。",
        ["Reports 年度报告"] = "政府信息公开工作年度报告：统计、导出、填报表二、锁定与解锁。",
        ["Import 台账导入"] = "历史台账与行政复议、诉讼台账的导入（全部成功或全部不导入）。",
        ["Users 用户"] = "用户账号：查看、新建、停用与启用、解除锁定、重设密码（系统管理员）。",
        ["Proceedings 无案件的复议与诉讼"] = "本机关不以某一申请案件为对象的行政复议和行政诉讼：登记、结果与期限提醒，计入年度报告。",
    };
}
