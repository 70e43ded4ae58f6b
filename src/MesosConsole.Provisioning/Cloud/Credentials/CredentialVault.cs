using System.Text.Json;
using MesosConsole.Data;
using MesosConsole.Data.Provisioning;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace MesosConsole.Provisioning.Cloud.Credentials;

/// <summary>A stored credential as the console may show it: never its secret.</summary>
public sealed record CredentialListing(Guid Id, CloudProvider Provider, string Name, string Summary, DateTimeOffset CreatedAt);

/// <summary>
/// Cloud credentials entered once in the console: the secret is serialized and protected with ASP.NET
/// Core Data Protection (keys in a folder outside the database) before it reaches SQLite; only a
/// summary is stored in clear. Secrets are unprotected only to build a cloud client.
/// </summary>
public sealed class CredentialVault(IDbContextFactory<ConsoleDbContext> databases, IDataProtectionProvider protection, TimeProvider time)
{
    private readonly IDataProtector _protector = protection.CreateProtector("MesosConsole.Provisioning.CloudCredentials.v1");

    public Task<CredentialListing> SaveAsync(string name, Ec2Secret secret, CancellationToken cancellationToken) =>
        SaveAsync(CloudProvider.Ec2, name, secret.Summary, JsonSerializer.Serialize(secret), cancellationToken);

    public Task<CredentialListing> SaveAsync(string name, OpenStackSecret secret, CancellationToken cancellationToken) =>
        SaveAsync(CloudProvider.OpenStack, name, secret.Summary, JsonSerializer.Serialize(secret), cancellationToken);

    public async Task<IReadOnlyList<CredentialListing>> ListAsync(CloudProvider provider, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var rows = await db.CloudCredentials.AsNoTracking().Where(c => c.Provider == provider).ToListAsync(cancellationToken);
        return [.. rows.OrderBy(c => c.Name, StringComparer.Ordinal).Select(Listing)];
    }

    public async Task<T> ReadSecretAsync<T>(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var row = await db.CloudCredentials.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new CloudOperationException("That stored credential no longer exists: enter the credentials again.", "CredentialNotFound");
        try
        {
            return JsonSerializer.Deserialize<T>(_protector.Unprotect(row.ProtectedSecret))
                ?? throw new CloudOperationException("The stored credential is empty: enter it again.", "CredentialUnreadable");
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            // The key ring was lost or replaced (Cloud:KeysDirectory): the secret cannot be recovered.
            throw new CloudOperationException($"The stored credential '{row.Name}' can no longer be decrypted (were the keys in Cloud:KeysDirectory replaced?). Delete it and enter it again.", "CredentialUnreadable", e);
        }
    }

    public async Task DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.CloudCredentials.Where(c => c.Id == id).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task<CredentialListing> SaveAsync(CloudProvider provider, string name, string summary, string secretJson, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100)
        {
            throw new CloudOperationException("Give the credential a name of 1–100 characters.", "InvalidName");
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        if (await db.CloudCredentials.AnyAsync(c => c.Provider == provider && c.Name == name, cancellationToken))
        {
            throw new CloudOperationException($"A {provider} credential named '{name}' already exists: choose another name.", "DuplicateName");
        }

        var row = new CloudCredential
        {
            Id = Guid.NewGuid(),
            Provider = provider,
            Name = name.Trim(),
            Summary = summary,
            ProtectedSecret = _protector.Protect(secretJson),
            CreatedAt = time.GetUtcNow(),
        };
        db.CloudCredentials.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return Listing(row);
    }

    private static CredentialListing Listing(CloudCredential c) => new(c.Id, c.Provider, c.Name, c.Summary, c.CreatedAt);
}
