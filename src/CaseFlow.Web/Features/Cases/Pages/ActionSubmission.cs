using System.Security.Claims;
using CaseFlow.Domain.Cases;
using CaseFlow.Web.Errors;
using CaseFlow.Workflows.Engine;

namespace CaseFlow.Web.Features.Cases.Pages;

/// <summary>A posted action form, wherever it was shown (the action's own page, the review page, the approvals page):
/// read what was typed, refuse what cannot be read, run the step through <see cref="PageActions"/> and turn what the
/// API would answer as problems into errors beside the fields — one place, so every page treats a form alike.</summary>
public static class ActionSubmission
{
    /// <summary><see cref="Done"/>: the step ran. <see cref="Forbidden"/>: the user may not run it (answer 403).
    /// Otherwise <see cref="View"/> is the form again with what was typed and the errors.</summary>
    public sealed record Result(bool Done, bool Forbidden, ActionFormView View);

    public static async Task<Result> RunAsync(PageActions actions, long caseId, ActionForm form, IFormCollection posted, ClaimsPrincipal user,
        CancellationToken ct, string idPrefix = "", string? postTo = null)
    {
        var errors = new FormErrors();
        var typed = form.Fields.Where(f => f.Kind != ActionForm.Kind.List).ToDictionary(f => f.InputName, f => posted[f.InputName].ToString());
        foreach (var list in form.Fields.Where(f => f.Kind == ActionForm.Kind.List))
            for (var i = 0; i < list.MaxRows; i++)
                foreach (var e in list.Entry!)
                    if (posted.TryGetValue(list.At(i, e).InputName, out var value)) typed[list.At(i, e).InputName] = value.ToString();
        var version = int.TryParse(posted["version"], out var v) ? v : -1;
        var view = new ActionFormView(caseId, version, form, typed, errors, idPrefix, postTo);

        var parseErrors = new List<Domain.FieldError>();
        var payload = form.Read(k => posted[k], parseErrors);
        errors.AddRange(parseErrors);
        if (form.Dangerous)
        {
            if (form.Fields.FirstOrDefault(f => f.Name == "Reason") is { } reason && string.IsNullOrWhiteSpace(posted[reason.InputName]))
                errors.Add(reason.JsonName, "请填写理由。");
            if (posted["confirm"] != "true") errors.Add("confirm", "请勾选确认。");
        }
        if (errors.Any) return new Result(false, false, view);

        try
        {
            await actions.ExecuteAsync(caseId, form.Action.Id, payload, version, user, ct);
            return new Result(true, false, view);
        }
        catch (CaseRuleException e) { AddError(errors, form, e.Field, e.Message); }
        catch (ValidationFailedException e) { foreach (var x in e.Errors) AddError(errors, form, x.Field, x.Message); }
        catch (InvalidPayloadException e) { foreach (var x in e.Errors) AddError(errors, form, x.Field, x.Message); }
        catch (ConflictException e) { errors.General.Add(e.Message); }
        catch (ActionNotAvailableException e) { errors.General.Add(e.Message); }
        catch (ActionForbiddenException) { return new Result(false, true, view); }
        return new Result(false, false, view);
    }

    private static void AddError(FormErrors errors, ActionForm form, string field, string message)
    {
        if (form.Fields.Any(f => f.Owns(field))) errors.Add(field, message);
        else errors.General.Add(message);
    }
}
