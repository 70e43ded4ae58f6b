namespace MesosConsole.Allocation.State;

/// <summary>Mesos' min allocatable resources: an offer needs enough cpus OR enough mem to be worth sending.</summary>
internal readonly record struct AllocatableMinimum(long CpusMilli, long MemMilli)
{
    public static AllocatableMinimum From(AllocatorOptions options) =>
        new(FixedPoint.ToMilli(options.MinAllocatableCpus), FixedPoint.ToMilli(options.MinAllocatableMem));

    public bool IsMet(Resources available) =>
        available.ScalarMilli("cpus") >= CpusMilli || available.ScalarMilli("mem") >= MemMilli;
}
