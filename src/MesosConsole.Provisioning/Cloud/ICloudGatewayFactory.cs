namespace MesosConsole.Provisioning.Cloud;

/// <summary>Builds a gateway for one cloud, region and credential (a stored one is decrypted only here).</summary>
public interface ICloudGatewayFactory
{
    Task<ICloudGateway> CreateAsync(CloudTarget target, CancellationToken cancellationToken);
}
