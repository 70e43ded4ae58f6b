using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace MesosConsole.Provisioning.Cloud.Credentials;

/// <summary>
/// Where the Data Protection key ring lives and how it is kept: in <see cref="CloudOptions.KeysDirectory"/>,
/// a folder only the console's account may open, and — when <see cref="CloudOptions.KeyCertificatePath"/>
/// names a certificate — each key encrypted to that certificate, so a copy of the folder alone opens nothing.
/// </summary>
internal static class KeyRingProtection
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>
    /// Data Protection takes its certificate while services are being registered, so the certificate is
    /// read here, relative to the content root the host put in configuration. A certificate that cannot be
    /// used is not fatal here: <see cref="KeyCertificateValidator"/> stops start-up with the reason.
    /// </summary>
    public static void Configure(IServiceCollection services, IConfiguration configuration, IConfigurationSection section)
    {
        var builder = services.AddDataProtection().SetApplicationName("MesosConsole");
        var keys = section[nameof(CloudOptions.KeysDirectory)] ?? new CloudOptions().KeysDirectory;
        services.AddOptions<KeyManagementOptions>().Configure<IHostEnvironment>((options, environment) =>
            options.XmlRepository = new FileSystemXmlRepository(OpenKeyFolder(keys, environment), NullLoggerFactory.Instance));

        var path = section[nameof(CloudOptions.KeyCertificatePath)];
        if (string.IsNullOrWhiteSpace(path))
        {
            return;
        }

        var root = configuration[HostDefaults.ContentRootKey] ?? Directory.GetCurrentDirectory();
        var (certificate, problem) = Load(path, Path.GetFullPath(path, root), section[nameof(CloudOptions.KeyCertificatePassword)]);
        services.AddSingleton(new KeyCertificateStatus(problem));
        if (certificate is not null)
        {
            builder.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
    }

    private static (X509Certificate2? Certificate, string? Problem) Load(string configuredPath, string fullPath, string? password)
    {
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(fullPath, password);
            return certificate.HasPrivateKey
                ? (certificate, null)
                : (null, $"Cloud:KeyCertificatePath ({configuredPath}) has no private key: the console could encrypt its keys but never read them back.");
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            return (null, $"Cloud:KeyCertificatePath ({configuredPath}) could not be opened as a PKCS#12 certificate with Cloud:KeyCertificatePassword: {e.Message}");
        }
    }

    private static DirectoryInfo OpenKeyFolder(string keysDirectory, IHostEnvironment environment)
    {
        var directory = new DirectoryInfo(Path.GetFullPath(keysDirectory, environment.ContentRootPath));
        directory.Create();
        if (!OperatingSystem.IsWindows())
        {
            // The keys open every stored cloud secret: nobody but the console's own account reads them.
            directory.UnixFileMode = OwnerOnly;
        }

        return directory;
    }
}

/// <summary>What became of <see cref="CloudOptions.KeyCertificatePath"/> at registration: null when it protects the key ring.</summary>
internal sealed record KeyCertificateStatus(string? Problem);
