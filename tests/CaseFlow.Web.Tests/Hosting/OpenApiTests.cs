using System.Net;
using System.Text.Json.Nodes;
using CaseFlow.Web.Tests.Infrastructure;

namespace CaseFlow.Web.Tests.Hosting;

/// <summary>/openapi/v1.json documents every workflow action with its payload schema.</summary>
public sealed class OpenApiTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Every_action_of_v1_has_a_documented_route_with_its_payload()
    {
        var doc = JsonNode.Parse(await (await app.Anonymous().GetAsync("/openapi/v1.json")).ReadBodyAsync(HttpStatusCode.OK))!.AsObject();
        var paths = doc["paths"]!.AsObject();
        string[] actions =
        [
            "assign", "requestCorrection", "receiveCorrection", "expireCorrection", "requestCoHandling", "recordCoHandlingReply",
            "startConsultation", "recordConsultationReply", "expireConsultation", "sendFeeNotice", "recordPayment", "expireFeePayment",
            "askReasons", "setArticle35ReplyDate", "requestExtension", "approveExtension", "rejectExtension", "submitDraft",
            "approveDraft", "returnDraft", "signOff", "returnFromSignOff", "deliver", "replyOnTheSpot", "withdraw", "void",
            "recordProceeding", "recordProceedingResult",
            // v2
            "recordCorrectionNoticeDelivery", "acceptLateCorrection", "confirmCorrectionAbandoned", "acceptLatePayment", "confirmFeeAbandoned",
        ];
        foreach (var action in actions)
        {
            var post = paths[$"/api/cases/{{id}}/actions/{action}"]?["post"];
            Assert.True(post is not null, $"no documented route for {action}");
            Assert.NotNull(post!["requestBody"]?["content"]?["application/json"]?["schema"]);
            Assert.False(string.IsNullOrEmpty((string?)post["summary"]));
        }
        var submit = paths["/api/cases/{id}/actions/submitDraft"]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!;
        var reference = (string?)submit["$ref"];
        Assert.NotNull(reference);
        var schema = doc["components"]!["schemas"]![reference!.Split('/')[^1]]!;
        Assert.NotNull(schema["properties"]!["outcome"]);
        Assert.NotNull(schema["properties"]!["text"]);
        foreach (var route in new[] { "/api/cases", "/api/cases/{id}", "/api/cases/{id}/journal", "/api/agencies", "/api/calendar/add-working-days", "/api/deadlines/reply" })
            Assert.True(paths.ContainsKey(route), $"{route} is not documented");
    }
}
