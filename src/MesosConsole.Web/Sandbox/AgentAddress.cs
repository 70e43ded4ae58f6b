using System.Globalization;
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
        var (pidHost, pidPort) = ParsePid(agent.Pid);
        var host = string.IsNullOrEmpty(agent.Hostname) ? pidHost : agent.Hostname;
        var port = agent.Port ?? pidPort;
        if (string.IsNullOrEmpty(host) || port is null)
        {
            return null;
        }

        return Uri.TryCreate($"http://{(host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host)}:{port}/",
            UriKind.Absolute, out var url) ? url : null;
    }

    private static (string? Host, int? Port) ParsePid(string? pid)
    {
        var at = pid?.IndexOf('@', StringComparison.Ordinal) ?? -1;
        if (pid is null || at < 0)
        {
            return (null, null);
        }

        var address = pid[(at + 1)..];
        var colon = address.LastIndexOf(':');
        return colon > 0 && int.TryParse(address[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            ? (address[..colon], port)
            : (null, null);
    }
}
