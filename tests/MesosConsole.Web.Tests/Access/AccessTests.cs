using System.Net;
using System.Text.RegularExpressions;
using MesosConsole.Web.Cluster;
using MesosConsole.Web.Hubs;
using MesosConsole.Web.Tests.Support;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MesosConsole.Web.Tests.Access;

/// <summary>Token mode over real HTTP: pages, sign-in and the hub are guarded by the same policy.</summary>
public sealed partial class AccessTests
{
    private const string Token = "correct-horse-battery-staple";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Page_WithoutSignIn_RedirectsToSignInWithTheReturnUrl()
    {
        await using var console = await StartAsync();
        using var http = NoRedirects(console);

        using var response = await http.SendAsync(Html(HttpMethod.Get, "/clusters?from=chooser"), Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin", response.Headers.Location!.AbsolutePath);
        Assert.Contains("ReturnUrl=%2Fclusters%3Ffrom%3Dchooser", response.Headers.Location.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WrongToken_Refuses401WithAMessageAndSetsNoCookie()
    {
        await using var console = await StartAsync();
        using var http = NoRedirects(console);

        using var response = await PostSignInAsync(http, "not-the-token", "/");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("That is not the console&#x27;s access token.", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("mesosconsole.access", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SignIn_RightToken_SetsTheCookieThatOpensThePages()
    {
        await using var console = await StartAsync();
        using var http = NoRedirects(console);

        using var signIn = await PostSignInAsync(http, Token, "/clusters");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/clusters", signIn.Headers.Location!.OriginalString);

        using var page = await http.SendAsync(Html(HttpMethod.Get, "/clusters"), Cancel);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task SignIn_TheCookieCarriesTheNameGiven()
    {
        await using var console = await StartAsync();
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = console.Http.BaseAddress };

        using var signIn = await PostSignInAsync(http, Token, "/", name: "  Grace Hopper ");

        // Read back the way the console itself will: through the cookie handler's own ticket format.
        var cookie = cookies.GetCookies(console.Http.BaseAddress!)["mesosconsole.access"];
        Assert.NotNull(cookie);
        var format = console.Console.App.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(CookieAuthenticationDefaults.AuthenticationScheme).TicketDataFormat;
        Assert.Equal("Grace Hopper", format.Unprotect(cookie.Value)?.Principal.Identity?.Name);
    }

    [Theory]
    [InlineData("", "Give your name: it is recorded with the clusters you launch and deploy.")]
    [InlineData("a\u0007bell", "Your name cannot contain control characters.")]
    public async Task SignIn_RightTokenButNoUsableName_Refuses400WithTheReason(string name, string message)
    {
        await using var console = await StartAsync();
        using var http = NoRedirects(console);

        using var response = await PostSignInAsync(http, Token, "/", name);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(WebUtility.HtmlEncode(message), await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("mesosconsole.access", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SignIn_ReturnUrlToAnotherSite_LandsOnTheConsoleInstead()
    {
        await using var console = await StartAsync();
        using var http = NoRedirects(console);

        using var signIn = await PostSignInAsync(http, Token, "//evil.example/");

        Assert.Equal("/", signIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Hub_WithoutToken_IsRefusedAndWithTheTokenStreams()
    {
        await using var console = await StartAsync();
        var hubUrl = new Uri(console.Http.BaseAddress!, ClusterHub.Path);

        await using var anonymous = new HubConnectionBuilder().WithUrl(hubUrl).Build();
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => anonymous.StartAsync(Cancel));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        await using var holder = new HubConnectionBuilder()
            .WithUrl(hubUrl, options => options.AccessTokenProvider = () => Task.FromResult<string?>(Token))
            .Build();
        await holder.StartAsync(Cancel);
        // The stream is served: an unknown cluster is answered by the hub itself, not by the door.
        var error = await Assert.ThrowsAsync<HubException>(async () =>
        {
            await foreach (var _ in holder.StreamAsync<TaskUpdate>(nameof(ClusterHub.StreamTaskUpdates), "nowhere", Cancel))
            {
            }
        });
        Assert.Contains("There is no cluster \"nowhere\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hub_WebSocketWithTokenInQuery_Connects()
    {
        await using var console = await StartAsync();
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(console.Http.BaseAddress!, $"{ClusterHub.Path}?access_token={Token}"), HttpTransportType.WebSockets,
                options => options.SkipNegotiation = true)
            .Build();

        await hub.StartAsync(Cancel);

        Assert.Equal(HubConnectionState.Connected, hub.State);
    }

    [Theory]
    [InlineData("Token", "short", "Access:Token must have at least 16 characters when Access:Mode is Token.")]
    [InlineData("Everyone", null, "Access:Mode must be Open or Token (got 'Everyone').")]
    public async Task Options_NotUsable_StartUpFailsWithTheReason(string mode, string? token, string message)
    {
        var configuration = RunningConsole.RemoteConfiguration();
        configuration["Access:Mode"] = mode;
        configuration["Access:Token"] = token;
        await using var console = RunningConsole.Build(configuration);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => console.StartAsync(Cancel));

        Assert.Contains(message, error.Failures);
    }

    private static async Task<RunningConsole> StartAsync()
    {
        var configuration = RunningConsole.RemoteConfiguration();
        configuration["Access:Mode"] = "Token";
        configuration["Access:Token"] = Token;
        return await RunningConsole.StartAsync(configuration);
    }

    private static HttpClient NoRedirects(RunningConsole console) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = console.Http.BaseAddress };

    private static HttpRequestMessage Html(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Accept.ParseAdd("text/html");
        return request;
    }

    /// <summary>As a browser does: fetch the form (antiforgery cookie and field), then post it.</summary>
    private static async Task<HttpResponseMessage> PostSignInAsync(HttpClient http, string token, string returnUrl, string name = "Ada Lovelace")
    {
        var form = await http.GetStringAsync("/signin", Cancel);
        var hidden = AntiforgeryField().Match(form);
        Assert.True(hidden.Success, "the sign-in form carries an antiforgery field");
        return await http.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [WebUtility.HtmlDecode(hidden.Groups["name"].Value)] = WebUtility.HtmlDecode(hidden.Groups["value"].Value),
            ["returnUrl"] = returnUrl,
            ["token"] = token,
            ["name"] = name,
        }), Cancel);
    }

    [GeneratedRegex("""<input type="hidden" name="(?<name>__RequestVerificationToken[^"]*)" value="(?<value>[^"]*)">""")]
    private static partial Regex AntiforgeryField();
}
