using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;

namespace MesosConsole.Web.Access;

/// <summary>
/// Who is at this browser tab, as recorded with what they launch and deploy: the name given at
/// sign-in in <see cref="AccessMode.Token"/> mode; in <see cref="AccessMode.Open"/> mode (loopback by
/// default, so the person at the console's own machine) the account the console runs under.
/// </summary>
public sealed class ConsoleUserName(AuthenticationStateProvider authentication, IOptions<AccessOptions> access)
{
    public const int MaxLength = 64;

    /// <summary>Only bearer-token clients (not browsers) are unnamed; they are recorded as this.</summary>
    public const string TokenHolder = "token holder";

    public async Task<string> GetAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        if (state.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name })
        {
            return name;
        }

        return access.Value.TryGetMode(out var mode) && mode == AccessMode.Token
            ? TokenHolder
            : $"{Environment.UserName} (open access)";
    }

    /// <summary>The sign-in form's name field: a short printable name, or the reason it is not one.</summary>
    public static string? Validate(string? name)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return "Give your name: it is recorded with the clusters you launch and deploy.";
        }

        if (trimmed.Length > MaxLength)
        {
            return $"Your name can have at most {MaxLength} characters.";
        }

        return trimmed.Any(char.IsControl) ? "Your name cannot contain control characters." : null;
    }
}
