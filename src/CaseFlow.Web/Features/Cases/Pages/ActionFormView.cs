namespace CaseFlow.Web.Features.Cases.Pages;

/// <summary>One action form as rendered: the case and version it applies to, what was typed and what was wrong.
/// <see cref="PostTo"/> lets another page (the review and approval pages) take the submission back to itself, so its
/// errors are shown where the form was; by default the form posts to the action's own page.</summary>
public sealed record ActionFormView(long CaseId, int Version, ActionForm Form, IReadOnlyDictionary<string, string> Values, FormErrors Errors, string IdPrefix = "",
    string? PostTo = null)
{
    public string Target => PostTo ?? $"/cases/{CaseId}/actions/{Form.Action.Id}";

    public string? Value(ActionForm.Field f) => Values.GetValueOrDefault(f.InputName);

    /// <summary>What the step declares required; the reason of a dangerous action is asked for even where the step
    /// would accept none.</summary>
    public bool Required(ActionForm.Field f) => f.Required || Form.Dangerous && f.Name == "Reason";

    /// <summary>The error summary's model: each error links to its field.</summary>
    public (FormErrors, Func<string, string?>, Func<string, string>) Summary => (Errors,
        x => Form.Fields.FirstOrDefault(f => f.JsonName == x) is { } f ? IdPrefix + f.Id : x == "confirm" ? IdPrefix + "f-confirm" : null,
        x => Form.Fields.FirstOrDefault(f => f.JsonName == x) is { } f ? f.Label : x == "confirm" ? "确认" : x);
}
