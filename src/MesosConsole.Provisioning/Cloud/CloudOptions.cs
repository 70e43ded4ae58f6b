namespace MesosConsole.Provisioning.Cloud;

/// <summary>Cloud provisioning settings (section <c>Cloud</c>).</summary>
public sealed class CloudOptions
{
    public const string SectionName = "Cloud";

    /// <summary>
    /// Where ASP.NET Core Data Protection keeps the keys that protect stored cloud secrets; relative to
    /// the content root. Kept apart from the database so a copy of the database alone reveals nothing.
    /// </summary>
    public string KeysDirectory { get; set; } = "var/keys";

    /// <summary>
    /// A PKCS#12 (.pfx) certificate that encrypts the key ring itself at rest (relative to the content
    /// root). Without it the keys lie in <see cref="KeysDirectory"/> as plain XML, readable by whoever
    /// can read that folder (which the console makes owner-only).
    /// </summary>
    public string? KeyCertificatePath { get; set; }

    /// <summary>The password of <see cref="KeyCertificatePath"/>; give it through the environment, not a file in the repository.</summary>
    public string? KeyCertificatePassword { get; set; }

    /// <summary>How long a launch waits for every instance to reach running before it is marked failed.</summary>
    public TimeSpan LaunchTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Between two DescribeInstances / server polls while instances start or stop, and between security-group deletion attempts.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a clean-up waits for terminated instances to be gone before it gives up deleting the security group (it can be retried).</summary>
    public TimeSpan TerminateTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Attempts at deleting a security group the cloud still reports in use (EC2 DependencyViolation, Neutron 409) once its instances are gone.</summary>
    public int CleanupAttempts { get; set; } = 5;

    /// <summary>Attempts of one call the cloud throttled (RequestLimitExceeded, HTTP 429) before giving up.</summary>
    public int ThrottleAttempts { get; set; } = 5;

    /// <summary>The first back-off after throttling; doubled on each further attempt.</summary>
    public TimeSpan ThrottleBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The AWS SDK's own retries (network faults). Throttling is retried by the console, visibly.</summary>
    public int Ec2SdkMaxErrorRetry { get; set; } = 2;

    /// <summary>Another EC2-compatible endpoint instead of AWS's regional one (a local test endpoint, LocalStack).</summary>
    public string? Ec2ServiceUrl { get; set; }
}
