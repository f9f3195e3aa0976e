using CaseFlow.Domain;

namespace CaseFlow.Web.Features.Cases.Pages;

/// <summary>Field errors of a page form, keyed like the API's (<c>submittedOn</c>, <c>text</c>, …) so the same
/// validation feeds both; the page shows each under its field and all of them in a summary that links to the fields.</summary>
public sealed class FormErrors
{
    private readonly List<FieldError> _errors = [];

    public bool Any => _errors.Count > 0;

    public IReadOnlyList<FieldError> All => _errors;

    /// <summary>Messages not tied to a field of this form (e.g. 案件已被他人修改).</summary>
    public List<string> General { get; } = [];

    public void Add(string field, string message)
    {
        if (!_errors.Any(e => e.Field == field && e.Message == message)) _errors.Add(new(field, message));
    }

    public void AddRange(IEnumerable<FieldError> errors)
    {
        foreach (var e in errors) Add(e.Field, e.Message);
    }

    public IEnumerable<string> For(string field) => _errors.Where(e => e.Field == field).Select(e => e.Message);

    public bool Has(string field) => _errors.Any(e => e.Field == field);
}
