namespace MesosConsole.Allocation;

/// <summary>Resources of one agent given to one framework for one of its roles: an offer to make, or held as used.</summary>
public sealed record OfferAllocation(string FrameworkId, string AgentId, string Role, Resources Resources);
