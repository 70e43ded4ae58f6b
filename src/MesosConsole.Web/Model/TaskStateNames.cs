using System.Text.Json;
using MesosConsole.Mesos.V1;

namespace MesosConsole.Web.Model;

/// <summary>Task states as operators know them from Mesos (TASK_RUNNING), not as C# spells them.</summary>
public static class TaskStateNames
{
    public static string Of(TaskState state) => JsonNamingPolicy.SnakeCaseUpper.ConvertName(state.ToString());
}
