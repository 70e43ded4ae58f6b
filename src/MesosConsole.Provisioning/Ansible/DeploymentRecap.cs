using System.Text.Json;

namespace MesosConsole.Provisioning.Ansible;

/// <summary>The PLAY RECAP as stored with a run (<c>DeploymentRun.Recap</c>): one JSON object per host.</summary>
public static class DeploymentRecap
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Serialize(IReadOnlyList<RecapEntry> recap) => JsonSerializer.Serialize(recap, Json);

    /// <summary>The stored recap; empty when there is none (the run never got that far) or it cannot be read.</summary>
    public static IReadOnlyList<RecapEntry> Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<List<RecapEntry>>(json, Json) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
