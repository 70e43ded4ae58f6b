using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace MesosConsole.Web.Access;

public static class AccessServiceCollectionExtensions
{
    /// <summary>The one policy every page, the hub and every download endpoint require.</summary>
    public const string ConsoleUserPolicy = "ConsoleUser";

    private const string ConsoleScheme = "Console";

    /// <summary>
    /// Authentication (a sign-in cookie for browsers, the access token for other clients) and the
    /// <see cref="ConsoleUserPolicy"/>: in <see cref="AccessMode.Open"/> it admits everyone, in
    /// <see cref="AccessMode.Token"/> only a signed-in browser or a request with the token.
    /// </summary>
    public static IServiceCollection AddConsoleAccess(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AccessOptions>().Bind(configuration.GetSection(AccessOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AccessOptions>, AccessOptionsValidator>();
        var tokenMode = ReadMode(configuration) == AccessMode.Token;

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(cookie =>
            {
                cookie.LoginPath = SignInEndpoints.Path;
                cookie.Cookie.Name = "mesosconsole.access";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.SlidingExpiration = true;
                cookie.ExpireTimeSpan = TimeSpan.FromHours(12);
                cookie.Events.OnRedirectToLogin = context =>
                {
                    // A browser asking for a page is sent to sign in; a hub or API client gets a plain 401.
                    if (IsPageRequest(context.Request))
                    {
                        context.Response.Redirect(context.RedirectUri);
                    }
                    else
                    {
                        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    }

                    return Task.CompletedTask;
                };
            })
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, AccessTokenHandler>(AccessTokenHandler.SchemeName, null)
            // One scheme for the policy: a request that carries a token is judged (and challenged, 401)
            // by the token handler; any other by the cookie (challenged by a redirect to sign in).
            .AddPolicyScheme(ConsoleScheme, ConsoleScheme, policy => policy.ForwardDefaultSelector = context =>
                AccessTokenHandler.CarriesToken(context.Request) ? AccessTokenHandler.SchemeName : CookieAuthenticationDefaults.AuthenticationScheme);

        services.AddAuthorizationBuilder().AddPolicy(ConsoleUserPolicy, policy =>
        {
            if (tokenMode)
            {
                policy.AddAuthenticationSchemes(ConsoleScheme).RequireAuthenticatedUser();
            }
            else
            {
                policy.RequireAssertion(_ => true);
            }
        });
        services.AddCascadingAuthenticationState();
        services.AddScoped<ConsoleUserName>();
        return services;
    }

    private static bool IsPageRequest(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && !request.Path.StartsWithSegments("/hubs") &&
        request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    private static AccessMode? ReadMode(IConfiguration configuration)
    {
        var options = new AccessOptions();
        configuration.GetSection(AccessOptions.SectionName).Bind(options);
        return options.TryGetMode(out var mode) ? mode : null;
    }
}
