using Microsoft.Extensions.Options;

namespace MesosConsole.Provisioning.Cloud.Credentials;

/// <summary>
/// Refuses to start with a key-ring certificate that cannot be used, rather than leaving the keys
/// unprotected or failing later on the first stored secret, when nobody reads the start-up log any more.
/// </summary>
internal sealed class KeyCertificateValidator(KeyCertificateStatus? status = null) : IValidateOptions<CloudOptions>
{
    public ValidateOptionsResult Validate(string? name, CloudOptions options) =>
        status?.Problem is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
