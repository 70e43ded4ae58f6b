namespace MesosConsole.Allocation.State;

/// <summary>
/// The distinct refused resource sets of one agent's filters, numbered from 1 and reference
/// counted, with a memo of which of them cover the agent's current availability.
/// </summary>
internal sealed class RefusedSets
{
    private readonly Dictionary<Resources, int> _indexOf = new(ReferenceEqualityComparer.Instance);
    private readonly Stack<int> _free = new();
    private Resources?[] _sets = new Resources?[2];
    private int[] _uses = new int[2];
    private int _count = 1; // index 0 means "no set"

    // Coverage memo: entry i is valid while _coverStamp[i] == _stamp, and _stamp changes with the
    // availability instance (Resources are immutable, so a new availability is a new instance).
    private Resources? _stampedAvailable;
    private long _stamp;
    private long[] _coverStamp = new long[2];
    private bool[] _covers = new bool[2];

    public Resources this[int index] => _sets[index]!;

    public int Acquire(Resources refused)
    {
        if (!_indexOf.TryGetValue(refused, out var index))
        {
            index = _free.Count > 0 ? _free.Pop() : _count++;
            if (index >= _sets.Length)
            {
                var length = _sets.Length * 2;
                Array.Resize(ref _sets, length);
                Array.Resize(ref _uses, length);
                Array.Resize(ref _coverStamp, length);
                Array.Resize(ref _covers, length);
            }

            _sets[index] = refused;
            _coverStamp[index] = 0; // stamps start at 1, so this entry is computed on first use
            _indexOf.Add(refused, index);
        }

        _uses[index]++;
        return index;
    }

    public void Release(int index)
    {
        if (--_uses[index] == 0)
        {
            _indexOf.Remove(_sets[index]!);
            _sets[index] = null;
            _free.Push(index);
        }
    }

    /// <summary>Whether set <paramref name="index"/> contains all of <paramref name="available"/>.</summary>
    public bool Covers(int index, Resources available) => CoverageFor(available).Covers(index);

    /// <summary>Coverage answers for one availability, for scanning many slots in a row.</summary>
    public Coverage CoverageFor(Resources available)
    {
        if (!ReferenceEquals(available, _stampedAvailable))
        {
            _stampedAvailable = available;
            _stamp++;
        }

        return new Coverage(this, available, _stamp);
    }

    internal readonly ref struct Coverage(RefusedSets sets, Resources available, long stamp)
    {
        private readonly ReadOnlySpan<long> _stamps = sets._coverStamp;
        private readonly ReadOnlySpan<bool> _answers = sets._covers;

        public bool Covers(int index) => _stamps[index] == stamp ? _answers[index] : sets.Compute(index, available, stamp);
    }

    private bool Compute(int index, Resources available, long stamp)
    {
        var refused = _sets[index]!;
        _coverStamp[index] = stamp;
        return _covers[index] = ReferenceEquals(refused, available) || refused.Contains(available);
    }
}
