using System.Runtime.CompilerServices;
using System.Text;

namespace MesosConsole.Web.Tests.Offers;

/// <summary>Reads the body of a capture in Captures/ (next to this file in the checkout).</summary>
internal static class OffersCaptures
{
    public static string Body(string name, [CallerFilePath] string here = "")
    {
        var text = File.ReadAllText(Path.Combine(Path.GetDirectoryName(here)!, "Captures", name + ".http"), Encoding.UTF8);
        // The head ends at the first blank line (CRLF as recorded; LF should a checkout convert it).
        var crlf = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return crlf >= 0 ? text[(crlf + 4)..] : text[(text.IndexOf("\n\n", StringComparison.Ordinal) + 2)..];
    }
}
