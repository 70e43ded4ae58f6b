using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MesosConsole.LocalCluster.Hosting;

/// <summary>
/// The standalone <c>mesos-local</c>-style executable:
/// <c>dotnet run --project src/MesosConsole.LocalCluster -- --port 5050 --agents 3 --work-dir DIR --resources "cpus:4;mem:4096"</c>.
/// Prints the master URL once every port answers; Ctrl-C or SIGTERM stops it with every task process gone.
/// </summary>
public static class LocalClusterProgram
{
    /// <summary>Mesos-style flags mapped onto the LocalCluster options.</summary>
    private static readonly Dictionary<string, string> Switches = new(StringComparer.Ordinal)
    {
        ["--port"] = "LocalCluster:MasterPort",
        ["--agents"] = "LocalCluster:Agents",
        ["--first-agent-port"] = "LocalCluster:FirstAgentPort",
        ["--work-dir"] = "LocalCluster:WorkDir",
        ["--resources"] = "LocalCluster:Resources",
        ["--attributes"] = "LocalCluster:Attributes",
        ["--hostname"] = "LocalCluster:Hostname",
        ["--allocation-interval"] = "LocalCluster:AllocationIntervalSeconds",
        ["--operator-heartbeats"] = "LocalCluster:OperatorHeartbeats",
    };

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            Console.WriteLine("Usage: MesosConsole.LocalCluster [--port 5050] [--agents 3] [--first-agent-port 5051] [--work-dir DIR]");
            Console.WriteLine("         [--resources \"cpus:4;mem:4096;disk:20000;ports:[31000-32000]\"] [--attributes \"rack:r1\"] [--hostname 127.0.0.1]");
            Console.WriteLine("Any LocalCluster option can also be given as --LocalCluster:Key=value or LocalCluster__Key in the environment.");
            return 0;
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = false, Args = [] });
        builder.Configuration.AddCommandLine(args, Switches);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddLocalCluster(builder.Configuration);
        using var host = builder.Build();
        try
        {
            await host.StartAsync().ConfigureAwait(false);
        }
        catch (OptionsValidationException ex)
        {
            await Console.Error.WriteLineAsync(string.Join(System.Environment.NewLine, ex.Failures)).ConfigureAwait(false);
            return 2;
        }

        var cluster = await host.Services.GetRequiredService<LocalClusterHostedService>().Started.ConfigureAwait(false);
        Console.WriteLine($"Mesos master (embedded) listening at {cluster.MasterUrl}");
        for (var i = 0; i < cluster.AgentUrls.Count; i++)
        {
            Console.WriteLine($"  agent slave({i + 1}) at {cluster.AgentUrls[i]}");
        }

        Console.WriteLine($"  work dir {cluster.WorkDir}");
        await host.WaitForShutdownAsync().ConfigureAwait(false);
        return 0;
    }
}
