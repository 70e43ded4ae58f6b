using Bunit;
using MesosConsole.Web.Components.Layout;
using MesosConsole.Web.Tests.Support;
using Microsoft.AspNetCore.Components;

namespace MesosConsole.Web.Tests.Layout;

public sealed class MainLayoutTests : ConsoleComponentTest
{
    [Fact]
    public void MainLayout_RendersThePageInsideAppBarAndDrawer()
    {
        var layout = Render<MainLayout>(parameters => parameters
            .Add(p => p.Body, (RenderFragment)(builder => builder.AddMarkupContent(0, "<p id=\"page\">the page</p>"))));

        Assert.Equal("the page", layout.Find(".mud-main-content #page").TextContent);
        Assert.Equal("Mesos Console", layout.Find(".mud-appbar .mud-typography").TextContent);
    }

    [Fact]
    public void MainLayout_NavigationOffersOnlyPagesThatExist()
    {
        var layout = Render<MainLayout>(parameters => parameters.Add(p => p.Body, (RenderFragment)(_ => { })));

        var link = Assert.Single(layout.FindAll(".mud-drawer .mud-nav-link"));
        Assert.Equal("Cluster health", link.TextContent.Trim());
        Assert.Equal("", link.GetAttribute("href"));
    }
}
