using System.Net;
using System.Net.Sockets;

namespace MesosConsole.Provisioning.Tests.Support;

internal static class AnsibleFreePort
{
    /// <summary>A loopback port nobody listens on right now (the OS picks it).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
