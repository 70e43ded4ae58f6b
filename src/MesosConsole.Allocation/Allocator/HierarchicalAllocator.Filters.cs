using MesosConsole.Allocation.State;

namespace MesosConsole.Allocation;

public sealed partial class HierarchicalAllocator
{
    /// <summary>
    /// Resources allocated earlier (offered or used) to the framework's role on the agent come back:
    /// a declined or rescinded offer, the unused part of an accepted one, a finished task. Only what
    /// the framework actually holds there is returned. With <paramref name="refuseFor"/>, a refusal
    /// filter keeps this agent from the framework's role while the agent has no more than
    /// <paramref name="resources"/> available (see <see cref="RefusalFilterDuration.Effective"/> for the
    /// duration rules: null or zero means no filter).
    /// </summary>
    public void RecoverResources(string frameworkId, string agentId, string role, Resources resources, TimeSpan? refuseFor)
    {
        ArgumentNullException.ThrowIfNull(resources);
        AllocatorEvent? decision = null;
        lock (_gate)
        {
            if (!_agents.TryGetValue(agentId, out var agent)
                || !_frameworks.TryGetValue(frameworkId, out var framework)
                || !framework.Memberships.TryGetValue(role, out var membership))
            {
                return;
            }

            var recovered = agent.Recover(membership, resources);
            if (!recovered.IsEmpty)
            {
                RemoveFromShares(membership, FairnessVector.Of(recovered));
            }

            if (membership.Subscribed && RefusalFilterDuration.Effective(refuseFor, _options.AllocationInterval) is { } duration)
            {
                var now = _time.GetUtcNow();
                var expires = now + duration;
                agent.AddFilter(membership.Slot, resources, expires.UtcTicks);
                decision = Decision is null ? null : new FilterAdded(now, frameworkId, agentId, role, resources, expires);
            }

            ForgetIfUnused(membership);
        }

        Publish(decision);
    }

    /// <summary>SUPPRESS: no more offers for these roles (null or empty: all of the framework's roles) until revived.</summary>
    public void Suppress(string frameworkId, IReadOnlyCollection<string>? roles = null)
    {
        AllocatorEvent? decision = null;
        lock (_gate)
        {
            if (_frameworks.TryGetValue(frameworkId, out var framework))
            {
                var targets = SubscribedMemberships(framework, roles);
                foreach (var membership in targets)
                {
                    membership.Suppressed = true;
                }

                decision = Decision is null ? null : new FrameworkSuppressed(_time.GetUtcNow(), frameworkId, RoleNames(targets));
            }
        }

        Publish(decision);
    }

    /// <summary>REVIVE: clears the refusal filters of these roles (null or empty: all) and lifts their suppression.</summary>
    public void Revive(string frameworkId, IReadOnlyCollection<string>? roles = null)
    {
        AllocatorEvent? decision = null;
        lock (_gate)
        {
            if (_frameworks.TryGetValue(frameworkId, out var framework))
            {
                var targets = SubscribedMemberships(framework, roles);
                foreach (var membership in targets)
                {
                    ClearFilters(membership);
                    membership.Suppressed = false;
                }

                _eligibilityEpoch++;
                decision = Decision is null ? null : new FrameworkRevived(_time.GetUtcNow(), frameworkId, RoleNames(targets));
            }
        }

        Publish(decision);
    }

    private static List<RoleMembership> SubscribedMemberships(FrameworkState framework, IReadOnlyCollection<string>? roles) =>
        [.. framework.Memberships.Values
            .Where(m => m.Subscribed && (roles is null || roles.Count == 0 || roles.Contains(m.Role.Name)))
            .OrderBy(m => m.Role.Name, StringComparer.Ordinal)];

    private static string[] RoleNames(List<RoleMembership> memberships) => [.. memberships.Select(m => m.Role.Name)];

    /// <summary>Drops every filter whose time has come. Expiry triggers nothing else: the next cycle simply sees the agent again.</summary>
    private void ExpireFilters(DateTimeOffset now, List<AllocatorEvent>? decisions)
    {
        var expiredSlots = decisions is null ? null : new List<int>();
        foreach (var agent in _agentOrder)
        {
            agent.RemoveExpiredFilters(now.UtcTicks, expiredSlots);
            if (expiredSlots is { Count: > 0 })
            {
                foreach (var slot in expiredSlots)
                {
                    if (_slots[slot] is { } membership)
                    {
                        decisions!.Add(new FilterExpired(now, membership.Framework.Id, agent.Id, membership.Role.Name));
                    }
                }

                expiredSlots.Clear();
            }
        }
    }
}
