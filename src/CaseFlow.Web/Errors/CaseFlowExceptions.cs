using CaseFlow.Domain;

namespace CaseFlow.Web.Errors;

/// <summary>Bad input: one or more field-level messages. Becomes a 400 ProblemDetails.</summary>
public sealed class ValidationFailedException(IReadOnlyList<FieldError> errors)
    : Exception(string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")))
{
    public ValidationFailedException(string field, string message) : this([new FieldError(field, message)]) { }

    public IReadOnlyList<FieldError> Errors { get; } = errors;

    public static void ThrowIfAny(IReadOnlyCollection<FieldError> errors)
    {
        if (errors.Count > 0) throw new ValidationFailedException([.. errors]);
    }
}

public sealed class NotFoundException(string message) : Exception(message);

/// <summary>The request is valid but conflicts with the current state (stale version, action not available).</summary>
public sealed class ConflictException(string message, IDictionary<string, object?>? extensions = null) : Exception(message)
{
    public IDictionary<string, object?> Extensions { get; } = extensions ?? new Dictionary<string, object?>();
}

public sealed class ForbiddenException(string message) : Exception(message);
