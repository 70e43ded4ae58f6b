using MesosConsole.Data.Provisioning;

namespace MesosConsole.Provisioning.Cloud;

/// <summary>Which cloud, region and credentials a gateway talks with; no stored credential means the standard sources (AWS environment/profile, OpenStack <c>OS_*</c> variables).</summary>
public sealed record CloudTarget(CloudProvider Provider, string Region, Guid? CredentialId);
