using System.Security.Claims;
using CaseFlow.Data;
using CaseFlow.Data.Cases;
using CaseFlow.Domain;
using CaseFlow.Domain.Cases;
using CaseFlow.Domain.Reports;
using CaseFlow.Web.Errors;
using CaseFlow.Web.Features.Agencies;
using CaseFlow.Web.Features.Calendar;
using CaseFlow.Web.Features.Reports;
using CaseFlow.Web.Features.Workflows;
using CaseFlow.Workflows.Engine;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Web.Features.Cases;

/// <summary>POST /api/cases — registers a written application (登记). Officers register for their own agency,
/// the office for its agency or any below it. The case starts on the latest version of the lifecycle.</summary>
public static class RegisterRequest
{
    public sealed record Body(
        string? Agency, Channel? Channel, DateOnly? SubmittedOn, DateOnly? ConfirmedOn, DateTime? ArrivedAt,
        ApplicantKind? ApplicantKind, ApplicantColumn? OrganisationType, string? ApplicantName, string? IdDocumentNumber,
        string? Contact, string? Email, string? Address, string? RequestedInformation, string? RequestedForm, string? DeliveryChannel,
        IReadOnlyList<string?>? Items = null);

    public static async Task<IResult> Handle(Body? body, ClaimsPrincipal user, CaseFlowDbContext db, WorkflowEngine engine,
        CalendarProvider calendars, WriteGate writes, TimeProvider time, CancellationToken ct)
    {
        var today = ChinaTime.Today(time);
        var registration = Validate(body, today);
        var agency = body!.Agency ?? CaseAccess.ActorOf(user).AgencyCode;
        var calendar = await calendars.GetAsync(agency, ct); // 400 naming "agency" when it does not exist
        var visible = await AgencyTree.VisibleToAsync(user, db, ct);
        if (visible is not null && !visible.Contains(agency)) throw new ForbiddenException($"无权为机关“{agency}”登记申请。");

        var def = engine.Catalog.Latest(WorkflowsSetup.DisclosureRequest);
        var actor = CaseAccess.ActorOf(user).UserName;
        var now = time.GetUtcNow().UtcDateTime;

        ReceiptDate.Resolve(registration.Channel, registration.SubmittedOn, registration.ConfirmedOn, out var receivedOn);
        DisclosureRequest c;
        await db.Database.OpenConnectionAsync(ct); // before the gate: setting up a pooled connection needs no lock
        // One transaction, so one commit: the case number (the counter row), the case, journal, timers, waiting point
        // and outbox. A registration that fails leaves no gap in the numbers. On SQLite the gate queues registrations
        // for the write lock, which BEGIN takes at once; the work before it needs no lock.
        using (await writes.EnterAsync(ct))
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var sequence = await CaseNumberSequence.NextAsync(db, agency, receivedOn.Year, ct);
            c = DisclosureRequest.Register(registration, agency, sequence, def.DefinitionId, def.Version, def.InitialState, actor, now, calendar);
            await CaseStepWriter.InsertNewAsync(db, c, def, calendar, actor, JournalActions.Register, ApplicantMail.Acknowledgement(c) is { } ack ? [ack] : [], now, ct);
            // Read inside the transaction after the rows are written, so a report locked meanwhile is still seen: an open
            // case counts in its year of receipt and, as carried over, in every later year.
            await ReportLockGuard.EnsureUnchangedAsync(db, [new CaseChangeFacts(agency, null, CaseReportFacts.Of(c))], ct);
            await tx.CommitAsync(ct);
        }

