using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace MesosConsole.Web.Access;

/// <summary>
/// <c>/signin</c> and <c>/signout</c>: a plain HTML form, outside the Blazor circuit, because setting a
/// cookie needs a real HTTP response. The token is checked in constant time and never echoed.
/// </summary>
public static class SignInEndpoints
{
    public const string Path = "/signin";

    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, (HttpContext context, IAntiforgery antiforgery, IOptions<AccessOptions> access, string? returnUrl) =>
            IsOpen(access.Value)
                ? Results.Redirect("/")
                : Form(context, antiforgery, returnUrl, message: null, StatusCodes.Status200OK));

        endpoints.MapPost(Path, async (HttpContext context, IAntiforgery antiforgery, IOptions<AccessOptions> access) =>
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var returnUrl = form["returnUrl"].ToString();
            if (IsOpen(access.Value))
            {
                return Results.Redirect("/");
            }

            if (!AccessTokenHandler.Matches(form["token"].ToString(), access.Value.Token))
            {
                return Form(context, antiforgery, returnUrl, "That is not the console's access token.", StatusCodes.Status401Unauthorized);
            }

            if (ConsoleUserName.Validate(form["name"]) is { } nameError)
            {
                return Form(context, antiforgery, returnUrl, nameError, StatusCodes.Status400BadRequest);
            }

            var name = form["name"].ToString().Trim();
            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], CookieAuthenticationDefaults.AuthenticationScheme);
            await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl : "/");
        });

        endpoints.MapPost("/signout", async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect(Path);
        });
        return endpoints;
    }

    private static bool IsOpen(AccessOptions access) => access.TryGetMode(out var mode) && mode == AccessMode.Open;

    /// <summary>Only paths on this console: a sign-in link must not bounce anyone to another site.</summary>
    private static bool IsLocal(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);

    private static IResult Form(HttpContext context, IAntiforgery antiforgery, string? returnUrl, string? message, int status)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var html = HtmlEncoder.Default;
        var error = message is null ? "" : $"<p role=\"alert\" data-testid=\"signin-error\">{html.Encode(message)}</p>";
        var page = $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Sign in · Mesos Console</title>
            <link rel="stylesheet" href="/app.css"></head>
            <body><main style="max-width:28rem;margin:4rem auto;font-family:sans-serif">
            <h1>Mesos Console</h1>
            <p>This console asks for its access token (set by its administrator in <code>Access:Token</code>).</p>
            {error}
            <form method="post" action="{Path}">
            <input type="hidden" name="{html.Encode(tokens.FormFieldName)}" value="{html.Encode(tokens.RequestToken ?? "")}">
            <input type="hidden" name="returnUrl" value="{html.Encode(returnUrl ?? "/")}">
            <p><label>Your name <input type="text" name="name" autocomplete="name" maxlength="{ConsoleUserName.MaxLength}" autofocus required></label><br>
            <small>Recorded with the clusters you launch and deploy.</small></p>
            <p><label>Access token <input type="password" name="token" autocomplete="current-password" required></label></p>
            <button type="submit">Sign in</button>
            </form></main></body></html>
            """;
        return Results.Content(page, "text/html; charset=utf-8", statusCode: status);
    }
}
