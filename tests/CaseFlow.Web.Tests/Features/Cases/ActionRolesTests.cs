using System.Net;
using CaseFlow.Web.Tests.Infrastructure;
using static CaseFlow.Web.Tests.Features.Cases.CaseApi;

namespace CaseFlow.Web.Tests.Features.Cases;

/// <summary>Every action of v1 refuses a role it does not list (403, nothing written), whatever the case's state.</summary>
[Trait("TimeZone", "Sensitive")]
public abstract class ActionRolesTests(CaseFlowApp app) : IAsyncLifetime
{
    public sealed class OnSqlite(SqliteApp app) : ActionRolesTests(app), IClassFixture<SqliteApp>;

    public sealed class OnPostgres(PostgresApp app) : ActionRolesTests(app), IClassFixture<PostgresApp>;

    private readonly Dictionary<string, HttpClient> _clients = [];
    private long _case;

    public async Task InitializeAsync()
    {
        app.Clock.SetChinaTime(new DateOnly(2026, 2, 12), new TimeOnly(10, 0));
        foreach (var (user, role) in new[] { ("officer", "Officer"), ("legal", "LegalAdviser"), ("head", "Head"), ("office", "Office"), ("admin", "Admin") })
            _clients[role] = await app.SignedInAsync(user, role);
        _case = Id(await _clients["Officer"].RegisterAsync());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    // action — a role that workflows/disclosure-request.v1.json does not allow for it
    [Theory]
    [InlineData("assign", "LegalAdviser")]
    [InlineData("requestCorrection", "Head")]
    [InlineData("receiveCorrection", "LegalAdviser")]
    [InlineData("recordCorrectionNoticeDelivery", "Admin")]
    [InlineData("acceptLateCorrection", "Head")]
    [InlineData("confirmCorrectionAbandoned", "Head")]
    [InlineData("requestCoHandling", "Head")]
    [InlineData("recordCoHandlingReply", "Office")]
    [InlineData("startConsultation", "LegalAdviser")]
    [InlineData("recordConsultationReply", "Head")]
    [InlineData("expireConsultation", "Admin")]
    [InlineData("sendFeeNotice", "Head")]
    [InlineData("recordPayment", "LegalAdviser")]
    [InlineData("acceptLatePayment", "LegalAdviser")]
    [InlineData("confirmFeeAbandoned", "Head")]
    [InlineData("askReasons", "Admin")]
    [InlineData("setArticle35ReplyDate", "Officer")]
    [InlineData("requestExtension", "Head")]
    [InlineData("approveExtension", "Officer")]
    [InlineData("rejectExtension", "LegalAdviser")]
    [InlineData("submitDraft", "LegalAdviser")]
    [InlineData("approveDraft", "Officer")]
    [InlineData("returnDraft", "Head")]
    [InlineData("signOff", "LegalAdviser")]
    [InlineData("returnFromSignOff", "Officer")]
    [InlineData("deliver", "Head")]
    [InlineData("replyOnTheSpot", "Office")]
    [InlineData("withdraw", "Admin")]
    [InlineData("void", "Head")]
    [InlineData("recordProceeding", "LegalAdviser")]
    [InlineData("recordProceedingResult", "Head")]
    public async Task A_role_the_definition_does_not_list_gets_403(string action, string role)
    {
        var before = await (await _clients["Officer"].GetAsync($"/api/cases/{_case}")).ReadJsonAsync();
        var problem = await (await _clients[role].ActAsync(_case, action, Version(before), "{}")).ReadProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("办理", (string?)problem["detail"]);
        var after = await (await _clients["Officer"].GetAsync($"/api/cases/{_case}")).ReadJsonAsync();
        Assert.Equal(Version(before), Version(after));
    }
}
