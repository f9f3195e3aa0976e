using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CaseFlow.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace CaseFlow.Web.Tests.Hosting;

/// <summary>
/// /openapi/v1.json is what offices generate their clients from. It must lint clean with Redocly's recommended rules,
/// a real generator (openapi-typescript) must turn it into types a strict TypeScript compiler accepts together with a
/// hand-written client (tests/openapi/client.ts), and what it says about sign-in, problems and bodies must be true.
/// The tools come from tests/openapi/package-lock.json (<c>npm ci --prefix tests/openapi</c>; tests/run.sh does it).
/// </summary>
public sealed class OpenApiContractTests(SqliteApp app, ITestOutputHelper output) : IClassFixture<SqliteApp>
{
    private const string ProblemRef = "#/components/schemas/ProblemDetails";
    private const string ValidationProblemRef = "#/components/schemas/HttpValidationProblemDetails";

    /// <summary>POST operations that read no body.</summary>
    private static readonly HashSet<string> NoBody = ["logout", "markNotificationRead", "markAllNotificationsRead", "lockAnnualReport", "enableUser", "unlockUser", "resendOutboxMessage"];

    [Fact]
    public async Task The_served_document_lints_clean_and_generates_a_typed_client_that_compiles()
    {
        var tools = Tools();
        var work = Directory.CreateTempSubdirectory("caseflow-openapi-");
        try
        {
            var document = Path.Combine(work.FullName, "v1.json");
            await File.WriteAllTextAsync(document, await DocumentTextAsync());

            var lint = await RunAsync(tools, "redocly", work.FullName,
                "lint", document, "--format=json", "--max-problems=10000", "--config", Path.Combine(tools, "redocly.yaml"));
            var report = JsonNode.Parse(lint.Stdout[lint.Stdout.IndexOf('{')..])!;
            var problems = report["problems"]!.AsArray().Select(p => (
                Severity: (string)p!["severity"]!, Rule: (string)p["ruleId"]!, Message: (string)p["message"]!,
                Where: (string?)p["location"]?[0]?["pointer"])).ToList();
            var errors = problems.Where(p => p.Severity == "error").ToList();
            var warnings = problems.Where(p => p.Severity == "warn").ToList();
            output.WriteLine($"redocly lint: {errors.Count} errors, {warnings.Count} warnings");
            foreach (var w in warnings) output.WriteLine($"  warning {w.Rule}: {w.Message} {w.Where}");
            Assert.True(errors.Count == 0 && (int)report["totals"]!["errors"]! == 0,
                $"redocly lint found {errors.Count} errors:\n{string.Join("\n", errors.Select(e => $"{e.Rule}: {e.Message} {e.Where}"))}");
            Assert.Equal(0, lint.ExitCode);
            // Only the two warnings tests/openapi/redocly.yaml explains (no licence named; logout has no 4xx): a new tag
            // without a description or an operation without a problem answer shows up here.
            Assert.Equal(["info-license", "operation-4xx-response"], warnings.Select(w => w.Rule).Order());

            var schema = Path.Combine(work.FullName, "schema.d.ts");
            var generate = await RunAsync(tools, "openapi-typescript", work.FullName, document, "-o", schema);
            Assert.True(generate.ExitCode == 0 && File.Exists(schema), $"openapi-typescript failed:\n{generate}");

            File.Copy(Path.Combine(tools, "client.ts"), Path.Combine(work.FullName, "client.ts"));
            var compile = await RunAsync(tools, "tsc", work.FullName,
                "--noEmit", "--strict", "--target", "es2022", "--lib", "es2022,dom", "--module", "esnext", "--moduleResolution", "bundler",
                "client.ts", "schema.d.ts");
            Assert.True(compile.ExitCode == 0, $"tsc --noEmit --strict client.ts schema.d.ts failed:\n{compile}");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_document_declares_the_cookie_problems_and_one_named_body_per_use_case()
    {
        var doc = JsonNode.Parse(await DocumentTextAsync())!;
        var scheme = doc["components"]!["securitySchemes"]!["cookie"]!;
        Assert.Equal("apiKey", (string?)scheme["type"]);
        Assert.Equal("cookie", (string?)scheme["in"]);
        Assert.Equal(await SignInCookieNameAsync(), (string?)scheme["name"]);

        var operations = Operations(doc);
        Assert.True(operations.Count >= 60, $"only {operations.Count} operations documented");
        foreach (var (method, path, op) in operations)
        {
            var id = (string?)op["operationId"];
            Assert.False(string.IsNullOrEmpty(id), $"{method} {path} has no operationId");
            Assert.True(op["security"] is JsonArray, $"{id}: no security stated");

            foreach (var (status, response) in op["responses"]!.AsObject().Where(r => r.Key.StartsWith('4')))
            {
                var content = response!["content"]?.AsObject();
                Assert.True(content is { Count: 1 } && content.ContainsKey(Http.ProblemJson), $"{id} {status}: not only {Http.ProblemJson}");
                var reference = (string?)content![Http.ProblemJson]!["schema"]!["$ref"];
                Assert.True(reference == ProblemRef || (status == "400" && reference == ValidationProblemRef), $"{id} {status}: points at {reference}");
            }

            if (method is "post" or "put" && !NoBody.Contains(id!))
            {
                var body = op["requestBody"];
                Assert.True(body is not null, $"{id} reads a body but declares none");
                Assert.True((bool?)body!["required"] == true, $"{id}: body not required");
                Assert.NotEmpty(body["content"]!.AsObject());
                foreach (var (type, media) in body["content"]!.AsObject())
                {
                    var schema = media!["schema"]!;
                    Assert.True(schema["$ref"] is not null || schema["type"] is not null, $"{id} {type}: the body has no schema");
                    Assert.False((string?)schema["$ref"] is "#/components/schemas/Body", $"{id}: body still named Body");
                }
            }
        }
        var byId = operations.ToDictionary(o => (string)o.Op["operationId"]!, o => o.Op);

        // Each body is its use case's own schema (they used to share the name Body, so one replaced the others).
        foreach (var (id, name, property) in new[]
                 {
                     ("registerCase", "RegisterRequestBody", "requestedInformation"), ("createAgency", "CreateAgencyBody", "correctionPeriodWorkingDays"),
                     ("putCalendarYear", "PutCalendarYearBody", "makeUpWorkdays"), ("computeReplyDeadline", "ComputeReplyDeadlineBody", "receivedOn"),
                     ("login", "LoginBody", "password"), ("unlockAnnualReport", "UnlockBody", "reason"),
                 })
        {
            Assert.Equal($"#/components/schemas/{name}", (string?)byId[id]["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]);
            Assert.True(doc["components"]!["schemas"]![name]!["properties"]![property] is not null, $"{name} lacks {property}");
        }
        // A body's nullable fields may be left out (they bind as null); a response always has every field.
        Assert.Null(doc["components"]!["schemas"]!["RegisterRequestBody"]!["required"]);
        Assert.Contains("agency", doc["components"]!["schemas"]!["CaseDetail"]!["required"]!.AsArray().Select(r => (string?)r));
        Assert.True(doc["components"]!["schemas"]!["AddWorkingDaysResponse"]!["properties"]!["result"] is not null);
        Assert.True(doc["components"]!["schemas"]!["GetCalendarYearResponse"]!["properties"]!["daysOff"] is not null);
        Assert.True(doc["components"]!["schemas"]!["ComputeReplyDeadlineResponse"]!["properties"]!["dueOn"] is not null);

        // The anonymous endpoints say so; the others need the cookie, and a role where one is required.
        foreach (var id in new[] { "computeReplyDeadline", "login", "logout", "addWorkingDays", "getCalendarYear" })
            Assert.True(byId[id]["security"]!.AsArray().Count == 0, $"{id} should be anonymous: {byId[id]["security"]!.ToJsonString()}");
        Assert.Equal("""[{"cookie":[]}]""", byId["registerCase"]["security"]!.ToJsonString());
        string[] Statuses(string id) => [.. byId[id]["responses"]!.AsObject().Select(r => r.Key)];
        Assert.Equal(["201", "400", "401", "403", "409"], Statuses("registerCase"));
        Assert.Equal(["200", "400", "401", "403"], Statuses("putCalendarYear"));
        Assert.Equal(["200", "401", "403"], Statuses("getJobsStatus"));
        Assert.Equal(["200", "401", "404"], Statuses("getCaseJournal"));
        Assert.Equal(["200", "400", "401", "403", "404", "409"], Statuses("action-submitDraft"));
        Assert.Equal(["200", "400", "401", "403", "409", "413"], Statuses("importLedger"));
        Assert.Equal(["200", "400", "404"], Statuses("getCalendarYear"));
        var upload = byId["importLedger"]["requestBody"]!["content"]!.AsObject();
        Assert.Equal(["multipart/form-data", "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"], upload.Select(c => c.Key));
        Assert.Equal("binary", (string?)upload["multipart/form-data"]!["schema"]!["properties"]!["file"]!["format"]);
        Assert.Equal(["If-Match", "Idempotency-Key"],
            byId["action-submitDraft"]["parameters"]!.AsArray().Where(p => (string?)p!["in"] == "header").Select(p => (string)p!["name"]!));
    }

    /// <summary>The document's security is what the server enforces: every operation it says needs the cookie answers
    /// an anonymous request with a 401 problem, and none it calls anonymous does.</summary>
    [Fact]
    public async Task Every_operation_documented_as_signed_in_refuses_an_anonymous_request_and_no_other_does()
    {
        var doc = JsonNode.Parse(await DocumentTextAsync())!;
        var client = app.Anonymous();
        foreach (var (method, path, op) in Operations(doc))
        {
            var url = path.Replace("{id}", "1").Replace("{year}", "2026").Replace("{version}", "1").Replace("{action}", "assign")
                .Replace("{row}", "x").Replace("{column}", "y");
            var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url);
            if (method is "post" or "put") request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            var response = await client.SendAsync(request);
            var signedIn = op["security"]!.AsArray().Count > 0;
            if (signedIn)
                await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
            else
                Assert.True(response.StatusCode != HttpStatusCode.Unauthorized, $"{method} {url} is documented as anonymous but answered 401");
        }
    }

    private async Task<string> DocumentTextAsync() =>
        await (await app.Anonymous().GetAsync("/openapi/v1.json")).ReadBodyAsync(HttpStatusCode.OK);

    /// <summary>The name of the cookie that signing in really sets.</summary>
    private async Task<string> SignInCookieNameAsync()
    {
        await app.CreateUserAsync("openapi-officer", CaseFlow.Workflows.Definitions.Roles.Officer);
        var login = await app.Anonymous().PostJsonAsync("/api/auth/login", $$"""{"userName":"openapi-officer","password":"{{CaseFlowApp.Password}}"}""");
        await login.ReadJsonAsync();
        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"));
        return cookie[..cookie.IndexOf('=')];
    }

    private static List<(string Method, string Path, JsonObject Op)> Operations(JsonNode doc) =>
    [
        .. doc["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject()
            .Where(m => m.Key is "get" or "put" or "post" or "delete" or "patch")
            .Select(m => (m.Key, p.Key, m.Value!.AsObject()))),
    ];

    /// <summary>tests/openapi, with its npm packages installed.</summary>
    private static string Tools()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CaseFlow.sln"))) dir = dir.Parent;
        var tools = Path.Combine(dir?.FullName ?? throw new InvalidOperationException("CaseFlow.sln not found above " + AppContext.BaseDirectory), "tests", "openapi");
        foreach (var tool in new[] { "redocly", "openapi-typescript", "tsc" })
            Assert.True(File.Exists(Path.Combine(tools, "node_modules", ".bin", tool)),
                $"tests/openapi/node_modules/.bin/{tool} is missing: run `npm ci --prefix tests/openapi` (tests/run.sh does) and Node.js must be installed.");
        return tools;
    }

    private sealed record Run(int ExitCode, string Stdout, string Stderr)
    {
        public override string ToString() => $"exit code {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
    }

    private static async Task<Run> RunAsync(string tools, string tool, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(Path.Combine(tools, "node_modules", ".bin", tool))
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var a in args) start.ArgumentList.Add(a);
        // No usage data, no update checks, no colours in the output we parse.
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} {string.Join(' ', args)} did not finish in 5 minutes.");
        }
        return new Run(process.ExitCode, await stdout, await stderr);
    }
}
