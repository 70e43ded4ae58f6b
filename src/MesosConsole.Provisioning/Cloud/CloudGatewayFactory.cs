using Amazon;
using Amazon.EC2;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using MesosConsole.Data.Provisioning;
using MesosConsole.Provisioning.Cloud.Credentials;
using MesosConsole.Provisioning.Cloud.Ec2;
using MesosConsole.Provisioning.Cloud.OpenStack;
using Microsoft.Extensions.Options;

namespace MesosConsole.Provisioning.Cloud;

public sealed class CloudGatewayFactory(
    CredentialVault vault,
    IHttpClientFactory httpClients,
    ThrottlingRetry retry,
    IOptions<CloudOptions> options) : ICloudGatewayFactory
{
    public const string OpenStackHttpClient = "openstack";

    public async Task<ICloudGateway> CreateAsync(CloudTarget target, CancellationToken cancellationToken)
    {
        if (target.Provider == CloudProvider.Ec2)
        {
            var credentials = target.CredentialId is { } id
                ? ToAws(await vault.ReadSecretAsync<Ec2Secret>(id, cancellationToken))
                : AmbientAws();
            return new Ec2Gateway(new AmazonEC2Client(credentials, Ec2Config(target.Region, options.Value)), retry);
        }

        var secret = target.CredentialId is { } stored
            ? await vault.ReadSecretAsync<OpenStackSecret>(stored, cancellationToken)
            : OpenStackSecret.FromEnvironment(Environment.GetEnvironmentVariable)
              ?? throw new CloudOperationException("No OpenStack credentials: enter them in the wizard, or start the console with an openrc file sourced (OS_AUTH_URL, …).", "NoCredentials");
        var http = httpClients.CreateClient(OpenStackHttpClient);
        var session = await KeystoneClient.AuthenticateAsync(http, secret, target.Region, cancellationToken);
        return new OpenStackGateway(http, session, retry);
    }

    public static AmazonEC2Config Ec2Config(string region, CloudOptions options)
    {
        var config = new AmazonEC2Config { MaxErrorRetry = options.Ec2SdkMaxErrorRetry };
        if (options.Ec2ServiceUrl is { Length: > 0 } url)
        {
            config.ServiceURL = url;
            config.AuthenticationRegion = region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }

        return config;
    }

    private static BasicAWSCredentials ToAws(Ec2Secret secret) => new(secret.AccessKeyId, secret.SecretAccessKey);

    /// <summary>The SDK's standard chain: environment variables, the shared credentials/config profile, instance roles.</summary>
    private static AWSCredentials AmbientAws()
    {
        try
        {
            return DefaultAWSCredentialsIdentityResolver.GetCredentials();
        }
        catch (AmazonClientException e)
        {
            throw new CloudOperationException("No AWS credentials were found in the environment (AWS_ACCESS_KEY_ID, …) or the shared profile (~/.aws/credentials): enter an access key in the wizard.", "NoCredentials", e);
        }
    }
}
