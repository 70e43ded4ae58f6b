using MesosConsole.Mesos.Client;
using MesosConsole.Mesos.State;

namespace MesosConsole.Web.Sandbox;

/// <summary>Where an agent's HTTP endpoints are, worked out as the Mesos web UI does.</summary>
public static class AgentAddress
{
    /// <summary>
    /// <c>http://hostname:port/</c> from the agent's registration; when either is missing, the
    /// address in its pid (<c>slave(1)@10.0.0.5:5051</c>). Null when neither tells.
    /// </summary>
    public static Uri? Of(AgentView agent)
    {
        var fromPid = ProcessId.TryParse(agent.Pid, out var pid) ? pid : (ProcessId?)null;
        var host = string.IsNullOrEmpty(agent.Hostname) ? fromPid?.Host : agent.Hostname;
        var port = agent.Port ?? fromPid?.Port;
        if (string.IsNullOrEmpty(host) || port is null)
        {
            return null;
        }

        return Uri.TryCreate($"http://{(host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host)}:{port}/",
            UriKind.Absolute, out var url) ? url : null;
    }
}
