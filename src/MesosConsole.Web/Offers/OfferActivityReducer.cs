using System.Collections.Immutable;

namespace MesosConsole.Web.Offers;

/// <summary>
/// How each decision (or each counters poll) changes what the offers view shows: pure functions, so
/// the rules are tested without a master. Noise stays out of the bounded log: cycles that made no
/// offer and "framework skipped" notes are logged only while the allocator is paused, when a teacher
/// steps through cycles one by one and wants to see every reason.
/// </summary>
public static class OfferActivityReducer
{
    public static OfferActivity Apply(OfferActivity activity, AllocatorDecision decision)
    {
        var next = activity;
        switch (decision.Kind)
        {
            case DecisionKind.Subscribed:
                next = next with
                {
                    Paused = decision.Paused,
                    AllocationIntervalMs = decision.AllocationIntervalMs,
                    Shares = decision.Shares ?? next.Shares,
                };
                break;
            case DecisionKind.Cycle:
                if (decision.Shares is { } shares)
                {
                    next = next with { Shares = shares };
                }

                break;
            case DecisionKind.Paused:
            case DecisionKind.Resumed:
                next = next with { Paused = decision.Paused ?? decision.Kind == DecisionKind.Paused };
                break;
            case DecisionKind.FilterAdded when decision is { FrameworkId: { } f, AgentId: { } agent, FilterUntil: { } until }:
                next = next with
                {
                    Filters = next.Filters
                        .RemoveAll(x => x.FrameworkId == f && x.AgentId == agent && x.Role == (decision.Role ?? "*"))
                        .Add(new ActiveFilter(f, agent, decision.Role ?? "*", until, decision.Resources)),
                };
                break;
            case DecisionKind.FilterExpired when decision is { FrameworkId: { } f, AgentId: { } agent }:
                next = next with { Filters = next.Filters.RemoveAll(x => x.FrameworkId == f && x.AgentId == agent && x.Role == (decision.Role ?? "*")) };
                break;
            case DecisionKind.Suppressed when decision.FrameworkId is { } f:
                next = next with
                {
                    SuppressedRoles = next.SuppressedRoles.SetItem(f,
                        next.SuppressedRoles.GetValueOrDefault(f, ImmutableHashSet<string>.Empty).Union(decision.Roles)),
                };
                break;
            case DecisionKind.Revived when decision.FrameworkId is { } f:
                next = next with
                {
                    SuppressedRoles = next.SuppressedRoles.SetItem(f,
                        next.SuppressedRoles.GetValueOrDefault(f, ImmutableHashSet<string>.Empty).Except(decision.Roles)),
                    // Reviving clears the framework's refusal filters for those roles.
                    Filters = next.Filters.RemoveAll(x => x.FrameworkId == f && decision.Roles.Contains(x.Role)),
                };
                break;
        }

        next = decision.Kind switch
        {
            DecisionKind.OfferMade => next with { Tally = next.Tally with { Made = next.Tally.Made + 1 } },
            DecisionKind.OfferAccepted => next with { Tally = next.Tally with { Accepted = next.Tally.Accepted + 1 } },
            DecisionKind.OfferDeclined => next with { Tally = next.Tally with { Declined = next.Tally.Declined + 1 } },
            DecisionKind.OfferRescinded => next with { Tally = next.Tally with { Rescinded = next.Tally.Rescinded + 1 } },
            _ => next,
        };

        if (decision is { FrameworkId: { } framework, DominantShare: { } share })
        {
            next = next with { Shares = next.Shares.SetItem(framework, share) };
        }

        next = next with { ShareHistory = Sample(next.ShareHistory, next.Shares, decision.At.UtcDateTime) };
        return ShouldLog(decision, next) ? next with { Decisions = Append(next.Decisions, decision) } : next;
    }

