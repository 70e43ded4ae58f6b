namespace MesosConsole.Allocation.State;

/// <summary>
/// The scalar kinds DRF shares are computed over (cpus, mem, disk, gpus), in thousandths. A fixed
/// struct rather than a <see cref="Resources"/> so sorting frameworks never touches dictionaries.
/// </summary>
internal struct FairnessVector
{
    public static readonly string[] Kinds = ["cpus", "mem", "disk", "gpus"];

    private long _cpus;
    private long _mem;
    private long _disk;
    private long _gpus;

    public static FairnessVector Of(Resources resources) => new()
    {
        _cpus = resources.ScalarMilli("cpus"),
        _mem = resources.ScalarMilli("mem"),
        _disk = resources.ScalarMilli("disk"),
        _gpus = resources.ScalarMilli("gpus"),
    };

    public readonly long this[int kind] => kind switch
    {
        0 => _cpus,
        1 => _mem,
        2 => _disk,
        3 => _gpus,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public void Add(in FairnessVector other)
    {
        _cpus += other._cpus;
        _mem += other._mem;
        _disk += other._disk;
        _gpus += other._gpus;
    }

    public void Subtract(in FairnessVector other)
    {
        _cpus -= other._cpus;
        _mem -= other._mem;
        _disk -= other._disk;
        _gpus -= other._gpus;
    }

    /// <summary>max over kinds of this ÷ total, ignoring kinds the cluster does not have.</summary>
    public readonly double DominantShareOf(in FairnessVector total)
    {
        var dominant = 0.0;
        for (var kind = 0; kind < Kinds.Length; kind++)
        {
            if (total[kind] > 0)
            {
                dominant = Math.Max(dominant, this[kind] / (double)total[kind]);
            }
        }

        return dominant;
    }
}
