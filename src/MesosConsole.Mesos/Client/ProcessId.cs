using System.Globalization;

namespace MesosConsole.Mesos.Client;

/// <summary>
/// A libprocess process id as Mesos writes it in <c>pid</c> fields: <c>name@host:port</c>
/// (<c>master@10.0.0.5:5050</c>, <c>slave(1)@10.0.0.6:5051</c>). The address part is where that
/// process answers HTTP.
/// </summary>
public readonly record struct ProcessId(string Name, string Host, int Port)
{
    /// <summary>The <c>host:port</c> part, as it appears after the <c>@</c>.</summary>
    public string Address => $"{Host}:{Port}";

    public static bool TryParse(string? text, out ProcessId pid)
    {
        pid = default;
        var at = text?.IndexOf('@', StringComparison.Ordinal) ?? -1;
        if (text is null || at <= 0)
        {
            return false;
        }

        var address = text[(at + 1)..];
        var colon = address.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(address[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            return false;
        }

        pid = new ProcessId(text[..at], address[..colon], port);
        return true;
    }

    public override string ToString() => $"{Name}@{Address}";
}
