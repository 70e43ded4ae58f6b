using MesosConsole.Mesos.V1;
using MudBlazor;

namespace MesosConsole.Web.Components.Controls;

/// <summary>One colour per task state wherever states show: running green, on its way blue, failed red.</summary>
public static class TaskStateColor
{
    public static Color Of(TaskState state) => state switch
    {
        TaskState.TaskRunning => Color.Success,
        TaskState.TaskStaging or TaskState.TaskStarting
            or TaskState.TaskKilling => Color.Info,
        TaskState.TaskFinished => Color.Default,
        TaskState.TaskFailed or TaskState.TaskError
            or TaskState.TaskLost => Color.Error,
        _ => Color.Warning,
    };
}
