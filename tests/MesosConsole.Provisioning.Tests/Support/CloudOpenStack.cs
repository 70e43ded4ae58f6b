using MesosConsole.Data.Provisioning;
using MesosConsole.Provisioning.Cloud;
using MesosConsole.Provisioning.Cloud.Credentials;

namespace MesosConsole.Provisioning.Tests.Support;

/// <summary>An OpenStack request checked against the host's local OpenStack, with a stored application credential.</summary>
public static class CloudOpenStack
{
    public static async Task<CloudTarget> TargetAsync(CloudTestHost host)
    {
        var credential = await host.Vault.SaveAsync("jetstream", new OpenStackSecret
        {
            AuthUrl = host.OpenStack.AuthUrl,
            Method = OpenStackAuthMethod.ApplicationCredential,
            ApplicationCredentialId = "cred-id-1234",
            ApplicationCredentialSecret = "cred-secret",
        }, TestContext.Current.CancellationToken);
        return new CloudTarget(CloudProvider.OpenStack, OpenStackTestEndpoint.Region, credential.Id);
    }

    /// <summary>Checks <see cref="CloudPlans.OpenStack"/> (1 master, 2 agents), asking for floating IPs from the external network when told.</summary>
    public static async Task<Guid> CheckAsync(CloudTestHost host, bool withFloatingIps)
    {
        var plan = CloudPlans.OpenStack();
        plan.ExternalNetworkId = withFloatingIps ? OpenStackTestEndpoint.ExternalNetworkId : null;
        return await host.Provisioner.CheckAsync(await TargetAsync(host), plan, null, TestContext.Current.CancellationToken);
    }
}
