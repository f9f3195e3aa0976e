using System.Text.Json;
using System.Text.Json.Serialization;

namespace CaseFlow.Domain;

/// <summary>
/// Reads an enum only by one of its names (any case): never a number, a numeric string or a comma list, which
/// <see cref="JsonStringEnumConverter"/> accepts and which would store a value no report can map. Writes the name;
/// a value without one (a corrupt stored row read leniently) is written as <see cref="Unrecognised"/>, which the API
/// document lists among each enum's values so that a generated client can read such an answer. It is never read.
/// </summary>
public sealed class NamedEnumConverter : JsonConverterFactory
{
    /// <summary>What answers carry for a stored value that maps to no name.</summary>
    public const string Unrecognised = "Unrecognised";

    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

    /// <summary>The defined value named <paramref name="text"/> (case-insensitive), if any.</summary>
    public static bool TryParse<TEnum>(string? text, out TEnum value) where TEnum : struct, Enum
    {
        foreach (var name in Enum.GetNames<TEnum>())
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
            {
                value = Enum.Parse<TEnum>(name);
                return true;
            }
        value = default;
        return false;
    }

    private sealed class Converter<TEnum> : JsonConverter<TEnum> where TEnum : struct, Enum
    {
        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && TryParse<TEnum>(reader.GetString(), out var value)
                ? value
                : throw new InvalidJsonValueException($"须为以下之一：{string.Join("、", Enum.GetNames<TEnum>())}（不接受数字）。");

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
            writer.WriteStringValue(Enum.IsDefined(value) ? value.ToString() : Unrecognised);
    }
}

/// <summary>A JSON value of the wrong kind, with a message fit to show the user (the serializer adds the path).</summary>
public sealed class InvalidJsonValueException(string message) : JsonException(message);
