using System.Net;
using System.Text;

namespace MesosConsole.Mesos.Tests.Support;

/// <summary>Replays a recorded <c>.http</c> response (status line, headers, blank line, body) as an HttpResponseMessage.</summary>
public static class CapturedResponse
{
    public static byte[] Body(string captureName) => Split(Read(captureName)).Body;

    public static HttpResponseMessage Load(string captureName)
    {
        var (head, body) = Split(Read(captureName));
        var lines = Encoding.ASCII.GetString(head).Split("\r\n");
        var status = lines[0].Split(' ', 3);
        var response = new HttpResponseMessage((HttpStatusCode)int.Parse(status[1])) { ReasonPhrase = status[2] };
        response.Content = new ByteArrayContent(body);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            var (name, value) = (line[..colon], line[(colon + 1)..].Trim());
            // The body is stored de-chunked and whole, so the framing headers no longer apply.
            if (name is "Transfer-Encoding" or "Content-Length")
            {
                continue;
            }

            if (!response.Headers.TryAddWithoutValidation(name, value))
            {
                response.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return response;
    }

    private static byte[] Read(string captureName) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Captures", captureName + ".http"));

    private static (byte[] Head, byte[] Body) Split(byte[] capture)
    {
        var end = capture.AsSpan().IndexOf("\r\n\r\n"u8);
        return (capture[..end], capture[(end + 4)..]);
    }
}
