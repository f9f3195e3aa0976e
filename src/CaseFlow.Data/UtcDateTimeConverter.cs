using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CaseFlow.Data;

/// <summary>Every <see cref="DateTime"/> column holds an instant in UTC. SQLite keeps no kind, so values read
/// back are marked UTC; a local time is converted before it is written. (PostgreSQL maps DateTime to
/// <c>timestamp with time zone</c> either way.)</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
