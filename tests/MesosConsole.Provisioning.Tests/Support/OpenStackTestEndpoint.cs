using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MesosConsole.Provisioning.Tests.Support;

/// <summary>One OpenStack API call as received: method, path (with query), the token sent and the JSON body.</summary>
public sealed record OpenStackCall(string Method, string Path, string? Token, JsonObject? Body);

/// <summary>
/// A local OpenStack (Kestrel on 127.0.0.1:0) for the console's HttpClient: Keystone v3 tokens with a
/// service catalog pointing back here (<c>/compute/v2.1</c>, <c>/network</c>, <c>/image</c> in region
/// <see cref="Region"/>), and the Nova, Glance and Neutron calls the wizard makes. Records every call
/// and can be told to fail one with a status and an OpenStack fault body.
/// </summary>
public sealed class OpenStackTestEndpoint : IAsyncDisposable
{
    public const string Region = "IU";
    public const string Token = "gAAAAAtoken-for-tests";
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<OpenStackCall> _calls = new();
    private readonly ConcurrentDictionary<string, string> _servers = new();
    private readonly List<(string Method, string PathPrefix, int Status, string Body, int Skip)> _failures = [];
    private int _next;

    private OpenStackTestEndpoint(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = default!;

    public string AuthUrl => new Uri(Url, "identity/v3").ToString();

    public IReadOnlyList<OpenStackCall> Calls => [.. _calls];

    public void SetAllStatuses(string status)
    {
        foreach (var id in _servers.Keys)
        {
            _servers[id] = status;
        }
    }

    public void Fail(string method, string pathPrefix, int status, string faultJson, int skip = 0)
    {
        lock (_failures)
        {
            _failures.Add((method, pathPrefix, status, faultJson, skip));
        }
    }

    public static async Task<OpenStackTestEndpoint> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var endpoint = new OpenStackTestEndpoint(app);
        app.Run(endpoint.HandleAsync);
        await app.StartAsync();
        endpoint.Url = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        return endpoint;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value + request.QueryString.Value;
        JsonObject? body = null;
        if (request.ContentLength > 0 || request.Headers.ContentType.Count > 0)
        {
            body = JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync()) as JsonObject;
        }

        _calls.Enqueue(new OpenStackCall(request.Method, path, request.Headers["X-Auth-Token"].FirstOrDefault(), body));
        if (TakeFailure(request.Method, path) is { } failure)
        {
            await ReplyAsync(context, failure.Status, JsonNode.Parse(failure.Body));
            return;
        }

        if (path.StartsWith("/identity/", StringComparison.Ordinal))
        {
            context.Response.Headers["X-Subject-Token"] = Token;
            await ReplyAsync(context, 201, Catalog());
            return;
        }

        if (request.Headers["X-Auth-Token"] != Token)
        {
            await ReplyAsync(context, 401, JsonNode.Parse("""{"error":{"code":401,"message":"The request you have made requires authentication."}}"""));
            return;
        }

