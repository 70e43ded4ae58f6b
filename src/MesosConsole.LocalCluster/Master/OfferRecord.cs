using MesosConsole.Allocation;
using MesosConsole.Mesos.V1;

namespace MesosConsole.LocalCluster.Master;

/// <summary>An outstanding offer: resources of one agent, for one role, allocated to one framework.</summary>
internal sealed record OfferRecord(OfferID Id, FrameworkID FrameworkId, AgentID AgentId, string Role, Resources Resources, DateTimeOffset MadeAt)
{
    public ITimer? Timeout { get; set; }
}
