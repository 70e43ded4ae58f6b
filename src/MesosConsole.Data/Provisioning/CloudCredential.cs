namespace MesosConsole.Data.Provisioning;

/// <summary>
/// Credentials entered once in the console. The secret part is stored only as an ASP.NET Core Data
/// Protection payload (<see cref="ProtectedSecret"/>); <see cref="Summary"/> is what the console may
/// show again (an access key id's last characters, an auth URL), never the secret.
/// </summary>
public sealed class CloudCredential
{
    public Guid Id { get; set; }

    public CloudProvider Provider { get; set; }

    public required string Name { get; set; }

    /// <summary>Safe to display: identifies the credential without revealing it.</summary>
    public required string Summary { get; set; }

    /// <summary>The secret, protected with Data Protection (keys kept outside the database).</summary>
    public required string ProtectedSecret { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
