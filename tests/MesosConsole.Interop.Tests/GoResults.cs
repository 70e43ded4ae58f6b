using System.Text.Json;

namespace MesosConsole.Interop.Tests;

// The single JSON lines the Go programs print (snake_case keys, see go/*/main.go).

public sealed record SchedulerTask(string Id, string AgentId, string State, List<string> States, string? Reason, string? Message, string Stdout);

public sealed record SchedulerOutput(string FrameworkId, List<SchedulerTask> Tasks, int Offers, int Declined, int Acknowledged, bool TornDown);

public sealed record OperatorMaster(string Id, string Pid, string Hostname, uint Port, string Version);

public sealed record OperatorAgent(string Id, string Hostname, int Port, bool Active, string Pid, string Version);

public sealed record OperatorFramework(string Id, string Name, bool Active, bool Connected, bool Completed);

public sealed record OperatorTask(string Id, string FrameworkId, string AgentId, string State, string List);

public sealed record OperatorCounts(int Agents, int Frameworks, int CompletedFrameworks, int Tasks, int CompletedTasks);

public sealed record OperatorOutput(
    bool Healthy,
    string Version,
    OperatorMaster Master,
    List<OperatorAgent>? Agents,
    List<OperatorFramework>? Frameworks,
    List<OperatorTask>? Tasks,
    Dictionary<string, int> TaskStates,
    OperatorCounts State,
    Dictionary<string, double> Metrics,
    OperatorCounts? Subscribed,
    bool Heartbeat,
    OperatorAgentApi? Agent);

public sealed record OperatorAgentApi(bool Healthy, string Version);

public static class GoOutput
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        RespectNullableAnnotations = true,
    };

    /// <summary>Parses the program's one JSON line, or fails with everything the program printed.</summary>
    public static T Parse<T>(ProcessResult result)
    {
        Assert.True(result.ExitCode == 0, $"The mesos-go program failed: {result}");
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length == 1, $"Expected exactly one JSON line on stdout: {result}");
        try
        {
            return JsonSerializer.Deserialize<T>(lines[0], Options) ?? throw new JsonException("null");
        }
        catch (JsonException ex)
        {
            Assert.Fail($"Could not read the program's JSON ({ex.Message}): {result}");
            throw;
        }
    }
}