        var detail = CaseViews.Detail(c, def, c.Clock(calendar), engine.AvailableActions(c, CaseAccess.ActorOf(user), today, calendar), revealId: false);
        return TypedResults.Created($"/api/cases/{c.Id}", detail);
    }

    private static DisclosureRequest.Registration Validate(Body? b, DateOnly today)
    {
        if (b is null) throw new ValidationFailedException("body", "请求体不能为空。");
        var errors = new List<FieldError>();
        if (b.Channel is null) errors.Add(new("channel", "必填：InPerson、RegisteredPost、OrdinaryLetter、Online、Fax、Email 之一。"));
        if (b.SubmittedOn is null) errors.Add(new("submittedOn", "必填：提交或到达日期，格式 YYYY-MM-DD。"));
        Add(errors, LegalDates.CheckPast(b.SubmittedOn, "submittedOn", today));
        Add(errors, LegalDates.CheckPast(b.ConfirmedOn, "confirmedOn", today));
        Add(errors, LegalDates.CheckPast(b.ArrivedAt?.ToUniversalTime(), "arrivedAt", today));
        if (b.ApplicantKind is null) errors.Add(new("applicantKind", "必填：NaturalPerson 或 Organisation。"));
        if (b.ApplicantKind == ApplicantKind.Organisation && b.OrganisationType is null or ApplicantColumn.NaturalPerson)
            errors.Add(new("organisationType", "法人或其他组织须填写类型：Business、Research、PublicInterest、LegalService、OtherOrganisation。"));
        if (b.ApplicantKind == ApplicantKind.NaturalPerson && b.OrganisationType is not null and not ApplicantColumn.NaturalPerson)
            errors.Add(new("organisationType", "自然人申请不填写组织类型。"));
        Add(errors, TextLimits.Check(b.Agency, "agency", TextLimits.AgencyCode));
        Text(errors, b.ApplicantName, "applicantName", TextLimits.ApplicantName, required: true);
        Text(errors, b.IdDocumentNumber, "idDocumentNumber", TextLimits.IdDocumentNumber);
        Text(errors, b.Contact, "contact", TextLimits.Contact);
        Text(errors, b.Email, "email", TextLimits.Email);
        if (b.Email is { Length: > 0 and <= TextLimits.Email } e && !System.Net.Mail.MailAddress.TryCreate(e, out _)) errors.Add(new("email", "电子邮件地址格式不正确。"));
        Text(errors, b.Address, "address", TextLimits.Address);
        Text(errors, b.RequestedInformation, "requestedInformation", TextLimits.RequestedInformation, required: true);
        if (b.Items is { Count: > ReplyItems.MaxItems }) errors.Add(new("items", $"一份申请最多列 {ReplyItems.MaxItems} 个事项；更多的请分件登记。"));
        else for (var i = 0; i < (b.Items?.Count ?? 0); i++)
                Text(errors, b.Items![i], $"items[{i}]", TextLimits.Request, required: true);
        Text(errors, b.RequestedForm, "requestedForm", TextLimits.RequestedForm);
        Text(errors, b.DeliveryChannel, "deliveryChannel", TextLimits.DeliveryChannel);
        if (b.Channel is { } ch && b.SubmittedOn is { } s && !errors.Any(x => x.Field is "submittedOn" or "confirmedOn"))
            errors.AddRange(ReceiptDate.Resolve(ch, s, b.ConfirmedOn, out _));
        ValidationFailedException.ThrowIfAny(errors);

        var column = b.ApplicantKind == ApplicantKind.NaturalPerson ? ApplicantColumn.NaturalPerson : b.OrganisationType!.Value;
        return new DisclosureRequest.Registration(b.Channel!.Value, b.SubmittedOn!.Value, b.ConfirmedOn, b.ArrivedAt?.ToUniversalTime(),
            column, b.ApplicantName!, b.IdDocumentNumber, b.Contact, b.Email, b.Address, b.RequestedInformation!, b.RequestedForm, b.DeliveryChannel,
            b.Items?.Select(x => x!).ToList());
    }

    private static void Text(List<FieldError> errors, string? value, string field, int max, bool required = false)
    {
        if (required && string.IsNullOrWhiteSpace(value)) errors.Add(new(field, "必填。"));
        else Add(errors, TextLimits.Check(value, field, max));
    }

    private static void Add(List<FieldError> errors, FieldError? error)
    {
        if (error is not null) errors.Add(error);
    }
}
