using System.Runtime.CompilerServices;

namespace MesosConsole.Provisioning.Tests.Support;

/// <summary>Where the repository's ansible/ folder and the local cluster's build output are, from the test's own output folder.</summary>
internal static class AnsibleTestPaths
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string AnsibleDirectory => Path.Combine(RepositoryRoot, "ansible");

    /// <summary>
    /// The build output of MesosConsole.LocalCluster (a referenced project, so it is built with the
    /// tests): artifacts/bin/MesosConsole.LocalCluster/&lt;config&gt;, beside this project's own output.
    /// </summary>
    public static string LocalClusterBuildOutput
    {
        get
        {
            var own = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var sibling = Path.Combine(own.Parent!.Parent!.FullName, "MesosConsole.LocalCluster", own.Name);
            if (!File.Exists(Path.Combine(sibling, "MesosConsole.LocalCluster.runtimeconfig.json")))
            {
                throw new InvalidOperationException($"No build output of MesosConsole.LocalCluster at {sibling}.");
            }

            return sibling;
        }
    }

    /// <summary>The dotnet host running these tests (the same SDK that built the local cluster).</summary>
    public static string DotnetHost =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "/usr/bin/dotnet";

    private static string FindRepositoryRoot()
    {
        // The checkout this file was compiled from: tests run where they were built.
        var fromSource = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(SourceFile())!, "..", "..", ".."));
        if (File.Exists(Path.Combine(fromSource, "MesosConsole.sln")))
        {
            return fromSource;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MesosConsole.sln")))
            {
                return dir.FullName;
            }
        }

        // Built with --artifacts-path outside the checkout: fall back to the working directory's repository.
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MesosConsole.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository (MesosConsole.sln) above the test's folder or the working directory.");
    }

    private static string SourceFile([CallerFilePath] string path = "") => path;
}
