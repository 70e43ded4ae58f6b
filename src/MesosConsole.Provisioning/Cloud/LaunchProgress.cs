using MesosConsole.Data.Provisioning;

namespace MesosConsole.Provisioning.Cloud;

/// <summary>One step of a launch as the wizard shows it: what is happening and every instance so far.</summary>
public sealed record LaunchProgress(string Message, IReadOnlyList<ProvisionedInstance> Instances);
