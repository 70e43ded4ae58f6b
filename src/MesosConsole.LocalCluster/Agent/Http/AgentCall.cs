using MesosConsole.Mesos.V1.Master;

namespace MesosConsole.LocalCluster.Agent.Http;

/// <summary>
/// mesos.v1.agent.Call.Type: the agent's operator calls. Its numbering differs from the master's, so a
/// master-only call (e.g. GET_AGENTS) is an unknown type here, as on a real agent.
/// </summary>
internal enum AgentCallType
{
    Unknown = 0,
    GetHealth = 1,
    GetFlags = 2,
    GetVersion = 3,
    GetMetrics = 4,
    GetLoggingLevel = 5,
    SetLoggingLevel = 6,
    ListFiles = 7,
    ReadFile = 8,
    GetState = 9,
    GetContainers = 10,
    GetFrameworks = 11,
    GetExecutors = 12,
    GetTasks = 13,
    GetAgent = 20,
}

/// <summary>mesos.v1.agent.Call, with the payloads of the calls the embedded agent answers. LIST_FILES and
/// READ_FILE carry the same messages as on the master.</summary>
internal sealed class AgentCall
{
    public AgentCallType? Type { get; set; }
    public ListFilesCall? ListFiles { get; set; }
    public ReadFileCall? ReadFile { get; set; }
}
