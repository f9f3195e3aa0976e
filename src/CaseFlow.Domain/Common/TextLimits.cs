namespace CaseFlow.Domain;

/// <summary>
/// The longest text, in characters, each free-text field accepts: one table for registration, the actions' payloads,
/// the ledger import and the database columns, so a field is never accepted in one place and refused (or truncated)
/// in another. Checked before anything is stored or journaled.
/// </summary>
public static class TextLimits
{
    // registration (the case's columns)
    public const int AgencyCode = 64;
    public const int ApplicantName = 200;
    public const int IdDocumentNumber = 50;
    public const int Contact = 200;
    public const int Email = 254;
    public const int Address = 500;
    public const int RequestedInformation = 4000;
    public const int RequestedForm = 100;
    public const int DeliveryChannel = 100;
    public const int CaseNumber = 100;

    // actions
    /// <summary>A user name (assigned officer).</summary>
    public const int UserName = 256;
    /// <summary>A unit, party, court or review body.</summary>
    public const int Name = 200;
    /// <summary>An outcome code or its Chinese label.</summary>
    public const int OutcomeCode = 100;
    /// <summary>Reasons (extension, art 35, withdrawal, voiding).</summary>
    public const int Reason = 1000;
    /// <summary>Review comments, reply summaries, the fee basis.</summary>
    public const int Comment = 2000;
    /// <summary>The correction items and a co-handling request.</summary>
    public const int Request = 4000;
    /// <summary>The reply letter's text.</summary>
    public const int DraftText = 100_000;

    /// <summary>Null when the value fits.</summary>
    public static FieldError? Check(string? value, string field, int max) =>
        value is { Length: var n } && n > max ? new FieldError(field, $"不能超过 {max:N0} 个字符（现有 {n:N0} 个）。") : null;
}
