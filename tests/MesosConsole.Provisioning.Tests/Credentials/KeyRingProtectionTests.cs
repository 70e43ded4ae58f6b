using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MesosConsole.Provisioning.Cloud;
using MesosConsole.Provisioning.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MesosConsole.Provisioning.Tests.Credentials;

/// <summary>
/// The key ring that protects stored cloud secrets, as the console configures it: an owner-only folder,
/// and with <c>Cloud:KeyCertificatePath</c> every key encrypted to that certificate.
/// </summary>
public sealed class KeyRingProtectionTests : IDisposable
{
    private const string Password = "pfx-password-for-tests";
    private const string Purpose = "key-ring-test";

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("mesosconsole-keyring-");

    private string KeysFolder => Path.Combine(_root.FullName, "keys");

    [Fact]
    public void WithoutCertificate_KeysArePlainXmlInAnOwnerOnlyFolder()
    {
        using var services = Build(certificate: null);

        services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Protect("secret");

        var key = File.ReadAllText(Assert.Single(Directory.GetFiles(KeysFolder, "key-*.xml")));
        Assert.Contains("<masterKey", key, StringComparison.Ordinal);
        Assert.DoesNotContain("encryptedSecret", key, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, new DirectoryInfo(KeysFolder).UnixFileMode);
        }
    }

    [Fact]
    public void WithCertificate_KeysAreEncryptedAndOnlyTheCertificateOpensThem()
    {
        var certificate = WriteCertificate("keyring.pfx", Password);
        string payload;
        using (var first = Build(("keyring.pfx", Password)))
        {
            payload = first.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Protect("the cloud secret");
        }

        var key = File.ReadAllText(Assert.Single(Directory.GetFiles(KeysFolder, "key-*.xml")));
        Assert.Contains("encryptedSecret", key, StringComparison.Ordinal);
        Assert.Contains(Convert.ToBase64String(certificate.RawData), key, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", key, StringComparison.Ordinal);

        using (var restarted = Build(("keyring.pfx", Password)))
        {
            Assert.Equal("the cloud secret", restarted.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Unprotect(payload));
        }

        using var withoutCertificate = Build(certificate: null);
        Assert.ThrowsAny<CryptographicException>(() => withoutCertificate.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Unprotect(payload));
    }

    [Fact]
    public void WrongPassword_OptionsRefusedWithThePathNamed()
    {
        WriteCertificate("keyring.pfx", Password);
        using var services = Build(("keyring.pfx", "not-the-password"));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<CloudOptions>>().Value);

        Assert.Contains("Cloud:KeyCertificatePath (keyring.pfx) could not be opened", Assert.Single(error.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void CertificateWithoutPrivateKey_OptionsRefused()
    {
        var certificate = WriteCertificate("keyring.pfx", Password);
        File.WriteAllBytes(Path.Combine(_root.FullName, "public.pfx"), X509CertificateLoader.LoadCertificate(certificate.RawData).Export(X509ContentType.Pkcs12, Password));
        using var services = Build(("public.pfx", Password));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<CloudOptions>>().Value);

        Assert.Contains("has no private key", Assert.Single(error.Failures), StringComparison.Ordinal);
    }

    public void Dispose() => _root.Delete(recursive: true);

    private ServiceProvider Build((string Path, string Password)? certificate)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            // As the host does: paths in Cloud:* are relative to the content root it puts in configuration.
            [HostDefaults.ContentRootKey] = _root.FullName,
            ["Cloud:KeysDirectory"] = "keys",
            ["Cloud:KeyCertificatePath"] = certificate?.Path,
            ["Cloud:KeyCertificatePassword"] = certificate?.Password,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IHostEnvironment>(new TestHostEnvironment(_root.FullName));
        services.AddCloudProvisioning(configuration);
        return services.BuildServiceProvider();
    }

    private X509Certificate2 WriteCertificate(string fileName, string password)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=MesosConsole key ring (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        File.WriteAllBytes(Path.Combine(_root.FullName, fileName), certificate.Export(X509ContentType.Pkcs12, password));
        return certificate;
    }
}
