using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace MesosConsole.Web.Tests.Sandbox;

/// <summary>
/// An agent's files API and <c>/state</c> in memory, answering as a real agent does (see the
/// real-mesos captures): files grow, shrink or vanish as the test says, the agent can go away, and
/// every <c>/files/read</c> is counted.
/// </summary>
public sealed class FakeAgentFiles : HttpMessageHandler
{
    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _directories = new(StringComparer.Ordinal);
    private int _reads;

    /// <summary>When true every request fails as a refused connection would.</summary>
    public bool Unreachable { get; set; }

    /// <summary>The agent's /state body.</summary>
    public string StateJson { get; set; } = "{}";

    public int Reads => Volatile.Read(ref _reads);

    /// <summary>Raised after each request is answered (with its path and query).</summary>
    public event Action<string>? Answered;

    public void Directory(string path) => _directories[path.TrimEnd('/')] = true;

    public void Append(string path, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        _files.AddOrUpdate(path, bytes, (_, old) => [.. old, .. bytes]);
    }

    public void Replace(string path, string text) => _files[path] = Encoding.UTF8.GetBytes(text);

    public void Delete(string path) => _files.TryRemove(path, out _);

    /// <summary>The agent's /state with one command task's executor (its id is the task's) in <paramref name="directory"/>.</summary>
    public static string StateWithCommandTask(string frameworkId, string taskId, string directory) =>
        JsonSerializer.Serialize(new
        {
            id = "agent",
            frameworks = new[]
            {
                new
                {
                    id = frameworkId,
                    executors = new[]
                    {
                        new { id = taskId, directory, tasks = new[] { new { id = taskId } } },
                    },
                },
            },
        });

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Unreachable)
        {
            throw new HttpRequestException("Connection refused (127.0.0.1:5051)");
        }

        var uri = request.RequestUri!;
        var query = QueryHelpers.ParseQuery(uri.Query);
        var path = query.TryGetValue("path", out var p) ? p.ToString() : "";
        var response = uri.AbsolutePath switch
        {
            "/state" => Json(StateJson),
            "/files/browse" => Browse(path),
            "/files/read" => Read(path, long.Parse(query.GetValueOrDefault("offset", "0").ToString(), System.Globalization.CultureInfo.InvariantCulture),
                query.TryGetValue("length", out var l) ? long.Parse(l.ToString(), System.Globalization.CultureInfo.InvariantCulture) : -1),
            "/files/download" => Download(path),
            _ => new HttpResponseMessage(HttpStatusCode.NotFound),
        };
        Answered?.Invoke(uri.PathAndQuery);
        return Task.FromResult(response);
    }

    private HttpResponseMessage Browse(string path)
    {
        var directory = path.TrimEnd('/');
        if (!_directories.ContainsKey(directory))
        {
            return new HttpResponseMessage(HttpStatusCode.NotFound);
        }

        var entries = _directories.Keys.Where(d => Parent(d) == directory)
            .Select(d => new { gid = "root", mode = "drwxr-xr-x", mtime = 1795638012.0, nlink = 2, path = d, size = 4096, uid = "root" })
            .Concat(_files.Where(f => Parent(f.Key) == directory)
                .Select(f => new { gid = "root", mode = "-rw-r--r--", mtime = 1795638012.0, nlink = 1, path = f.Key, size = f.Value.Length, uid = "root" }))
            .OrderBy(e => e.path, StringComparer.Ordinal);
        return Json(JsonSerializer.Serialize(entries));
    }

    private HttpResponseMessage Read(string path, long offset, long length)
    {
        Interlocked.Increment(ref _reads);
        if (!_files.TryGetValue(path, out var bytes))
        {
            return new HttpResponseMessage(HttpStatusCode.NotFound);
        }

        if (offset == -1)
        {
            return Json(JsonSerializer.Serialize(new { data = "", offset = bytes.Length }));
        }

        var available = Math.Max(0, bytes.Length - offset);
        var count = (int)Math.Min(length < 0 ? 65536 : Math.Min(length, 65536), available);
        var data = count == 0 ? "" : Encoding.UTF8.GetString(bytes, (int)offset, count);
        return Json(JsonSerializer.Serialize(new { data, offset }));
    }

    private HttpResponseMessage Download(string path) =>
        _files.TryGetValue(path, out var bytes)
            ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(bytes) }
            : new HttpResponseMessage(HttpStatusCode.NotFound);

    private static HttpResponseMessage Json(string json) =>
        new(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    private static string Parent(string path) => path[..Math.Max(0, path.LastIndexOf('/'))];
}
