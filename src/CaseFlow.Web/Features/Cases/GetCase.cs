using System.Security.Claims;
using CaseFlow.Data;
using CaseFlow.Data.Cases;
using CaseFlow.Domain;
using CaseFlow.Web.Errors;
using CaseFlow.Web.Features.Calendar;
using CaseFlow.Workflows.Definitions;
using CaseFlow.Workflows.Engine;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Web.Features.Cases;

/// <summary>GET /api/cases/{id}[?reveal=idDocument] — the case, its clock explained, and the actions the caller may
/// take now. The identity number is masked unless an officer, head or administrator asks for it; that read is journaled.</summary>
public static class GetCase
{
    public static async Task<CaseDetail> Handle(long id, string? reveal, ClaimsPrincipal user, CaseFlowDbContext db, WorkflowEngine engine,
        CalendarProvider calendars, TimeProvider time, CancellationToken ct)
    {
        var revealId = reveal switch
        {
            null or "" => false,
            "idDocument" => true,
            _ => throw new ValidationFailedException("reveal", "只能为 idDocument。"),
        };
        if (revealId && !(user.IsInRole(Roles.Officer) || user.IsInRole(Roles.Head) || user.IsInRole(Roles.Admin)))
            throw new ForbiddenException("只有承办人、负责人或系统管理员可以查看完整证件号码。");

        var c = await CaseAccess.LoadAsync(id, user, db, tracking: false, ct);
        if (revealId && c.IdDocumentNumber is not null)
        {
            db.CaseJournal.Add(CaseStepWriter.JournalEntry(c, CaseAccess.ActorOf(user).UserName, JournalActions.RevealIdDocument, null, c.State, null, null, time.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync(ct);
        }
        var calendar = await calendars.GetAsync(c.AgencyCode, ct);
        var actions = engine.AvailableActions(c, CaseAccess.ActorOf(user), ChinaTime.Today(time), calendar);
        var mail = await db.OutboxMessages.AsNoTracking().Where(m => m.CaseId == c.Id).OrderBy(m => m.Id)
            .Select(m => new CaseMail(m.Kind, m.To, m.Subject, m.Status, m.Attempts, m.LastError, m.CreatedAtUtc, m.SentAtUtc)).ToListAsync(ct);
        var similar = await ApplicantApplications.SimilarAsync(db, c, ct);
        return CaseViews.Detail(c, engine.DefinitionOf(c), c.Clock(calendar), actions, revealId, mail, similar);
    }
}
