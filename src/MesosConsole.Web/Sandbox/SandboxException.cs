using MesosConsole.Web.Cluster;

namespace MesosConsole.Web.Sandbox;

/// <summary>A sandbox request that cannot be served (unknown agent, bad path), with a message fit to show.</summary>
public sealed class SandboxException(string message, Exception? innerException = null) : Exception(message, innerException)
{
    /// <summary>The base URL of an agent the cluster's current snapshot knows, or an exception saying why not.</summary>
    public static Uri AgentUrl(IConsoleCluster cluster, string agentId)
    {
        if (string.IsNullOrWhiteSpace(agentId))
        {
            throw new SandboxException("An agent id is required.");
        }

        if (!cluster.State.Current.Agents.TryGetValue(agentId, out var agent))
        {
            throw new SandboxException($"Cluster \"{cluster.Info.Name}\" has no agent \"{agentId}\" (as far as its master last said).");
        }

        return AgentAddress.Of(agent)
            ?? throw new SandboxException($"Agent \"{agentId}\" did not register an address (hostname and port) the console can reach.");
    }
}
