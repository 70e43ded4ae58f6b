using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace MesosConsole.Provisioning.Tests.Support;

/// <summary>A host environment whose content root is a test's own folder (relative Cloud:* paths resolve there).</summary>
internal sealed class TestHostEnvironment(string root) : IHostEnvironment
{
    public string EnvironmentName { get; set; } = "Test";

    public string ApplicationName { get; set; } = "MesosConsole.Provisioning.Tests";

    public string ContentRootPath { get; set; } = root;

    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
}
