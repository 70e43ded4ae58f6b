using System.Text.Json;
using MesosConsole.Mesos.V1;

namespace MesosConsole.Web.Model;

/// <summary>Task states (and reasons, sources) as operators know them from Mesos (TASK_RUNNING), not as C# spells them.</summary>
public static class TaskStateNames
{
    private static readonly Dictionary<string, TaskState> ByName =
        Enum.GetValues<TaskState>().ToDictionary(Of, s => s, StringComparer.OrdinalIgnoreCase);

    public static string Of(TaskState state) => JsonNamingPolicy.SnakeCaseUpper.ConvertName(state.ToString());

    /// <summary>REASON_COMMAND_EXECUTOR_FAILED, SOURCE_EXECUTOR: any Mesos enum name the same way.</summary>
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum =>
        JsonNamingPolicy.SnakeCaseUpper.ConvertName(value.ToString());

    /// <summary>TASK_RUNNING (any case) to its state.</summary>
    public static bool TryParse(string name, out TaskState state) => ByName.TryGetValue(name.Trim(), out state);
}
