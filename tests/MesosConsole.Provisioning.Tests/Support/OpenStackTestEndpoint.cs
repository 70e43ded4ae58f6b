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
    private readonly ConcurrentDictionary<string, JsonObject> _serverBodies = new();
    private readonly ConcurrentDictionary<string, string> _groups = new();
    private readonly ConcurrentDictionary<string, (string Address, string ServerId)> _floatingIps = new();
    private int _nextFloating;
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

    /// <summary>The external network Neutron lists (<c>router:external</c>), as on Jetstream2.</summary>
    public const string ExternalNetworkId = "ext-public";

    /// <summary>Servers that exist, by id, with their status.</summary>
    public IReadOnlyDictionary<string, string> Servers => _servers;

    /// <summary>Security groups that exist, by id, with their name.</summary>
    public IReadOnlyDictionary<string, string> Groups => _groups;

    /// <summary>Floating IPs allocated and not released, by id.</summary>
    public IReadOnlyDictionary<string, (string Address, string ServerId)> FloatingIps => _floatingIps;

    /// <summary>The calls of one method whose path (with query) starts with <paramref name="pathPrefix"/>.</summary>
    public IReadOnlyList<OpenStackCall> CallsTo(string method, string pathPrefix) =>
        [.. _calls.Where(c => c.Method == method && c.Path.StartsWith(pathPrefix, StringComparison.Ordinal))];

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

        var (status, reply) = Route(request.Method, request.Path.Value!, request.Query, body);
        await ReplyAsync(context, status, reply);
    }

    private (int, JsonNode?) Route(string method, string path, IQueryCollection query, JsonObject? body)
    {
        if (path.StartsWith("/network/", StringComparison.Ordinal))
        {
            return Neutron(method, path["/network".Length..], query, body);
        }

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
            case ("POST", "/compute/v2.1/servers"):
                var id = $"server-{Interlocked.Increment(ref _next)}";
                _servers[id] = "BUILD";
                _serverBodies[id] = body!["server"]!.DeepClone().AsObject();
                return (202, new JsonObject { ["server"] = new JsonObject { ["id"] = id, ["adminPass"] = "x" } });
            case ("GET", "/compute/v2.1/servers/detail"):
                var prefix = query["name"].ToString().TrimStart('^');
                return (200, new JsonObject { ["servers"] = new JsonArray([.. _servers.Keys.Order(StringComparer.Ordinal).Select(Server).Where(s => s["name"]!.GetValue<string>().StartsWith(prefix, StringComparison.Ordinal))]) });
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

            return (200, new JsonObject { ["server"] = Server(id) });
        }

        if (method == "GET" && (path.StartsWith("/compute/v2.1/flavors/", StringComparison.Ordinal) || path.StartsWith("/image/v2/images/", StringComparison.Ordinal) || path.StartsWith("/compute/v2.1/os-keypairs/", StringComparison.Ordinal)))
        {
            return (200, new JsonObject { ["found"] = path });
        }

        return (404, JsonNode.Parse("""{"itemNotFound":{"code":404,"message":"No such resource in the test endpoint."}}"""));
    }

    /// <summary>A server as Nova shows it: status, name, metadata as created, fixed address once ACTIVE and any floating one.</summary>
    private JsonObject Server(string id)
    {
        var status = _servers[id];
        var created = _serverBodies.GetValueOrDefault(id) ?? new JsonObject();
        var network = new JsonArray();
        if (status == "ACTIVE")
        {
            network.Add(new JsonObject { ["addr"] = $"10.1.0.{id[^1]}", ["OS-EXT-IPS:type"] = "fixed", ["version"] = 4 });
        }

        foreach (var floating in _floatingIps.Values.Where(f => f.ServerId == id))
        {
            network.Add(new JsonObject { ["addr"] = floating.Address, ["OS-EXT-IPS:type"] = "floating", ["version"] = 4 });
        }

        return new JsonObject
        {
            ["id"] = id,
            ["name"] = created["name"]?.DeepClone() ?? id,
            ["status"] = status,
            ["metadata"] = created["metadata"]?.DeepClone() ?? new JsonObject(),
            ["addresses"] = network.Count == 0 ? new JsonObject() : new JsonObject { ["auto_allocated_network"] = network },
        };
    }

    /// <summary>Neutron: security groups (409 on delete while a server still uses one), external networks, ports and floating IPs.</summary>
    private (int, JsonNode?) Neutron(string method, string path, IQueryCollection query, JsonObject? body)
    {
        const string groups = "/v2.0/security-groups/";
        const string floatingIps = "/v2.0/floatingips/";
        switch (method, path)
        {
            case ("GET", "/v2.0/security-groups"):
                return (200, new JsonObject { ["security_groups"] = new JsonArray([.. _groups.Where(g => g.Value == query["name"]).Select(g => new JsonObject { ["id"] = g.Key, ["name"] = g.Value })]) });
            case ("POST", "/v2.0/security-groups"):
                _groups["sg-uuid-1"] = body!["security_group"]!["name"]!.GetValue<string>();
                return (201, JsonNode.Parse("""{"security_group":{"id":"sg-uuid-1"}}"""));
            case ("POST", "/v2.0/security-group-rules"):
                return (201, new JsonObject { ["security_group_rule"] = new JsonObject { ["id"] = Guid.NewGuid().ToString() } });
            case ("GET", "/v2.0/networks"):
                var external = query["router:external"] == "true";
                return (200, new JsonObject { ["networks"] = new JsonArray([.. Networks().Where(n => !external || n["router:external"]!.GetValue<bool>())]) });
            case ("GET", "/v2.0/ports"):
                var device = query["device_id"].ToString();
                return (200, new JsonObject { ["ports"] = _servers.ContainsKey(device) ? new JsonArray(new JsonObject { ["id"] = $"port-{device}", ["device_id"] = device }) : new JsonArray() });
            case ("GET", "/v2.0/floatingips"):
                var address = query["floating_ip_address"].ToString();
                return (200, new JsonObject { ["floatingips"] = new JsonArray([.. _floatingIps.Where(f => f.Value.Address == address).Select(f => new JsonObject { ["id"] = f.Key, ["floating_ip_address"] = f.Value.Address })]) });
            case ("POST", "/v2.0/floatingips"):
                var port = body!["floatingip"]!["port_id"]!.GetValue<string>();
                var number = Interlocked.Increment(ref _nextFloating);
                var floating = (Address: $"149.165.150.{number}", ServerId: port["port-".Length..]);
                _floatingIps[$"fip-{number}"] = floating;
                return (201, new JsonObject
                {
                    ["floatingip"] = new JsonObject
                    {
                        ["id"] = $"fip-{number}",
                        ["floating_ip_address"] = floating.Address,
                        ["port_id"] = port,
                        ["floating_network_id"] = body["floatingip"]!["floating_network_id"]!.DeepClone(),
                        ["status"] = "DOWN",
                    },
                });
        }

        if (method == "GET" && path.StartsWith("/v2.0/networks/", StringComparison.Ordinal))
        {
            var network = Networks().FirstOrDefault(n => n["id"]!.GetValue<string>() == path["/v2.0/networks/".Length..]);
            return network is null ? NotFound("Network") : (200, new JsonObject { ["network"] = network });
        }

        if (method == "DELETE" && path.StartsWith(groups, StringComparison.Ordinal))
        {
            var id = path[groups.Length..];
            if (!_groups.TryGetValue(id, out var name))
            {
                return NotFound("Security group");
            }

            if (_serverBodies.Where(b => _servers.ContainsKey(b.Key)).Any(b => b.Value["security_groups"]?.AsArray().Any(g => g?["name"]?.GetValue<string>() == name) == true))
            {
                return (409, NeutronError("SecurityGroupInUse", $"Security Group {id} in use."));
            }

            _groups.TryRemove(id, out _);
            return (204, null);
        }

        if (method == "DELETE" && path.StartsWith(floatingIps, StringComparison.Ordinal))
        {
            return _floatingIps.TryRemove(path[floatingIps.Length..], out _) ? (204, null) : NotFound("Floating IP");
        }

        return NotFound("Resource");
    }

    private static IEnumerable<JsonObject> Networks() =>
    [
        new JsonObject { ["id"] = "net-1", ["name"] = "project-net", ["router:external"] = false },
        new JsonObject { ["id"] = ExternalNetworkId, ["name"] = "public", ["router:external"] = true },
    ];

    private static (int, JsonNode?) NotFound(string what) =>
        (404, NeutronError("NotFound", $"{what} could not be found."));

    private static JsonObject NeutronError(string type, string message) =>
        new() { ["NeutronError"] = new JsonObject { ["type"] = type, ["message"] = message, ["detail"] = "" } };

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
