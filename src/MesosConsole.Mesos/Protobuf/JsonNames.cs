using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MesosConsole.Mesos.Protobuf;

/// <summary>The JSON key MesosJson writes for a property: [JsonPropertyName] or the snake_case of its name.</summary>
internal static class JsonNames
{
    public static string Of(PropertyInfo property) =>
        property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name);
}
