using Bunit;
using MesosConsole.Web.Access;
using MesosConsole.Web.Components.Layout;
using MesosConsole.Web.Tests.Support;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MesosConsole.Web.Tests.Access;

/// <summary>The app bar's "who am I" and the name recorded with launches and deployments.</summary>
public sealed class SignedInAsTests : ConsoleComponentTest
{
    [Fact]
    public void SignedInWithTheCookie_ShowsTheNameAndASignOutForm()
    {
        Authorization.SetAuthorized("Grace Hopper");
        Authorization.SetAuthenticationType(CookieAuthenticationDefaults.AuthenticationScheme);

        var bar = Render<SignedInAs>();

        Assert.Equal("Grace Hopper", bar.Find("[data-testid=signed-in-as]").TextContent);
        Assert.Equal("/signout", bar.Find("form").GetAttribute("action"));
    }

    [Fact]
    public void OpenMode_NobodySignedIn_ShowsNothing()
    {
        var bar = Render<SignedInAs>();

        Assert.Empty(bar.FindAll("[data-testid=signed-in-as]"));
    }

    [Fact]
    public async Task RecordedName_IsTheSignedInName()
    {
        Authorization.SetAuthorized("Grace Hopper");

        Assert.Equal("Grace Hopper", await NameAsync(AccessMode.Token));
    }

    [Fact]
    public async Task RecordedName_OpenModeWithNobodySignedIn_IsTheConsolesAccountMarkedOpen()
    {
        Assert.Equal($"{Environment.UserName} (open access)", await NameAsync(AccessMode.Open));
    }

    [Theory]
    [InlineData("Ada", null)]
    [InlineData("   ", "Give your name: it is recorded with the clusters you launch and deploy.")]
    [InlineData("tab\there", "Your name cannot contain control characters.")]
    public void Validate_NamesAtSignIn(string name, string? error)
    {
        Assert.Equal(error, ConsoleUserName.Validate(name));
        Assert.Equal("Your name can have at most 64 characters.", ConsoleUserName.Validate(new string('x', 65)));
    }

    private Task<string> NameAsync(AccessMode mode)
    {
        Services.AddSingleton(Options.Create(new AccessOptions { Mode = mode.ToString() }));
        Services.AddScoped<ConsoleUserName>();
        return Services.GetRequiredService<ConsoleUserName>().GetAsync();
    }
}
