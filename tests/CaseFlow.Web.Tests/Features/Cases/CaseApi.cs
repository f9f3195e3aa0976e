using System.Net;
using System.Text.Json.Nodes;
using CaseFlow.Web.Tests.Infrastructure;

namespace CaseFlow.Web.Tests.Features.Cases;

/// <summary>Helpers for the case API: registration and actions with hand-written JSON bodies.</summary>
public static class CaseApi
{
    public const string Registration = """
        {"channel":"InPerson","submittedOn":"2026-02-12","applicantKind":"NaturalPerson","applicantName":"张三",
         "idDocumentNumber":"11010519491231002X","contact":"13800000000","requestedInformation":"2025年某项目环评批复",
         "requestedForm":"纸质","deliveryChannel":"邮寄"}
        """;

    public static async Task<JsonObject> RegisterAsync(this HttpClient client, string body = Registration) =>
        await (await client.PostJsonAsync("/api/cases", body)).ReadJsonAsync(HttpStatusCode.Created);

    public static Task<HttpResponseMessage> ActAsync(this HttpClient client, long id, string action, int version, string payload = "{}")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{id}/actions/{action}")
        {
            Content = new StringContent(payload, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        return client.SendAsync(request);
    }

    /// <summary>Runs the action with the case's current version and returns the case afterwards.</summary>
    public static async Task<JsonObject> DoAsync(this HttpClient client, JsonObject c, string action, string payload = "{}") =>
        await (await client.ActAsync(Id(c), action, Version(c), payload)).ReadJsonAsync();

    /// <summary>v2's 当场答复 of an outcome that releases nothing: the draft goes through legal review and sign-off and is
    /// handed over in person on the day of receipt — a case concluded that day, for tests about what follows.</summary>
    public static async Task<JsonObject> ReplyOnTheSpotAsync(this HttpClient officer, JsonObject c, HttpClient legal, HttpClient head,
        string payload = """{"outcome":"NotProcessed.Repeated","text":"重复申请，不予处理。"}""")
    {
        c = await officer.DoAsync(c, "replyOnTheSpot", payload);
        c = await legal.DoAsync(c, "approveDraft");
        c = await head.DoAsync(c, "signOff");
        return await officer.DoAsync(c, "deliver", $$"""{"method":"InPerson","deliveredOn":"{{(string)c["receivedOn"]!}}"}""");
    }

    public static long Id(JsonObject c) => (long)c["id"]!;

    public static int Version(JsonObject c) => (int)c["version"]!;

    public static string? Due(JsonObject c) => (string?)c["clock"]!["dueOn"];

    public static List<string> Actions(JsonObject c) => [.. c["availableActions"]!.AsArray().Select(a => (string)a!["id"]!)];

    /// <summary>Records the 保密审查 a releasing reply needs before sign-off in v2 (domain.md §2.6), as the agency's
    /// confidentiality reviewer; conclusion matching the draft's outcome.</summary>
    public static async Task<JsonObject> ReviewConfidentialityAsync(this CaseFlowApp app, string agency, JsonObject c, bool partly = false)
    {
        var reviewer = await app.SignedInAsync($"{agency}-reviewer", "ConfidentialityReviewer", agency);
        return await reviewer.DoAsync(c, "recordConfidentialityReview", partly
            ? """{"documents":"拟部分公开的文件","conclusion":"PartlyDisclose","reasons":"部分内容涉及第三方商业秘密"}"""
            : """{"documents":"拟公开的文件","conclusion":"MayDisclose","reasons":"不涉及国家秘密、工作秘密和第三方合法权益"}""");
    }
}
