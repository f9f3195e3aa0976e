using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CaseFlow.Data;

/// <summary>
/// Enums are stored by name. A stored value that is no name of the enum (a number written by an older release, a row
/// edited by hand) reads as <see cref="Unknown"/> instead of failing the whole query: a report over a thousand cases
/// must not answer 500 for one bad row. No enum has the value −1, so the domain sees it as undefined and counts it
/// nowhere (the annual report names such cases in a failed check).
/// </summary>
public sealed class StoredEnumConverter<TEnum>() : ValueConverter<TEnum, string>(v => v.ToString(), s => Read(s))
    where TEnum : struct, Enum
{
    public static readonly TEnum Unknown = (TEnum)Enum.ToObject(typeof(TEnum), -1);

    private static readonly Dictionary<string, TEnum> Names = Enum.GetValues<TEnum>().ToDictionary(v => v.ToString(), StringComparer.Ordinal);

    public static TEnum Read(string stored) => Names.TryGetValue(stored, out var value) ? value : Unknown;
}

public static class StoredEnums
{
    /// <summary>Puts <see cref="StoredEnumConverter{TEnum}"/> on every enum property of the model.</summary>
    public static void UseStoredEnumConverters(this IMutableModel model)
    {
        foreach (var property in model.GetEntityTypes().SelectMany(e => e.GetDeclaredProperties()))
        {
            var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
            if (type.IsEnum)
                property.SetValueConverter((ValueConverter)Activator.CreateInstance(typeof(StoredEnumConverter<>).MakeGenericType(type))!);
        }
    }
}
