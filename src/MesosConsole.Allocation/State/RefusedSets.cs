namespace MesosConsole.Allocation.State;

/// <summary>
/// The distinct refused resource sets among one agent's filters (usually one or two), numbered from
/// 1 and reference counted, each with a bitmap of the slots whose filter refused it. That turns "which
/// frameworks does a filter keep from this agent now" into OR-ing the bitmaps of the sets that cover
/// the agent's availability.
/// </summary>
internal sealed class RefusedSets
{
    private readonly Dictionary<Resources, int> _indexOf = new(ReferenceEqualityComparer.Instance);
    private readonly Stack<int> _free = new();
    private Resources?[] _sets = new Resources?[2];
    private ulong[][] _slotBits = [[], []];
    private int[] _uses = new int[2];
    private int _next = 1; // index 0 means "no set"

    /// <summary>Length, in 64-bit words, of every slot bitmap.</summary>
    public int Words { get; private set; }

    public Resources this[int index] => _sets[index]!;

    /// <summary>Records that <paramref name="slot"/>'s filter refuses <paramref name="refused"/>; returns the set's index.</summary>
    public int Acquire(Resources refused, int slot)
    {
        EnsureWords((slot >> 6) + 1);
        if (!_indexOf.TryGetValue(refused, out var index))
        {
            index = _free.Count > 0 ? _free.Pop() : _next++;
            if (index >= _sets.Length)
            {
                var length = _sets.Length * 2;
                Array.Resize(ref _sets, length);
                Array.Resize(ref _uses, length);
                Array.Resize(ref _slotBits, length);
            }

            _sets[index] = refused;
            _slotBits[index] = new ulong[Words];
            _indexOf.Add(refused, index);
        }

        _slotBits[index][slot >> 6] |= 1UL << slot;
        _uses[index]++;
        return index;
    }

    public void Release(int index, int slot)
    {
        _slotBits[index][slot >> 6] &= ~(1UL << slot);
        if (--_uses[index] == 0)
        {
            _indexOf.Remove(_sets[index]!);
            _sets[index] = null;
            _free.Push(index);
        }
    }

    /// <summary>Writes into <paramref name="filtered"/> the slots whose refused set contains all of <paramref name="available"/>.</summary>
    public void CollectCovering(Resources available, Span<ulong> filtered)
    {
        filtered.Clear();
        for (var index = 1; index < _next; index++)
        {
            if (_sets[index] is { } refused && (ReferenceEquals(refused, available) || refused.Contains(available)))
            {
                var bits = _slotBits[index];
                for (var word = 0; word < bits.Length; word++)
                {
                    filtered[word] |= bits[word];
                }
            }
        }
    }

    private void EnsureWords(int words)
    {
        if (words <= Words)
        {
            return;
        }

        Words = Math.Max(words, Words * 2);
        for (var index = 1; index < _next; index++)
        {
            if (_sets[index] is not null)
            {
                Array.Resize(ref _slotBits[index], Words);
            }
        }
    }
}
