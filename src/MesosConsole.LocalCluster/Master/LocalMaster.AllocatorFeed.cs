using System.Globalization;
using MesosConsole.Allocation;

namespace MesosConsole.LocalCluster.Master;

/// <summary>
/// The console's extension (not a Mesos API): the allocator's decisions as a live stream, and a
/// teaching "step" mode. The hooks below are called from the offer paths, under the master's lock.
/// </summary>
internal sealed partial class LocalMaster
{
    private AllocatorDecisionFeed? _decisionFeed;

    public AllocatorDecisionFeed DecisionFeed =>
        LazyInitializer.EnsureInitialized(ref _decisionFeed, () => new AllocatorDecisionFeed(_allocator, _time));

    public int AllocationIntervalMs => (int)Math.Round(_settings.AllocationInterval.TotalMilliseconds);

    public bool AllocatorPaused => _allocator.IsPaused;

    public IReadOnlyList<FrameworkShare> AllocatorShares() => _allocator.GetShares();

    public void PauseAllocator()
    {
        _allocator.Pause();
        DecisionFeed.Publish(new AllocatorDecisionJson.Outcome("PAUSED", _time.GetUtcNow(),
            "The allocator is paused: no periodic cycle runs until it is resumed. Step runs one cycle at a time.") { Paused = true });
    }

    public void ResumeAllocator()
    {
        _allocator.Resume();
        DecisionFeed.Publish(new AllocatorDecisionJson.Outcome("RESUMED", _time.GetUtcNow(),
            $"The allocator is running again: a cycle every {AllocationIntervalMs} ms.") { Paused = false });
    }

    /// <summary>Runs exactly one allocation cycle now; returns how many offers it made.</summary>
    public int StepAllocator()
    {
        DecisionFeed.Publish(new AllocatorDecisionJson.Outcome("STEP", _time.GetUtcNow(), "Running one allocation cycle by hand.") { Paused = _allocator.IsPaused });
        return _allocator.RunCycle().Count;
    }

    private void NoteOfferSent(OfferRecord offer)
    {
        _decisionFeed?.OfferSent(offer.FrameworkId.Value, offer.AgentId.Value, offer.Id.Value);
    }

    private void NoteOfferDeclined(OfferRecord offer, TimeSpan refuse)
    {
        if (_decisionFeed is not { HasSubscribers: true } feed)
        {
            return;
        }

        var seconds = refuse.TotalSeconds;
        var filter = RefusalFilterDuration.Effective(refuse, _settings.AllocationInterval);
        var message = filter is { } lasting
            ? $"Framework {offer.FrameworkId.Value} declined offer {offer.Id.Value} ({offer.Resources}) on agent {offer.AgentId.Value} and asked not to see that agent again for {Seconds(lasting)}: the allocator filters it out until then, unless the agent gets more to offer."
            : $"Framework {offer.FrameworkId.Value} declined offer {offer.Id.Value} on agent {offer.AgentId.Value} with refuse_seconds 0: no filter, so it may be offered the same resources in the next cycle.";
        feed.Publish(OfferOutcome("OFFER_DECLINED", offer, message) with { RefuseSeconds = filter?.TotalSeconds ?? seconds });
    }

    private void NoteOfferAccepted(OfferRecord offer, int tasks)
    {
        if (_decisionFeed is not { HasSubscribers: true } feed)
        {
            return;
        }

        feed.Publish(OfferOutcome("OFFER_ACCEPTED", offer,
            $"Framework {offer.FrameworkId.Value} accepted offer {offer.Id.Value} on agent {offer.AgentId.Value} and launched {tasks} task(s); what it left unused goes back to the allocator.")
            with { TasksLaunched = tasks });
    }

    private void NoteOfferTimedOut(OfferRecord offer)
    {
        if (_decisionFeed is not { HasSubscribers: true } feed)
        {
            return;
        }

        var timeout = _settings.OfferTimeout is { } t ? Seconds(t) : "the offer timeout";
        feed.Publish(OfferOutcome("OFFER_RESCINDED", offer,
            $"Offer {offer.Id.Value} to framework {offer.FrameworkId.Value} was held longer than {timeout} without an answer, so the master rescinded it and gave the resources back to the allocator."));
    }

    private AllocatorDecisionJson.Outcome OfferOutcome(string type, OfferRecord offer, string message) => new(type, _time.GetUtcNow(), message)
    {
        FrameworkId = offer.FrameworkId.Value,
        AgentId = offer.AgentId.Value,
        Role = offer.Role,
        OfferId = offer.Id.Value,
        Resources = offer.Resources.ToString(),
    };

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
}
