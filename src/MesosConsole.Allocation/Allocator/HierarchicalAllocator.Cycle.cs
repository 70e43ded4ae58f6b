using System.Globalization;
using System.Runtime.InteropServices;
using MesosConsole.Allocation.State;

namespace MesosConsole.Allocation;

public sealed partial class HierarchicalAllocator
{
    private ITimer? _timer;
    private volatile bool _paused;
    private bool _disposed;
    private int _tickRunning;

    // Set when shares may have moved outside a cycle (cluster total changed, resources recovered,
    // frameworks or roles came or went): the next cycle recomputes them and re-sorts once.
    private bool _orderStale;

    public bool IsPaused => _paused;

    /// <summary>Runs a cycle every <see cref="AllocatorOptions.AllocationInterval"/> on a <see cref="TimeProvider"/> timer.</summary>
    public void Start()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var interval = _options.AllocationInterval;
            _timer ??= _time.CreateTimer(static state => ((HierarchicalAllocator)state!).OnTimerTick(), this, interval, interval);
        }
    }

    /// <summary>Stops periodic cycles (a teaching "step" mode); <see cref="RunCycle"/> still works.</summary>
    public void Pause() => _paused = true;

    public void Resume() => _paused = false;

    /// <summary>Runs one allocation cycle now; the offers are returned and also passed to the offer callback (when any).</summary>
    public IReadOnlyList<OfferAllocation> RunCycle()
    {
        var started = _time.GetTimestamp();
        var observer = Decision;
        var decisions = observer is null ? null : new List<AllocatorEvent>();
        OfferAllocation[] offers;
        lock (_gate)
        {
            offers = Allocate(decisions);
        }

        if (offers.Length > 0)
        {
            _offerCallback(offers);
        }

        if (observer is not null)
        {
            decisions!.Add(new CycleCompleted(_time.GetUtcNow(), offers.Length, _time.GetElapsedTime(started)));
            foreach (var decision in decisions)
            {
                observer(decision);
            }
        }

        return offers;
    }

    /// <summary>
    /// Makes the next cycle evaluate every agent again, exactly as activating any framework would.
    /// For the benchmark that measures the cycle without its verdict cache.
    /// </summary>
    internal void ForgetCachedVerdicts()
    {
        lock (_gate)
        {
            _eligibilityEpoch++;
        }
    }

    private void OnTimerTick()
    {
        // A slow cycle must not pile up behind itself: a tick that finds one running is skipped.
        if (_paused || Interlocked.Exchange(ref _tickRunning, 1) == 1)
        {
            return;
        }

        try
        {
            RunCycle();
        }
        finally
        {
            Volatile.Write(ref _tickRunning, 0);
        }
    }

    /// <summary>
    /// One cycle. Agents are visited in the order they were added. An agent whose last evaluation
    /// found nobody to take it is skipped while nothing that decides eligibility has changed: its
    /// availability and filters (tracked per agent) and the set of frameworks that could take
    /// anything (the eligibility epoch). Shares only order the search, they never make a framework
    /// eligible, so they do not invalidate the verdict. This keeps the "everyone has declined
    /// everything" steady state nearly free; see the DeclineOffers benchmark.
    /// </summary>
    private OfferAllocation[] Allocate(List<AllocatorEvent>? decisions)
    {
        var now = _time.GetUtcNow();
        ExpireFilters(now, decisions);
        if (_orderStale)
        {
            RefreshOrder();
        }

        foreach (var role in _roleOrder)
        {
            role.RefreshCandidates();
        }

        var reuseVerdicts = decisions is null; // a listener wants to see every filtered framework
        List<OfferAllocation> offers = [];
        foreach (var agent in _agentOrder)
        {
            if (!agent.IsAllocatable
                || (reuseVerdicts && !agent.NeedsEvaluation && agent.VerdictEpoch == _eligibilityEpoch))
            {
                continue;
            }

            if (OfferAgent(agent, now, decisions) is { } offer)
            {
                offers.Add(offer);
            }
            else
            {
                agent.RecordNoOffer(_eligibilityEpoch);
            }
        }

        return [.. offers];
    }

    /// <summary>Walks roles, then each role's frameworks, in DRF order; the first eligible one gets the whole agent.</summary>
    private OfferAllocation? OfferAgent(AgentState agent, DateTimeOffset now, List<AllocatorEvent>? decisions)
    {
        for (var r = 0; r < _roleOrder.Count; r++)
        {
            var role = _roleOrder[r];
            var candidates = role.CandidateSlots;
            var first = agent.FirstUnfiltered(candidates);
            if (decisions is not null)
            {
                // Every candidate ahead of the one chosen (or all, if none was) was kept away by a filter.
                var filtered = first < 0 ? candidates.Length : first;
                for (var i = 0; i < filtered; i++)
                {
                    if (candidates[i] >= 0)
                    {
                        decisions.Add(FilteredOut(agent, role.Members[i], now));
                    }
                }
            }

            if (first >= 0)
            {
                return Offer(agent, r, first, now, decisions);
            }
        }

        return null;
    }

    private OfferAllocation Offer(AgentState agent, int roleIndex, int memberIndex, DateTimeOffset now, List<AllocatorEvent>? decisions)
    {
        var role = _roleOrder[roleIndex];
        var membership = role.Members[memberIndex];
        var resources = agent.Available;
        var shareBefore = membership.DominantShare;
        agent.Allocate(membership, resources);
        var amount = FairnessVector.Of(resources);
        membership.Allocated.Add(amount);
        membership.AllocationCount++;
        membership.DominantShare = membership.Allocated.DominantShareOf(_clusterTotal);
        role.Allocated.Add(amount);
        role.AllocationCount++;
        role.DominantShare = role.Allocated.DominantShareOf(_clusterTotal);
        role.RepositionAfterOffer(memberIndex);
        var roles = CollectionsMarshal.AsSpan(_roleOrder);
        DrfOrder.MoveRight(roles, roleIndex, DrfOrder.IndexAfterGrowth<RoleState>(roles, roleIndex, DrfOrder.Roles));

        var framework = membership.Framework.Id;
        decisions?.Add(new OfferMade(now, framework, agent.Id, role.Name, resources, shareBefore));
        return new OfferAllocation(framework, agent.Id, role.Name, resources);
    }

    private void RefreshOrder()
    {
        foreach (var role in _roleOrder)
        {
            foreach (var membership in role.Members)
            {
                membership.DominantShare = membership.Allocated.DominantShareOf(_clusterTotal);
            }

            role.DominantShare = role.Allocated.DominantShareOf(_clusterTotal);
            role.Members.Sort(DrfOrder.Memberships);
        }

        _roleOrder.Sort(DrfOrder.Roles);
        _orderStale = false;
    }

    private static AgentFilteredOut FilteredOut(AgentState agent, RoleMembership membership, DateTimeOffset now)
    {
        var filter = agent.FindFilter(membership.Slot)!.Value;
        var until = new DateTimeOffset(filter.ExpiresAtTicks, TimeSpan.Zero).ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        return new AgentFilteredOut(now, membership.Framework.Id, agent.Id, membership.Role.Name,
            $"it refused {filter.Refused} here until {until} and the agent has nothing more to offer");
    }
}
