using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace MesosConsole.Web.Access;

/// <summary>
/// Authenticates a request that carries the access token: <c>Authorization: Bearer …</c>, or
/// <c>access_token</c> in the query of a hub request (browsers cannot set headers on WebSockets).
/// </summary>
public sealed class AccessTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<AccessOptions> access)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    public const string SchemeName = "AccessToken";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = PresentedToken();
        if (presented is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!Matches(presented, access.Value.Token))
        {
            // No detail: the message must not help anyone guess.
            return Task.FromResult(AuthenticateResult.Fail("The access token is not valid."));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, ConsoleUserName.TokenHolder)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    /// <summary>Constant time, so the comparison does not tell how much of a guess was right.</summary>
    public static bool Matches(string presented, string? expected) =>
        expected is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));

    public static bool CarriesToken(HttpRequest request) => PresentedToken(request) is not null;

    private string? PresentedToken() => PresentedToken(Request);

    private static string? PresentedToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }

        return request.Path.StartsWithSegments("/hubs") && request.Query.TryGetValue("access_token", out var query) ? query.ToString() : null;
    }
}
