using Microsoft.Extensions.Logging;

namespace MesosConsole.LocalCluster.Agent;

/// <summary>The agent's log messages (source-generated: no formatting work when the level is off).</summary>
internal static partial class AgentLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignoring task {TaskId}: the agent is shutting down")]
    public static partial void LaunchWhileStopping(ILogger logger, string taskId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignoring task {TaskId} of framework {FrameworkId}: a task with that id is already running")]
    public static partial void DuplicateTask(ILogger logger, string taskId, string frameworkId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Kill of task {TaskId}: not running on this agent")]
    public static partial void KillOfUnknownTask(ILogger logger, string taskId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId} could not be launched: {Reason}")]
    public static partial void LaunchFailed(ILogger logger, string taskId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Supervising task {TaskId} failed")]
    public static partial void SupervisionFailed(ILogger logger, Exception exception, string taskId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Processes of task {TaskId} (group {GroupId}) survived SIGKILL")]
    public static partial void LeftoversSurvived(ILogger logger, string taskId, int groupId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The status sink failed on {State} of task {TaskId}")]
    public static partial void SinkFailed(ILogger logger, Exception exception, string? state, string? taskId);
}
