using Microsoft.Extensions.Options;

namespace MesosConsole.Web.Access;

/// <summary>Checks the <c>Access</c> section, every problem at once.</summary>
public sealed class AccessOptionsValidator : IValidateOptions<AccessOptions>
{
    private const string S = AccessOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, AccessOptions options)
    {
        var errors = new List<string>();
        if (!options.TryGetMode(out var mode))
        {
            errors.Add($"{S}:Mode must be {nameof(AccessMode.Open)} or {nameof(AccessMode.Token)} (got '{options.Mode}').");
        }
        else if (mode == AccessMode.Token && (options.Token?.Length ?? 0) < AccessOptions.MinimumTokenLength)
        {
            errors.Add($"{S}:Token must have at least {AccessOptions.MinimumTokenLength} characters when {S}:Mode is Token.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
