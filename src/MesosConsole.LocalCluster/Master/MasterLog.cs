using Microsoft.Extensions.Logging;

namespace MesosConsole.LocalCluster.Master;

/// <summary>The master's log lines, source-generated so disabled levels cost nothing.</summary>
internal static partial class MasterLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Agent {AgentId} at {Pid} registered with {Resources}")]
    public static partial void AgentRegistered(ILogger logger, string agentId, string pid, MesosConsole.Allocation.Resources resources);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Agent {AgentId} removed: {Why}")]
    public static partial void AgentRemoved(ILogger logger, string agentId, string why);

    [LoggerMessage(Level = LogLevel.Information, Message = "Framework {FrameworkId} ({Name}) subscribed on stream {StreamId}")]
    public static partial void FrameworkSubscribed(ILogger logger, string frameworkId, string? name, string streamId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Framework {FrameworkId} disconnected; failover timeout {Seconds} s")]
    public static partial void FrameworkDisconnected(ILogger logger, string frameworkId, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Framework {FrameworkId} removed: {Why}")]
    public static partial void FrameworkRemoved(ILogger logger, string frameworkId, string why);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignoring acknowledgement for unknown task or update {TaskId}")]
    public static partial void AckIgnored(ILogger logger, string? taskId);
}