    /// <summary>A counters poll: new shares (computed by DRF from what frameworks hold), offers, and what moved.</summary>
    public static OfferActivity ApplyCounters(OfferActivity activity, OfferCounters counters, MasterFrameworks frameworks, DateTimeOffset now)
    {
        var shares = DominantShares.Compute(counters.Totals, frameworks.Holdings);
        var next = activity with
        {
            Counters = counters,
            OutstandingOffers = frameworks.Offers,
            PolledAt = now,
            Shares = shares,
            ShareHistory = Sample(activity.ShareHistory, shares, now.UtcDateTime),
            SuppressedRoles = counters.Frameworks.Values.ToImmutableDictionary(
                c => c.FrameworkId, c => c.SuppressedRoles.ToImmutableHashSet(), StringComparer.Ordinal),
        };

        if (activity.Counters is { } before)
        {
            foreach (var framework in counters.Frameworks.Values.OrderBy(f => f.FrameworkId, StringComparer.Ordinal))
            {
                var was = before.Frameworks.GetValueOrDefault(framework.FrameworkId);
                if (Movement(framework, was, activity.PolledAt ?? now) is { } message)
                {
                    next = next with
                    {
                        Decisions = Append(next.Decisions, new AllocatorDecision(DecisionKind.CountersChanged, now, message) { FrameworkId = framework.FrameworkId }),
                    };
                }
            }
        }

        return next;
    }

    private static string? Movement(FrameworkOfferCounters now, FrameworkOfferCounters? was, DateTimeOffset since)
    {
        var sent = now.Sent - (was?.Sent ?? 0);
        var accepted = now.Accepted - (was?.Accepted ?? 0);
        var declined = now.Declined - (was?.Declined ?? 0);
        var rescinded = now.Rescinded - (was?.Rescinded ?? 0);
        if (sent <= 0 && accepted <= 0 && declined <= 0 && rescinded <= 0)
        {
            return null;
        }

        List<string> parts = [];
        if (sent > 0)
        {
            parts.Add($"was sent {sent} offer(s)");
        }

        if (accepted > 0)
        {
            parts.Add($"accepted {accepted}");
        }

        if (declined > 0)
        {
            parts.Add($"declined {declined}");
        }

        if (rescinded > 0)
        {
            parts.Add($"had {rescinded} rescinded");
        }

        return $"Since {OffersFeed.Clock(since)}, framework {now.Name} {string.Join(", ", parts)} (from the master's counters).";
    }

    private static bool ShouldLog(AllocatorDecision decision, OfferActivity activity) => decision.Kind switch
    {
        DecisionKind.Cycle => decision.OffersMade > 0 || activity.Paused == true,
        DecisionKind.FrameworkSkipped => activity.Paused == true,
        _ => true,
    };

    private static ImmutableList<AllocatorDecision> Append(ImmutableList<AllocatorDecision> log, AllocatorDecision decision)
    {
        var next = log.Add(decision);
        return next.Count > OffersFeed.MaxDecisions ? next.RemoveRange(0, next.Count - OffersFeed.MaxDecisions) : next;
    }

    /// <summary>Adds the current shares as a point, merging with the last one when closer than the spacing.</summary>
    internal static ImmutableDictionary<string, ImmutableList<SharePoint>> Sample(
        ImmutableDictionary<string, ImmutableList<SharePoint>> history, IReadOnlyDictionary<string, double> shares, DateTime at)
    {
        var next = history;
        foreach (var (framework, share) in shares)
        {
            var series = next.GetValueOrDefault(framework, []);
            if (series.Count > 0 && at - series[^1].At < OffersFeed.ShareSpacing)
            {
                series = series.SetItem(series.Count - 1, series[^1] with { Share = share });
            }
            else
            {
                series = series.Add(new SharePoint(at, share));
                if (series.Count > OffersFeed.MaxSharePoints)
                {
                    series = series.RemoveAt(0);
                }
            }

            next = next.SetItem(framework, series);
        }

        return next;
    }
}
