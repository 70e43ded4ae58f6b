using MesosConsole.Data.Provisioning;

namespace MesosConsole.Provisioning.Cloud;

/// <summary>Which cloud, region and credentials a gateway talks with; no stored credential means the standard sources (AWS environment/profile, OpenStack <c>OS_*</c> variables).</summary>
public sealed record CloudTarget(CloudProvider Provider, string Region, Guid? CredentialId)
{
    /// <summary>The cloud, region and credential a recorded request was launched with.</summary>
    public static CloudTarget Of(ProvisioningRequest request) => new(request.Provider, request.Region, request.CredentialId);
}
