namespace MesosConsole.LocalCluster.Hosting;

/// <summary>The standalone <c>mesos-local</c>-style executable (filled in with the master).</summary>
public static class LocalClusterProgram
{
    public static Task<int> RunAsync(string[] args) => Task.FromResult(args.Length >= 0 ? 0 : 1);
}