        var (status, reply) = Route(request.Method, request.Path.Value!, body);
        await ReplyAsync(context, status, reply);
    }

    private (int, JsonNode?) Route(string method, string path, JsonObject? body)
    {
        switch (method, path)
        {
            case ("GET", "/compute/v2.1/os-keypairs"):
                return (200, JsonNode.Parse("""{"keypairs":[{"keypair":{"name":"lab-key","fingerprint":"1f:51"}}]}"""));
            case ("POST", "/compute/v2.1/os-keypairs"):
                var name = body!["keypair"]!["name"]!.GetValue<string>();
                return (200, new JsonObject { ["keypair"] = new JsonObject { ["name"] = name, ["private_key"] = body["keypair"]!["public_key"] is null ? "-----BEGIN OPENSSH PRIVATE KEY-----" : null } });
            case ("GET", "/compute/v2.1/flavors/detail"):
                return (200, JsonNode.Parse("""{"flavors":[{"id":"m3.small","name":"m3.small","vcpus":2,"ram":6144},{"id":"m3.medium","name":"m3.medium","vcpus":8,"ram":30720}]}"""));
            case ("GET", "/image/v2/images"):
                return (200, JsonNode.Parse("""{"images":[{"id":"img-ubuntu","name":"Featured-Ubuntu22","status":"active"}]}"""));
            case ("GET", "/network/v2.0/security-groups"):
                return (200, JsonNode.Parse("""{"security_groups":[]}"""));
            case ("POST", "/network/v2.0/security-groups"):
                return (201, JsonNode.Parse("""{"security_group":{"id":"sg-uuid-1"}}"""));
            case ("POST", "/network/v2.0/security-group-rules"):
                return (201, new JsonObject { ["security_group_rule"] = new JsonObject { ["id"] = Guid.NewGuid().ToString() } });
            case ("POST", "/compute/v2.1/servers"):
                var id = $"server-{Interlocked.Increment(ref _next)}";
                _servers[id] = "BUILD";
                return (202, new JsonObject { ["server"] = new JsonObject { ["id"] = id, ["adminPass"] = "x" } });
        }

        if (path.StartsWith("/compute/v2.1/servers/", StringComparison.Ordinal))
        {
            var id = path["/compute/v2.1/servers/".Length..];
            if (!_servers.TryGetValue(id, out var status))
            {
                return (404, JsonNode.Parse("""{"itemNotFound":{"code":404,"message":"Instance could not be found."}}"""));
            }

            if (method == "DELETE")
            {
                _servers.TryRemove(id, out _);
                return (204, null);
            }

            var addresses = status == "ACTIVE"
                ? new JsonObject { ["auto_allocated_network"] = new JsonArray(new JsonObject { ["addr"] = $"10.1.0.{id[^1]}", ["OS-EXT-IPS:type"] = "fixed", ["version"] = 4 }) }
                : new JsonObject();
            return (200, new JsonObject { ["server"] = new JsonObject { ["id"] = id, ["status"] = status, ["addresses"] = addresses } });
        }

        if (method == "GET" && (path.StartsWith("/compute/v2.1/flavors/", StringComparison.Ordinal) || path.StartsWith("/image/v2/images/", StringComparison.Ordinal) || path.StartsWith("/compute/v2.1/os-keypairs/", StringComparison.Ordinal)))
        {
            return (200, new JsonObject { ["found"] = path });
        }

        return (404, JsonNode.Parse("""{"itemNotFound":{"code":404,"message":"No such resource in the test endpoint."}}"""));
    }

    private JsonObject Catalog()
    {
        JsonObject Service(string type, string path) => new()
        {
            ["type"] = type,
            ["endpoints"] = new JsonArray(
                new JsonObject { ["interface"] = "internal", ["region"] = Region, ["url"] = "http://internal.invalid/never-used" },
                new JsonObject { ["interface"] = "public", ["region"] = Region, ["region_id"] = Region, ["url"] = new Uri(Url, path).ToString() }),
        };
        return new JsonObject
        {
            ["token"] = new JsonObject
            {
                ["expires_at"] = "2030-01-01T00:00:00Z",
                ["catalog"] = new JsonArray(Service("compute", "compute/v2.1"), Service("network", "network"), Service("image", "image")),
            },
        };
    }

    private (int Status, string Body)? TakeFailure(string method, string path)
    {
        lock (_failures)
        {
            var index = _failures.FindIndex(f => f.Method == method && path.StartsWith(f.PathPrefix, StringComparison.Ordinal));
            if (index < 0)
            {
                return null;
            }

            var failure = _failures[index];
            if (failure.Skip > 0)
            {
                _failures[index] = failure with { Skip = failure.Skip - 1 };
                return null;
            }

            _failures.RemoveAt(index);
            return (failure.Status, failure.Body);
        }
    }

    private static async Task ReplyAsync(HttpContext context, int status, JsonNode? body)
    {
        context.Response.StatusCode = status;
        if (body is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body.ToJsonString());
        }
    }
}
