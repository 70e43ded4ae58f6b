using MesosConsole.Allocation;
using MesosConsole.Mesos.V1;
using MesosConsole.Mesos.V1.Scheduler;

namespace MesosConsole.LocalCluster.Master;

internal sealed partial class LocalMaster
{
    /// <summary>The allocator's offers for one cycle: turn each into an offer id and send OFFERS per framework.</summary>
    private void OnOffersAllocated(IReadOnlyList<OfferAllocation> allocations)
    {
        lock (_sync)
        {
            foreach (var byFramework in allocations.GroupBy(a => a.FrameworkId))
            {
                var offers = new List<Offer>();
                _frameworks.TryGetValue(byFramework.Key, out var framework);
                foreach (var allocation in byFramework)
                {
                    if (framework is not { Connected: true, Active: true } || !_agents.TryGetValue(allocation.AgentId, out var agent))
                    {
                        // Things changed between the cycle and now: hand the resources straight back.
                        _allocator.RecoverResources(allocation.FrameworkId, allocation.AgentId, allocation.Role, allocation.Resources, null);
                        continue;
                    }

                    var record = new OfferRecord(new OfferID($"{Id}-O{_nextOffer++}"), framework.Id, agent.Agent.Id,
                        allocation.Role, allocation.Resources, _time.GetUtcNow());
                    _offers[record.Id.Value] = record;
                    framework.Offers[record.Id.Value] = record;
                    agent.Offered += record.Resources;
                    if (_settings.OfferTimeout is { } timeout)
                    {
                        record.Timeout = _time.CreateTimer(_ => OfferTimedOut(record.Id), null, timeout, Timeout.InfiniteTimeSpan);
                    }

                    offers.Add(OfferWire(framework, agent, record));
                    framework.Metrics.OffersSent++;
                    NoteOfferSent(record);
                }

                if (offers.Count > 0)
                {
                    framework!.Metrics.OfferEvents++;
                    framework.Stream!.Send(new Event { Type = EventType.Offers, Offers = new OffersEvent { Offers = offers } });
                }
            }
        }
    }

    private Offer OfferWire(FrameworkRecord framework, AgentRecord agent, OfferRecord offer)
    {
        var multiRole = framework.MultiRole;
        var executors = framework.Tasks.Values
            .Where(t => t.AgentId.Value == agent.Id && !TaskStates.IsTerminal(t.State) && t.Wire.ExecutorId is not null)
            .Select(t => t.Wire.ExecutorId!).Distinct().ToList();
        return new Offer
        {
            Id = offer.Id,
            FrameworkId = framework.Id,
            AgentId = agent.Agent.Id,
            Hostname = agent.Agent.Info.Hostname,
            Url = new Url
            {
                Scheme = "http",
                Address = new Address { Hostname = agent.Agent.Info.Hostname, Ip = agent.Agent.Info.Hostname, Port = agent.Agent.Port },
                Path = "/" + agent.Agent.Pid[..agent.Agent.Pid.IndexOf('@', StringComparison.Ordinal)],
            },
            AllocationInfo = multiRole ? new AllocationInfo { Role = offer.Role } : null,
            Resources = ResourceMapping.ToWire(offer.Resources, "*", multiRole ? offer.Role : null),
            Attributes = agent.Agent.Info.Attributes is { Count: > 0 } attributes ? attributes : null,
            ExecutorIds = executors.Count > 0 ? executors : null,
        };
    }

    /// <summary>Takes an offer off the books and gives its resources back to the allocator.</summary>
    private void RemoveOffer(OfferRecord offer, bool rescind, TimeSpan? refuse)
    {
        ForgetOffer(offer);
        if (_frameworks.TryGetValue(offer.FrameworkId.Value, out var framework))
        {
            framework.Offers.Remove(offer.Id.Value);
            if (rescind)
            {
                framework.Metrics.OffersRescinded++;
                framework.Stream?.Send(new Event { Type = EventType.Rescind, Rescind = new RescindEvent { OfferId = offer.Id } });
            }
        }

        _allocator.RecoverResources(offer.FrameworkId.Value, offer.AgentId.Value, offer.Role, offer.Resources, refuse);
    }

    /// <summary>Drops an offer from the master's books (not the allocator's).</summary>
    private void ForgetOffer(OfferRecord offer)
    {
        _offers.Remove(offer.Id.Value);
        offer.Timeout?.Dispose();
        _frameworks.GetValueOrDefault(offer.FrameworkId.Value)?.Offers.Remove(offer.Id.Value);
        if (_agents.TryGetValue(offer.AgentId.Value, out var agent))
        {
            agent.Offered -= offer.Resources;
        }
    }

    private void OfferTimedOut(OfferID id)
    {
        lock (_sync)
        {
            if (_offers.TryGetValue(id.Value, out var offer))
            {
                _counters.OffersTimedOut++;
                RemoveOffer(offer, rescind: true, refuse: null);
                NoteOfferTimedOut(offer);
            }
        }
    }

    /// <summary>DECLINE: unknown offer ids are ignored, as in Mesos.</summary>
    public void Decline(FrameworkID frameworkId, DeclineCall decline)
    {
        var refuse = RefuseFor(decline.Filters);
        lock (_sync)
        {
            _counters.DeclineOffers++;
            foreach (var offerId in decline.OfferIds ?? [])
            {
                if (offerId?.Value is { } id && _offers.TryGetValue(id, out var offer) && offer.FrameworkId.Value == frameworkId.Value)
                {
                    RemoveOffer(offer, rescind: false, refuse);
                    if (_frameworks.TryGetValue(offer.FrameworkId.Value, out var decliner))
                    {
                        decliner.Metrics.OffersDeclined++;
                    }

                    NoteOfferDeclined(offer, refuse);
                }
            }
        }
    }

    /// <summary>Filters.refuse_seconds, defaulting to 5 s when the call gives none.</summary>
    private static TimeSpan RefuseFor(Filters? filters)
    {
        var seconds = filters?.RefuseSeconds;
        if (seconds is null)
        {
            return DefaultRefuse;
        }

        if (double.IsNaN(seconds.Value) || seconds.Value < 0)
        {
            return DefaultRefuse;
        }

        return TimeSpan.FromSeconds(Math.Min(seconds.Value, TimeSpan.FromDays(365).TotalSeconds));
    }
}
