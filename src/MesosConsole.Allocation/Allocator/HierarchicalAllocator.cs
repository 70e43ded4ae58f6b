using MesosConsole.Allocation.State;

namespace MesosConsole.Allocation;

/// <summary>
/// Mesos' hierarchical DRF allocator: each cycle offers every agent's available resources, whole, to
/// the first eligible framework found by walking roles, then frameworks within a role, in ascending
/// dominant share. Thread-safe through one internal lock; callbacks and <see cref="Decision"/>
/// handlers run outside it and may call back in. All time comes from the <see cref="TimeProvider"/>.
/// Operations naming an unknown agent or framework are ignored (the master may race with removals);
/// adding one that exists throws.
/// </summary>
public sealed partial class HierarchicalAllocator : IDisposable
{
    private readonly Lock _gate = new();
    private readonly AllocatorOptions _options;
    private readonly TimeProvider _time;
    private readonly Action<IReadOnlyList<OfferAllocation>> _offerCallback;
    private readonly AllocatableMinimum _minimum;

    private readonly Dictionary<string, AgentState> _agents = new(StringComparer.Ordinal);
    private readonly List<AgentState> _agentOrder = [];
    private readonly Dictionary<string, FrameworkState> _frameworks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RoleState> _roles = new(StringComparer.Ordinal);
    private readonly List<RoleState> _roleOrder = [];
    private readonly MembershipSlots _slots = new();
    private FairnessVector _clusterTotal;

    public HierarchicalAllocator(AllocatorOptions options, TimeProvider time, Action<IReadOnlyList<OfferAllocation>> offerCallback)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(offerCallback);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.AllocationInterval, TimeSpan.Zero, nameof(options));
        _options = options;
        _time = time;
        _offerCallback = offerCallback;
        _minimum = AllocatableMinimum.From(options);
    }

    /// <summary>
    /// The teaching stream: every decision as it happens. While anyone listens, each cycle looks at
    /// every agent (instead of skipping agents whose verdict cannot have changed) so the stream shows
    /// every filtered framework; meant for the small clusters a teaching view watches.
    /// </summary>
    public event Action<AllocatorEvent>? Decision;

    public void AddAgent(string agentId, Resources total) => AddAgent(agentId, total, []);

    /// <summary>
    /// Adds an agent that already runs tasks (e.g. re-registering after a master failover):
    /// <paramref name="used"/> counts as allocated to those frameworks and is never offered. Each
    /// framework must be known; a role it does not subscribe to is tracked until recovered.
    /// </summary>
    public void AddAgent(string agentId, Resources total, IReadOnlyCollection<OfferAllocation> used)
    {
        ArgumentNullException.ThrowIfNull(agentId);
        ArgumentNullException.ThrowIfNull(total);
        ArgumentNullException.ThrowIfNull(used);
        lock (_gate)
        {
            if (_agents.ContainsKey(agentId))
            {
                throw new InvalidOperationException($"Agent '{agentId}' is already known to the allocator.");
            }

            ValidateUsed(agentId, total, used);
            var agent = new AgentState(agentId, total, _minimum);
            _agents.Add(agentId, agent);
            _agentOrder.Add(agent);
            _clusterTotal.Add(agent.TotalVector);
            foreach (var allocation in used)
            {
                var membership = TrackMembership(_frameworks[allocation.FrameworkId], allocation.Role);
                agent.Allocate(membership, allocation.Resources);
                AddToShares(membership, FairnessVector.Of(allocation.Resources));
            }

            _orderStale = true; // the cluster total changed, so every share did
        }
    }

    /// <summary>Forgets the agent; allocations on it simply vanish (the master rescinds its offers itself).</summary>
    public void RemoveAgent(string agentId)
    {
        lock (_gate)
        {
            if (!_agents.Remove(agentId, out var agent))
            {
                return;
            }

            _agentOrder.Remove(agent);
            _clusterTotal.Subtract(agent.TotalVector);
            foreach (var (membership, held) in agent.Allocations)
            {
                RemoveFromShares(membership, FairnessVector.Of(held));
                membership.AgentsWithAllocation--;
                ForgetIfUnused(membership);
            }

            _orderStale = true;
        }
    }

    public void Dispose()
    {
        ITimer? timer;
        lock (_gate)
        {
            timer = _timer;
            _timer = null;
            _disposed = true;
        }

        timer?.Dispose();
    }

    private void ValidateUsed(string agentId, Resources total, IReadOnlyCollection<OfferAllocation> used)
    {
        var remaining = total;
        foreach (var allocation in used)
        {
            if (allocation.AgentId != agentId)
            {
                throw new ArgumentException($"A used allocation names agent '{allocation.AgentId}', not '{agentId}'.", nameof(used));
            }

            if (!_frameworks.ContainsKey(allocation.FrameworkId))
            {
                throw new InvalidOperationException($"Used resources on agent '{agentId}' belong to unknown framework '{allocation.FrameworkId}'; add the framework first.");
            }

            if (!remaining.Contains(allocation.Resources))
            {
                throw new ArgumentException($"Used resources on agent '{agentId}' exceed its total {total}.", nameof(used));
            }

            remaining -= allocation.Resources;
        }
    }

    private void AddToShares(RoleMembership membership, in FairnessVector amount)
    {
        membership.Allocated.Add(amount);
        membership.Role.Allocated.Add(amount);
        _orderStale = true;
    }

    private void RemoveFromShares(RoleMembership membership, in FairnessVector amount)
    {
        membership.Allocated.Subtract(amount);
        membership.Role.Allocated.Subtract(amount);
        _orderStale = true;
    }

    private void Publish(AllocatorEvent? decision)
    {
        if (decision is not null)
        {
            Decision?.Invoke(decision);
        }
    }
}
