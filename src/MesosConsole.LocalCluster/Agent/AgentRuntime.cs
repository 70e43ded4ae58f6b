using System.Net;
using System.Net.Sockets;
using MesosConsole.LocalCluster.Files.Native;
using MesosConsole.Mesos.V1;

namespace MesosConsole.LocalCluster.Agent;

/// <summary>
/// One agent's identity and environment, shared by its task supervisor and its HTTP endpoints:
/// ids, where it listens (known once Kestrel is bound), its canonical work dir and its clock.
/// </summary>
internal sealed class AgentRuntime
{
    public AgentRuntime(LocalAgentSettings settings, TimeProvider time)
    {
        Settings = settings;
        Time = time;
        Id = settings.Info.Id ?? throw new ArgumentException("AgentInfo.id is required.", nameof(settings));
        Hostname = settings.Info.Hostname ?? "127.0.0.1";
        Ip = ResolveIp(Hostname);
        Port = settings.Info.Port ?? 0;

        // Sandboxes are jails for the files API, which compares canonical paths: resolve symlinks once here.
        Directory.CreateDirectory(settings.WorkDir);
        WorkDir = FilesInterop.Realpath(Path.GetFullPath(settings.WorkDir))
            ?? throw new DirectoryNotFoundException(settings.WorkDir);
        StartTime = NowSeconds();
    }

    public LocalAgentSettings Settings { get; }

    public TimeProvider Time { get; }

    public AgentID Id { get; }

    public string Hostname { get; }

    public IPAddress Ip { get; }

    /// <summary>The bound port once started (the configured one before).</summary>
    public int Port { get; private set; }

    public string WorkDir { get; }

    /// <summary>Unix seconds at construction (/state's start_time).</summary>
    public double StartTime { get; }

    /// <summary>libprocess pid, from which the web UI builds this agent's URLs (reference §8.6).</summary>
    public string Pid => FormattableString.Invariant($"slave({Settings.Index})@{Ip}:{Port}");

    /// <summary>ip:port, as MESOS_AGENT_ENDPOINT.</summary>
    public string Endpoint => FormattableString.Invariant($"{Ip}:{Port}");

    public void Bound(int port) => Port = port;

    /// <summary>Now as Mesos timestamps are written: Unix seconds with a fraction.</summary>
    public double NowSeconds() => (Time.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks / (double)TimeSpan.TicksPerSecond;

    private static IPAddress ResolveIp(string hostname)
    {
        if (IPAddress.TryParse(hostname, out var ip))
        {
            return ip;
        }

        if (string.Equals(hostname, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return IPAddress.Loopback;
        }

        return Dns.GetHostAddresses(hostname).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
            ?? IPAddress.Loopback;
    }
}
