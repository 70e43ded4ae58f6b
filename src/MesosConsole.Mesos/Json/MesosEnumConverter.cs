using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MesosConsole.Mesos.Json;

/// <summary>
/// Enums as Mesos writes them: the upstream value name (TASK_RUNNING). On input it also takes the
/// protobuf number, and — like Mesos for optional fields — turns an unknown name into "not set"
/// (null) instead of failing the whole message; validation then reports what is missing.
/// </summary>
public sealed class MesosEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsEnum || Nullable.GetUnderlyingType(typeToConvert)?.IsEnum == true;

    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Enum converters are created for known wire enums.")]
    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
    {
        var underlying = Nullable.GetUnderlyingType(typeToConvert);
        return underlying is null
            ? (JsonConverter)Activator.CreateInstance(typeof(EnumConverter<>).MakeGenericType(typeToConvert))!
            : (JsonConverter)Activator.CreateInstance(typeof(NullableEnumConverter<>).MakeGenericType(underlying))!;
    }

    internal static class Names<T> where T : struct, Enum
    {
        public static readonly Dictionary<string, T> ByName = Enum.GetValues<T>()
            .ToDictionary(v => JsonNamingPolicy.SnakeCaseUpper.ConvertName(v.ToString()), v => v, StringComparer.Ordinal);

        public static readonly Dictionary<T, JsonEncodedText> ByValue = ByName
            .ToDictionary(kv => kv.Value, kv => JsonEncodedText.Encode(kv.Key));

        public static bool TryRead(ref Utf8JsonReader reader, out T value)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                return ByName.TryGetValue(reader.GetString()!, out value);
            }

            if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var number))
            {
                value = (T)Enum.ToObject(typeof(T), number);
                return Enum.IsDefined(value);
            }

            throw new JsonException($"Expecting a string or number for {typeof(T).Name}");
        }

        public static void Write(Utf8JsonWriter writer, T value)
        {
            if (ByValue.TryGetValue(value, out var name))
            {
                writer.WriteStringValue(name);
            }
            else
            {
                writer.WriteNumberValue(Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    private sealed class EnumConverter<T> : JsonConverter<T> where T : struct, Enum
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Names<T>.TryRead(ref reader, out var value) ? value : default;

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            Names<T>.Write(writer, value);
    }

    private sealed class NullableEnumConverter<T> : JsonConverter<T?> where T : struct, Enum
    {
        public override bool HandleNull => true;

        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                return null;
            }

            return Names<T>.TryRead(ref reader, out var value) ? value : null;
        }

        public override void Write(Utf8JsonWriter writer, T? value, JsonSerializerOptions options)
        {
            if (value is { } v)
            {
                Names<T>.Write(writer, v);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }
}
