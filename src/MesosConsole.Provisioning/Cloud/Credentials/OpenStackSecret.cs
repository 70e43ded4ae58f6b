namespace MesosConsole.Provisioning.Cloud.Credentials;

public enum OpenStackAuthMethod
{
    Password,
    ApplicationCredential,
}

/// <summary>
/// What Keystone v3 needs to issue a token: a user's password scoped to a project, or an application
/// credential (Jetstream2's recommended way). <see cref="ToString"/> never shows the password or secret.
/// </summary>
public sealed record OpenStackSecret
{
    public required string AuthUrl { get; init; }

    public OpenStackAuthMethod Method { get; init; }

    public string? UserName { get; init; }

    public string? Password { get; init; }

    public string UserDomain { get; init; } = "Default";

    public string? ProjectName { get; init; }

    public string ProjectDomain { get; init; } = "Default";

    public string? ApplicationCredentialId { get; init; }

    public string? ApplicationCredentialSecret { get; init; }

    public string Summary => Method == OpenStackAuthMethod.Password
        ? $"{UserName} on {AuthUrl} (project {ProjectName})"
        : $"application credential {Shorten(ApplicationCredentialId)} on {AuthUrl}";

    /// <summary>The standard OpenStack RC variables (<c>OS_AUTH_URL</c>, …), if an <c>openrc</c> file was sourced.</summary>
    public static OpenStackSecret? FromEnvironment(Func<string, string?> variable)
    {
        if (variable("OS_AUTH_URL") is not { Length: > 0 } authUrl)
        {
            return null;
        }

        return variable("OS_APPLICATION_CREDENTIAL_ID") is { Length: > 0 } credentialId
            ? new OpenStackSecret
            {
                AuthUrl = authUrl,
                Method = OpenStackAuthMethod.ApplicationCredential,
                ApplicationCredentialId = credentialId,
                ApplicationCredentialSecret = variable("OS_APPLICATION_CREDENTIAL_SECRET"),
            }
            : new OpenStackSecret
            {
                AuthUrl = authUrl,
                Method = OpenStackAuthMethod.Password,
                UserName = variable("OS_USERNAME"),
                Password = variable("OS_PASSWORD"),
                UserDomain = variable("OS_USER_DOMAIN_NAME") ?? "Default",
                ProjectName = variable("OS_PROJECT_NAME"),
                ProjectDomain = variable("OS_PROJECT_DOMAIN_NAME") ?? "Default",
            };
    }

    public override string ToString() => $"OpenStack {Summary}";

    private static string Shorten(string? id) => id is { Length: > 8 } ? $"{id[..4]}…{id[^4..]}" : "…";
}
