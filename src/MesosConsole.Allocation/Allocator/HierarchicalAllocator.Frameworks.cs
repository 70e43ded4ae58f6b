using MesosConsole.Allocation.State;

namespace MesosConsole.Allocation;

public sealed partial class HierarchicalAllocator
{
    // Bumped whenever some framework may have become eligible for agents it could not take before
    // (added, activated, revived, roles or suppression changed). An agent's cached "nobody can take
    // it" verdict is only trusted while this is unchanged; see the cycle.
    private long _eligibilityEpoch;

    /// <summary>Adds an active framework subscribed to <paramref name="roles"/> (pass <c>*</c> for the default role).</summary>
    public void AddFramework(string frameworkId, IReadOnlyCollection<string> roles, IReadOnlyCollection<string>? suppressedRoles = null)
    {
        ArgumentNullException.ThrowIfNull(frameworkId);
        ArgumentNullException.ThrowIfNull(roles);
        List<AllocatorEvent>? decisions;
        lock (_gate)
        {
            if (_frameworks.ContainsKey(frameworkId))
            {
                throw new InvalidOperationException($"Framework '{frameworkId}' is already known to the allocator; use UpdateFramework.");
            }

            var framework = new FrameworkState(frameworkId);
            _frameworks.Add(frameworkId, framework);
            decisions = SetRoles(framework, roles, suppressedRoles ?? []);
        }

        PublishAll(decisions);
    }

    /// <summary>
    /// Replaces the framework's roles and suppressed roles (UPDATE_FRAMEWORK or a re-SUBSCRIBE). A role
    /// that leaves the suppressed set loses its refusal filters; a role the framework leaves keeps
    /// counting what it still holds until that is recovered.
    /// </summary>
    public void UpdateFramework(string frameworkId, IReadOnlyCollection<string> roles, IReadOnlyCollection<string>? suppressedRoles = null)
    {
        ArgumentNullException.ThrowIfNull(roles);
        List<AllocatorEvent>? decisions = null;
        lock (_gate)
        {
            if (_frameworks.TryGetValue(frameworkId, out var framework))
            {
                decisions = SetRoles(framework, roles, suppressedRoles ?? []);
            }
        }

        PublishAll(decisions);
    }

    /// <summary>Forgets the framework: its allocations return to the agents and its filters go.</summary>
    public void RemoveFramework(string frameworkId)
    {
        lock (_gate)
        {
            if (!_frameworks.Remove(frameworkId, out var framework))
            {
                return;
            }

            foreach (var membership in framework.Memberships.Values.ToList())
            {
                Unsubscribe(membership);
                foreach (var agent in _agentOrder)
                {
                    var held = agent.RecoverAll(membership);
                    if (!held.IsEmpty)
                    {
                        RemoveFromShares(membership, FairnessVector.Of(held));
                    }
                }

                ForgetIfUnused(membership);
            }
        }
    }

    public void ActivateFramework(string frameworkId)
    {
        lock (_gate)
        {
            if (_frameworks.TryGetValue(frameworkId, out var framework) && !framework.Active)
            {
                framework.Active = true;
                _eligibilityEpoch++;
            }
        }
    }

    /// <summary>An inactive framework keeps what it holds but gets no offers.</summary>
    public void DeactivateFramework(string frameworkId)
    {
        lock (_gate)
        {
            if (_frameworks.TryGetValue(frameworkId, out var framework))
            {
                framework.Active = false;
            }
        }
    }

    private List<AllocatorEvent>? SetRoles(FrameworkState framework, IReadOnlyCollection<string> roles, IReadOnlyCollection<string> suppressedRoles)
    {
        var wanted = roles.ToHashSet(StringComparer.Ordinal);
        var suppressed = suppressedRoles.ToHashSet(StringComparer.Ordinal);
        foreach (var membership in framework.Memberships.Values.Where(m => m.Subscribed && !wanted.Contains(m.Role.Name)).ToList())
        {
            Unsubscribe(membership);
            ForgetIfUnused(membership);
        }

        List<string> nowSuppressed = [], nowRevived = [];
        foreach (var role in wanted.Order(StringComparer.Ordinal))
        {
            var membership = TrackMembership(framework, role);
            var isNew = !membership.Subscribed;
            membership.Subscribed = true;
            var suppress = suppressed.Contains(role);
            if (membership.Suppressed && !suppress)
            {
                ClearFilters(membership); // §6.3: leaving the suppressed set clears the role's filters
                nowRevived.Add(role);
            }
            else if (suppress && (isNew || !membership.Suppressed))
            {
                nowSuppressed.Add(role);
            }

            membership.Suppressed = suppress;
        }

        _eligibilityEpoch++;
        if (Decision is null)
        {
            return null;
        }

        var now = _time.GetUtcNow();
        List<AllocatorEvent> decisions = [];
        if (nowSuppressed.Count > 0)
        {
            decisions.Add(new FrameworkSuppressed(now, framework.Id, nowSuppressed));
        }

        if (nowRevived.Count > 0)
        {
            decisions.Add(new FrameworkRevived(now, framework.Id, nowRevived));
        }

        return decisions;
    }

    /// <summary>The framework's membership of the role, created (not yet subscribed) when missing.</summary>
    private RoleMembership TrackMembership(FrameworkState framework, string roleName)
    {
        if (framework.Memberships.TryGetValue(roleName, out var membership))
        {
            return membership;
        }

        if (!_roles.TryGetValue(roleName, out var role))
        {
            _roles.Add(roleName, role = new RoleState(roleName));
            _roleOrder.Add(role);
        }

        membership = _slots.Create(framework, role);
        framework.Memberships.Add(roleName, membership);
        role.Members.Add(membership);
        _orderStale = true;
        return membership;
    }

    private void Unsubscribe(RoleMembership membership)
    {
        membership.Subscribed = false;
        membership.Suppressed = false;
        ClearFilters(membership);
    }

    /// <summary>Drops a membership nobody subscribes to once it holds nothing, freeing its slot and maybe its role.</summary>
    private void ForgetIfUnused(RoleMembership membership)
    {
        if (membership.Subscribed || membership.AgentsWithAllocation > 0)
        {
            return;
        }

        var role = membership.Role;
        membership.Framework.Memberships.Remove(role.Name);
        role.Members.Remove(membership);
        _slots.Release(membership);
        if (role.Members.Count == 0)
        {
            _roles.Remove(role.Name);
            _roleOrder.Remove(role);
        }
    }

    private void ClearFilters(RoleMembership membership)
    {
        foreach (var agent in _agentOrder)
        {
            agent.RemoveFilters(membership.Slot);
        }
    }

    private void PublishAll(List<AllocatorEvent>? decisions)
    {
        foreach (var decision in decisions ?? [])
        {
            Publish(decision);
        }
    }
}
