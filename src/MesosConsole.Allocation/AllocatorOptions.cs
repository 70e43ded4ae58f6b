namespace MesosConsole.Allocation;

public sealed record AllocatorOptions
{
    /// <summary>How often a periodic cycle runs after <see cref="HierarchicalAllocator.Start"/> (Mesos <c>--allocation_interval</c>).</summary>
    public TimeSpan AllocationInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>An offer needs at least this many cpus, or at least <see cref="MinAllocatableMem"/> MB (Mesos <c>cpus:0.01|mem:32</c>).</summary>
    public double MinAllocatableCpus { get; init; } = 0.01;

    public double MinAllocatableMem { get; init; } = 32;
}
