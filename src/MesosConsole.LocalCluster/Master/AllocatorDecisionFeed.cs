using System.Threading.Channels;
using MesosConsole.Allocation;

namespace MesosConsole.LocalCluster.Master;

/// <summary>
/// Fans the allocator's teaching stream (plus the master's own offer outcomes) out to every open
/// <c>GET /console/v1/allocator/events</c> response, one NDJSON line per decision. It listens to the
/// allocator only while someone watches: a listener makes each cycle evaluate every agent, which a
/// large cluster should not pay for when nobody is looking.
/// </summary>
internal sealed class AllocatorDecisionFeed
{
    /// <summary>Lines a slow reader may fall behind by before its oldest are dropped.</summary>
    public const int SubscriberBuffer = 4096;

    private readonly Lock _gate = new();
    private readonly HierarchicalAllocator _allocator;
    private readonly TimeProvider _time;
    private readonly List<Channel<byte[]>> _subscribers = [];

    // Offer ids the master gave the allocator's latest allocations, by (framework, agent): the
    // allocator reports its OfferMade after the master has already numbered the offer.
    private readonly Dictionary<(string Framework, string Agent), string> _sentOffers = [];

    public AllocatorDecisionFeed(HierarchicalAllocator allocator, TimeProvider time)
    {
        _allocator = allocator;
        _time = time;
    }

    public bool HasSubscribers
    {
        get
        {
            lock (_gate)
            {
                return _subscribers.Count > 0;
            }
        }
    }

    public int SubscriberCount
    {
        get
        {
            lock (_gate)
            {
                return _subscribers.Count;
            }
        }
    }

    /// <summary>Opens a subscription whose first line is the allocator's current standing.</summary>
    public ChannelReader<byte[]> Subscribe(int allocationIntervalMs)
    {
        var channel = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(SubscriberBuffer)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        channel.Writer.TryWrite(AllocatorDecisionJson.Subscribed(_time.GetUtcNow(), _allocator.IsPaused, allocationIntervalMs, _allocator.GetShares()));
        lock (_gate)
        {
            _subscribers.Add(channel);
            if (_subscribers.Count == 1)
            {
                _allocator.Decision += OnDecision;
            }
        }

        return channel.Reader;
    }

    public void Unsubscribe(ChannelReader<byte[]> reader)
    {
        lock (_gate)
        {
            var index = _subscribers.FindIndex(c => c.Reader == reader);
            if (index < 0)
            {
                return;
            }

            _subscribers[index].Writer.TryComplete();
            _subscribers.RemoveAt(index);
            if (_subscribers.Count == 0)
            {
                _allocator.Decision -= OnDecision;
                _sentOffers.Clear();
            }
        }
    }

    /// <summary>Ends every subscription (the master is stopping).</summary>
    public void CloseAll()
    {
        lock (_gate)
        {
            foreach (var subscriber in _subscribers)
            {
                subscriber.Writer.TryComplete();
            }

            _subscribers.Clear();
            _allocator.Decision -= OnDecision;
        }
    }

    /// <summary>The master numbered an allocation; its OfferMade decision follows.</summary>
    public void OfferSent(string frameworkId, string agentId, string offerId)
    {
        lock (_gate)
        {
            if (_subscribers.Count > 0)
            {
                _sentOffers[(frameworkId, agentId)] = offerId;
            }
        }
    }

    /// <summary>Publishes a master-side outcome (accepted, declined, timed out, paused…), with shares after it.</summary>
    public void Publish(AllocatorDecisionJson.Outcome outcome)
    {
        if (!HasSubscribers)
        {
            return;
        }

        var share = outcome.FrameworkId is { } id ? ShareOf(id) : null;
        Broadcast(AllocatorDecisionJson.Write(outcome with { DominantShare = share }));
    }

    private void OnDecision(AllocatorEvent decision)
    {
        byte[] line;
        switch (decision)
        {
            case OfferMade made:
                string? offerId;
                lock (_gate)
                {
                    _sentOffers.Remove((made.FrameworkId, made.AgentId), out offerId);
                }

                line = AllocatorDecisionJson.OfferMade(made, offerId, ShareOf(made.FrameworkId));
                break;
            case CycleCompleted cycle:
                line = AllocatorDecisionJson.Cycle(cycle, _allocator.GetShares());
                break;
            default:
                line = AllocatorDecisionJson.Decision(decision);
                break;
        }

        Broadcast(line);
    }

    private double? ShareOf(string frameworkId) =>
        _allocator.GetShares().FirstOrDefault(s => s.FrameworkId == frameworkId)?.DominantShare;

    private void Broadcast(byte[] line)
    {
        lock (_gate)
        {
            foreach (var subscriber in _subscribers)
            {
                subscriber.Writer.TryWrite(line);
            }
        }
    }
}
