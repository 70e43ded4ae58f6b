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
    public void MainLayout_EveryNavigationLinkLeadsToARoutablePage()
    {
        var layout = Render<MainLayout>(parameters => parameters.Add(p => p.Body, (RenderFragment)(_ => { })));
        var routes = typeof(MainLayout).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes(typeof(RouteAttribute), inherit: false).Cast<RouteAttribute>())
            .Select(r => r.Template.Trim('/'))
            .ToHashSet();

        var links = layout.FindAll(".mud-drawer a.mud-nav-link").Select(a => a.GetAttribute("href") ?? "").ToList();

        Assert.Contains("", links);
        Assert.All(links, href => Assert.Contains(href, routes));
    }
}
