using System.Text.Json;
using System.Text.Json.Serialization;

namespace MesosConsole.Mesos.Json;

/// <summary>
/// JSON in Mesos's protobuf dialect: proto field names (snake_case), enums as names, 64-bit integers
/// as bare numbers, bytes as padded Base64, unset fields omitted, unknown keys and nulls accepted.
/// </summary>
public static class MesosJson
{
    /// <summary>Mesos's own limit is far higher; 64 keeps a hostile body from exhausting the stack.</summary>
    public const int MaxDepth = 64;

    /// <summary>The exact media type Mesos writes (clients compare it with ==, so never add a charset).</summary>
    public const string ContentType = "application/json";

    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
            MaxDepth = MaxDepth,
            AllowTrailingCommas = false,
            ReadCommentHandling = JsonCommentHandling.Disallow,
        };
        options.Converters.Add(new MesosEnumConverterFactory());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    public static string SerializeToString<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T? Deserialize<T>(ReadOnlySpan<byte> utf8) => JsonSerializer.Deserialize<T>(utf8, Options);

    public static T? Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options);
}
