namespace MesosConsole.Mesos.State;

/// <summary>The leading master the store is subscribed to, from GET_MASTER.</summary>
public sealed record MasterView(
    string Id,
    string? Hostname,
    int? Port,
    string? Pid,
    string? Version,
    DateTimeOffset? StartTime,
    DateTimeOffset? ElectedTime);
