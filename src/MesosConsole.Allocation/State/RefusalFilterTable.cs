namespace MesosConsole.Allocation.State;

/// <summary>
/// One agent's refusal filters, indexed by membership slot. Built for the case where thousands of
/// frameworks have all refused the same agent, checked millions of times per cycle: the filters'
/// refused sets are interned (usually one or two distinct sets per agent), and for the agent's
/// current availability the table keeps one bitmap of the slots it is kept from, so the cycle tests
/// one bit per framework whatever the cluster size.
/// Mesos keeps every filter; a second filter for the same slot is kept too (in a rarely used
/// overflow) unless one of the two makes the other redundant.
/// </summary>
internal sealed class RefusalFilterTable
{
    private int[] _setBySlot = [];          // 0 = no filter
    private long[] _expiryBySlot = [];
    private Dictionary<int, List<RefusalFilter>>? _overflow;
    private long _earliestExpiry = long.MaxValue;
    private readonly RefusedSets _sets = new();

    // Slots kept from the agent by a primary filter, valid while _filteredFor is the availability
    // and no filter changed since.
    private ulong[] _filtered = [];
    private Resources? _filteredFor;

    /// <summary>The last refused set stored; the agent reuses it when its availability comes back equal.</summary>
    public Resources? LastRefused { get; private set; }

    public int Count { get; private set; }

    public void Add(int slot, Resources refused, long expiresAtTicks, Resources available)
    {
        var filter = new RefusalFilter(Intern(refused, available), expiresAtTicks);
        if (slot >= _setBySlot.Length)
        {
            var length = Math.Max(slot + 1, Math.Max(4, _setBySlot.Length * 2));
            Array.Resize(ref _setBySlot, length);
            Array.Resize(ref _expiryBySlot, length);
        }

        _earliestExpiry = Math.Min(_earliestExpiry, expiresAtTicks);
        if (Primary(slot) is not { } existing)
        {
            SetPrimary(slot, filter);
            Count++;
        }
        else if (filter.Dominates(existing))
        {
            ClearPrimary(slot);
            SetPrimary(slot, filter);
        }
        else if (!existing.Dominates(filter))
        {
            _overflow ??= [];
            if (!_overflow.TryGetValue(slot, out var extra))
            {
                _overflow[slot] = extra = [];
            }

            extra.Add(filter);
            Count++;
        }
    }

    /// <summary>Removes every filter of the slot; returns whether there was any.</summary>
    public bool Remove(int slot)
    {
        var removed = 0;
        if (slot < _setBySlot.Length && _setBySlot[slot] != 0)
        {
            ClearPrimary(slot);
            removed++;
        }

        if (_overflow is not null && _overflow.Remove(slot, out var extra))
        {
            removed += extra.Count;
        }

        Count -= removed;
        return removed > 0;
    }

    /// <summary>Whether a filter of the slot applies: the agent's <paramref name="available"/> is a subset of what was refused.</summary>
    public bool Applies(int slot, Resources available) => FirstUnfiltered([slot], available) < 0;

    /// <summary>
    /// The index of the first slot in <paramref name="slots"/> (negative entries are skipped) that no
    /// filter keeps from this agent, or -1. This is the allocation cycle's innermost loop.
    /// </summary>
    public int FirstUnfiltered(ReadOnlySpan<int> slots, Resources available)
    {
        var filtered = FilteredSlots(available);
        for (var i = 0; i < slots.Length; i++)
        {
            var slot = slots[i];
            if (slot < 0)
            {
                continue;
            }

            var word = slot >> 6;
            if (word < filtered.Length && (filtered[word] & (1UL << slot)) != 0)
            {
                continue;
            }

            if (_overflow is null || FindInOverflow(slot, available) is null)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The filter that keeps the slot from this agent, if any (for explaining a decision).</summary>
    public RefusalFilter? Find(int slot, Resources available)
    {
        if (Primary(slot) is { } primary && (ReferenceEquals(primary.Refused, available) || primary.Refused.Contains(available)))
        {
            return primary;
        }

        return _overflow is null ? null : FindInOverflow(slot, available);
    }

    /// <summary>Drops filters whose time has come and reports their slots; cheap when none is due.</summary>
    public bool RemoveExpired(long nowTicks, List<int>? expiredSlots)
    {
        if (_earliestExpiry > nowTicks)
        {
            return false;
        }

        var before = Count;
        var earliest = long.MaxValue;
        for (var slot = 0; slot < _setBySlot.Length; slot++)
        {
            if (_setBySlot[slot] == 0)
            {
                continue;
            }

            if (_expiryBySlot[slot] <= nowTicks)
            {
                ClearPrimary(slot);
                Count--;
                expiredSlots?.Add(slot);
            }
            else
            {
                earliest = Math.Min(earliest, _expiryBySlot[slot]);
            }
        }

        if (_overflow is not null)
        {
            earliest = Math.Min(earliest, RemoveExpiredOverflow(nowTicks, expiredSlots));
        }

        _earliestExpiry = earliest;
        return Count != before;
    }

    private RefusalFilter? Primary(int slot) =>
        (uint)slot < (uint)_setBySlot.Length && _setBySlot[slot] != 0
            ? new RefusalFilter(_sets[_setBySlot[slot]], _expiryBySlot[slot])
            : null;

    private void SetPrimary(int slot, RefusalFilter filter)
    {
        _setBySlot[slot] = _sets.Acquire(filter.Refused, slot);
        _expiryBySlot[slot] = filter.ExpiresAtTicks;
        _filteredFor = null;
    }

    private void ClearPrimary(int slot)
    {
        _sets.Release(_setBySlot[slot], slot);
        _setBySlot[slot] = 0;
        _expiryBySlot[slot] = 0;
        _filteredFor = null;
    }

    private ReadOnlySpan<ulong> FilteredSlots(Resources available)
    {
        if (!ReferenceEquals(available, _filteredFor))
        {
            if (_filtered.Length != _sets.Words)
            {
                _filtered = new ulong[_sets.Words];
            }

            _sets.CollectCovering(available, _filtered);
            _filteredFor = available;
        }

        return _filtered;
    }

    private RefusalFilter? FindInOverflow(int slot, Resources available)
    {
        if (_overflow!.TryGetValue(slot, out var extra))
        {
            foreach (var filter in extra)
            {
                if (ReferenceEquals(filter.Refused, available) || filter.Refused.Contains(available))
                {
                    return filter;
                }
            }
        }

        return null;
    }

    // Kept apart from RemoveExpired: its lambdas capture nowTicks, and C# allocates that closure on
    // entry to the method, which would cost every agent an allocation on every cycle.
    private long RemoveExpiredOverflow(long nowTicks, List<int>? expiredSlots)
    {
        var earliest = long.MaxValue;
        foreach (var extra in _overflow!.Values)
        {
            Count -= extra.RemoveAll(f => f.ExpiresAtTicks <= nowTicks);
            if (extra.Count > 0)
            {
                earliest = Math.Min(earliest, extra.Min(f => f.ExpiresAtTicks));
            }
        }

        foreach (var slot in _overflow.Where(e => e.Value.Count == 0).Select(e => e.Key).ToList())
        {
            _overflow.Remove(slot);
            expiredSlots?.Add(slot);
        }

        return earliest;
    }

    // Declines of the same agent tend to refuse equal sets; sharing one instance keeps the set
    // table at one entry and lets coverage be answered by reference.
    private Resources Intern(Resources refused, Resources available)
    {
        if (LastRefused is not null && LastRefused.Equals(refused))
        {
            return LastRefused;
        }

        return LastRefused = refused.Equals(available) ? available : refused;
    }
}
