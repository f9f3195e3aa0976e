using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace CaseFlow.Web.Tests.Infrastructure;

/// <summary>Request bodies are hand-written JSON text; responses are read as JSON after checking the status, with
/// the body in the failure message.</summary>
public static class Http
{
    public const string ProblemJson = "application/problem+json";

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, string json) =>
        client.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, string json) =>
        client.PutAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));

    /// <summary>Asserts the status and returns the body as a JSON object.</summary>
    public static async Task<JsonObject> ReadJsonAsync(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.ReadBodyAsync(expected);
        return JsonNode.Parse(body)?.AsObject() ?? throw new Xunit.Sdk.XunitException($"Empty JSON body: {body}");
    }

    /// <summary>Asserts an RFC 9457 problem with this status: problem+json content type, matching <c>status</c>,
    /// a <c>traceId</c>, and no stack trace.</summary>
    public static async Task<JsonObject> ReadProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.ReadBodyAsync(expected);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!.AsObject();
        Assert.Equal((int)expected, (int?)problem["status"]);
        Assert.False(string.IsNullOrEmpty((string?)problem["traceId"]), $"no traceId: {body}");
        return problem;
    }

    /// <summary>The messages of a 400 problem's <c>errors</c> entry for <paramref name="field"/>; fails when absent.</summary>
    public static string[] FieldErrors(this JsonObject problem, string field)
    {
        var errors = problem["errors"]?.AsObject();
        Assert.True(errors is not null && errors.ContainsKey(field), $"no error for field '{field}' in {problem.ToJsonString()}");
        return [.. errors![field]!.AsArray().Select(m => (string)m!)];
    }

    /// <summary>Reads the body, failing with it when the status differs or it shows a stack trace.</summary>
    public static async Task<string> ReadBodyAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected,
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        AssertNoStackTrace(body);
        return body;
    }

    public static void AssertNoStackTrace(string body) =>
        Assert.False(body.Contains("   at ", StringComparison.Ordinal), $"the response shows a stack trace: {body}");

    /// <summary>A JSON array of strings (dates) as a list, for exact comparison with a hand-written list.</summary>
    public static List<string> Strings(this JsonNode? array) => [.. array!.AsArray().Select(x => (string)x!)];
}
