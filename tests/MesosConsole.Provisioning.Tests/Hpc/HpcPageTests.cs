using System.Text;
using Bunit;
using MesosConsole.Provisioning.Tests.Support;
using MesosConsole.Web.Components.Pages.Hpc;

namespace MesosConsole.Provisioning.Tests.Hpc;

public sealed class HpcPageTests : AnsibleComponentTest
{
    [Fact]
    public void Generate_ValidForm_ShowsScriptAndDownloadsIt()
    {
        var page = Render<HpcPage>();
        page.Find("[data-testid=master]").Change("10.0.0.5:5050");
        page.Find("[data-testid=account]").Change("sds154");
        page.Find("[data-testid=nodes]").Change("4");
        page.Find("[data-testid=walltime]").Change("1-12:00:00");

        page.Find("[data-testid=generate]").Click();

        var script = page.Find("[data-testid=script]").TextContent;
        Assert.Contains("#SBATCH --account=sds154\n", script, StringComparison.Ordinal);
        Assert.Contains("#SBATCH --nodes=4\n", script, StringComparison.Ordinal);
        Assert.Contains("#SBATCH --time=1-12:00:00\n", script, StringComparison.Ordinal);
        Assert.Contains("export MESOS_MASTER='10.0.0.5:5050'", script, StringComparison.Ordinal);
        var download = page.Find("[data-testid=download]");
        Assert.Equal("mesos-agents.slurm", download.GetAttribute("download"));
        var href = download.GetAttribute("href")!;
        Assert.StartsWith("data:application/x-sh;base64,", href, StringComparison.Ordinal);
        Assert.Equal(script, Encoding.UTF8.GetString(Convert.FromBase64String(href["data:application/x-sh;base64,".Length..])));
    }

    [Fact]
    public void Generate_BadFields_MessageOnEachAndNoScript()
    {
        var page = Render<HpcPage>();
        page.Find("[data-testid=master]").Change("http://10.0.0.5:5050");
        page.Find("[data-testid=nodes]").Change("0");
        page.Find("[data-testid=walltime]").Change("two hours");
        page.Find("[data-testid=agent-path]").Change("mesos-agent");

        page.Find("[data-testid=generate]").Click();

        Assert.Empty(page.FindAll("[data-testid=script]"));
        Assert.Contains("5 problem(s)", page.Find("[data-testid=errors]").TextContent, StringComparison.Ordinal);
        var markup = System.Net.WebUtility.HtmlDecode(page.Markup);
        Assert.Contains("\"http://10.0.0.5:5050\" is not host:port", markup, StringComparison.Ordinal);
        Assert.Contains("Nodes is between 1 and 10000.", markup, StringComparison.Ordinal);
        Assert.Contains("\"two hours\" is not a Slurm time", markup, StringComparison.Ordinal);
        Assert.Contains("Give the account", markup, StringComparison.Ordinal);
        Assert.Contains("The mesos-agent path is an absolute path", markup, StringComparison.Ordinal);
    }
}
