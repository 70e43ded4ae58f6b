namespace MesosConsole.Provisioning.Cloud;

/// <summary>A validation message for one wizard field (<see cref="Field"/> is a <see cref="LaunchPlan"/> property name).</summary>
public sealed record PlanFieldError(string Field, string Message);
