namespace CaseFlow.Domain;

/// <summary>A validation problem tied to one input field (a JSON path), shown to the user as is.</summary>
public sealed record FieldError(string Field, string Message);
