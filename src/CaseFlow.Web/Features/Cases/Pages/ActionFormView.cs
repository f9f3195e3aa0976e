namespace CaseFlow.Web.Features.Cases.Pages;

/// <summary>One action form as rendered: the case and version it applies to, what was typed and what was wrong.
/// <see cref="PostTo"/> lets another page (the review and approval pages) take the submission back to itself, so its
/// errors are shown where the form was; by default the form posts to the action's own page.</summary>
public sealed record ActionFormView(long CaseId, int Version, ActionForm Form, IReadOnlyDictionary<string, string> Values, FormErrors Errors, string IdPrefix = "",
    string? PostTo = null)
{
    public string Target => PostTo ?? $"/cases/{CaseId}/actions/{Form.Action.Id}";

    /// <summary>What a form of <paramref name="c"/> starts with: assigning proposes the signed-in officer; the items of a
    /// draft reply are the registered items, each row waiting for its outcome.</summary>
    public static ActionFormView Start(CaseDetail c, ActionForm form, string? userName, string idPrefix = "", string? postTo = null)
    {
        var values = form.Fields.Where(f => f.Name == "Officer").ToDictionary(f => f.InputName, _ => userName ?? "");
        var items = c.Details.RequestedItems;
        foreach (var list in form.Fields.Where(f => f.Kind == ActionForm.Kind.List && f.Name == "Items"))
            for (var i = 0; i < items.Count && i < list.MaxRows; i++)
                if (list.Entry!.FirstOrDefault(e => e.Name == "Item") is { } item) values[list.At(i, item).InputName] = items[i];
        return new ActionFormView(c.Id, c.Version, form, values, new FormErrors(), idPrefix, postTo) { ListRows = items.Count + 1 };
    }

    /// <summary>The least rows a list field shows: the application's registered items and one row more.</summary>
    public int ListRows { get; init; } = 1;

    /// <summary>A list starts open when the application lists items or something was typed into it; otherwise it is a
    /// folded option under the one outcome of the whole application.</summary>
    public bool ListOpen(ActionForm.Field list) => ListRows > 1 ||
        Values.Any(v => v.Key.StartsWith(list.InputName + "[", StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(v.Value)) ||
        Errors.All.Any(x => list.Owns(x.Field));

    public string? Value(ActionForm.Field f) => Values.GetValueOrDefault(f.InputName);

    /// <summary>What the step declares required; the reason of a dangerous action is asked for even where the step
    /// would accept none.</summary>
    public bool Required(ActionForm.Field f) => f.Required || Form.Dangerous && f.Name == "Reason";

    /// <summary>The error summary's model: each error links to its field.</summary>
    public (FormErrors, Func<string, string?>, Func<string, string>) Summary => (Errors,
        x => Find(x) is { } f ? IdPrefix + f.Id : x == "confirm" ? IdPrefix + "f-confirm" : null,
        x => Find(x) is { } f ? f.Label : x == "confirm" ? "确认" : x);

    /// <summary>The string value typed into row <paramref name="row"/>'s <paramref name="entry"/> of a list field.</summary>
    public string? Value(ActionForm.Field list, int row, ActionForm.Field entry) => Values.GetValueOrDefault(list.At(row, entry).InputName);

    /// <summary>The field an error key names: a field of the form, or a field of a row of a list ("items[1].outcome" is
    /// shown as 第2项 办理结果); a key naming the whole row links to its first field.</summary>
    private ActionForm.Field? Find(string key)
    {
        if (Form.Fields.FirstOrDefault(f => f.JsonName == key) is { } field) return field;
        var list = Form.Fields.FirstOrDefault(f => f.Kind == ActionForm.Kind.List && f.Owns(key));
        if (list is null) return null;
        var match = System.Text.RegularExpressions.Regex.Match(key[list.JsonName.Length..], @"^\[(\d+)\](?:\.(\w+))?$");
        if (!match.Success || !int.TryParse(match.Groups[1].Value, out var row)) return list;
        var entry = list.Entry!.FirstOrDefault(e => e.JsonName == match.Groups[2].Value) ?? list.Entry![0];
        var at = list.At(row, entry);
        return at with { Label = $"第{row + 1}个事项 {entry.Label}" };
    }
}
