using MesosConsole.Data.Deployments;

namespace MesosConsole.Provisioning.Ansible;

/// <summary>How a recorded deployment run ended.</summary>
public sealed record DeploymentOutcome(Guid RunId, DeploymentResult Result, int? ExitCode, IReadOnlyList<RecapEntry> Recap);
