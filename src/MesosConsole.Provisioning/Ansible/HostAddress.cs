using System.Net;
using System.Text.RegularExpressions;

namespace MesosConsole.Provisioning.Ansible;

/// <summary>
/// What may stand as a host in a generated inventory: an IP address or a DNS name. Anything else is
/// refused, so a typed "host" can never smuggle inventory variables (<c>x ansible_connection=local</c>)
/// or a second line into the inventory.
/// </summary>
public static partial class HostAddress
{
    /// <summary>Null when <paramref name="address"/> is usable, else a message saying what is wrong.</summary>
    public static string? Validate(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return "Give a host name or IP address.";
        }

        if (IPAddress.TryParse(address, out var ip) && (address.Contains(':') || address.Count(c => c == '.') == 3))
        {
            return ip.AddressFamily is System.Net.Sockets.AddressFamily.InterNetwork or System.Net.Sockets.AddressFamily.InterNetworkV6
                ? null
                : $"\"{address}\" is not an IPv4 or IPv6 address.";
        }

        if (address.Length > 253 || !HostNamePattern().IsMatch(address))
        {
            return $"\"{address}\" is not a host name or IP address (letters, digits, '-' and '.', e.g. node1.example.org or 10.0.0.5).";
        }

        // All-digit dotted names look like IP addresses, and "10.0.0.300" is a typo, not a host name.
        if (address.Split('.').All(label => label.All(char.IsAsciiDigit)))
        {
            return $"\"{address}\" is not a valid IP address.";
        }

        return null;
    }

    [GeneratedRegex(@"^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$")]
    private static partial Regex HostNamePattern();
}
