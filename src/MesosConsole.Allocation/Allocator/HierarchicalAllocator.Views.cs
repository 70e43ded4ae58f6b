using MesosConsole.Allocation.State;

namespace MesosConsole.Allocation;

public sealed partial class HierarchicalAllocator
{
    /// <summary>Each framework's allocation (offered + used, all roles) and DRF shares, ordered by framework id.</summary>
    public IReadOnlyList<FrameworkShare> GetShares()
    {
        lock (_gate)
        {
            var held = new Dictionary<FrameworkState, Resources>();
            foreach (var agent in _agentOrder)
            {
                foreach (var (membership, resources) in agent.Allocations)
                {
                    held[membership.Framework] = held.GetValueOrDefault(membership.Framework, Resources.Empty) + resources;
                }
            }

            return [.. _frameworks.Values.OrderBy(f => f.Id, StringComparer.Ordinal).Select(f => ShareOf(f, held.GetValueOrDefault(f, Resources.Empty)))];
        }
    }

    /// <summary>Every agent's total, available and allocated resources, in the order agents were added.</summary>
    public IReadOnlyList<AgentAllocations> GetAgents()
    {
        lock (_gate)
        {
            return [.. _agentOrder.Select(agent => new AgentAllocations(
                agent.Id,
                agent.Total,
                agent.Available,
                [.. agent.Allocations
                    .Select(a => new OfferAllocation(a.Key.Framework.Id, agent.Id, a.Key.Role.Name, a.Value))
                    .OrderBy(a => a.FrameworkId, StringComparer.Ordinal)
                    .ThenBy(a => a.Role, StringComparer.Ordinal)]))];
        }
    }

    private FrameworkShare ShareOf(FrameworkState framework, Resources allocated)
    {
        var amount = FairnessVector.Of(allocated);
        var shares = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var kind = 0; kind < FairnessVector.Kinds.Length; kind++)
        {
            if (_clusterTotal[kind] > 0)
            {
                shares[FairnessVector.Kinds[kind]] = amount[kind] / (double)_clusterTotal[kind];
            }
        }

        return new FrameworkShare(framework.Id, shares, shares.Values.DefaultIfEmpty(0).Max(), allocated);
    }
}
