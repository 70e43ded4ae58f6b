namespace MesosConsole.Allocation;

/// <summary>One agent as the allocator sees it: always <c>Available + Σ Allocations == Total</c>.</summary>
public sealed record AgentAllocations(string AgentId, Resources Total, Resources Available, IReadOnlyList<OfferAllocation> Allocations);
