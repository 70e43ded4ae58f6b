using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MesosConsole.Data.Provisioning;

namespace MesosConsole.Provisioning.Cloud.OpenStack;

/// <summary>
/// <see cref="ICloudGateway"/> over OpenStack's REST APIs with a Keystone token: Nova (servers,
/// flavors, key pairs), Glance (images) and Neutron (security groups and rules). HTTP 429 is retried
/// with back-off; other errors become plain sentences (<see cref="OpenStackErrors"/>).
/// </summary>
public sealed class OpenStackGateway(HttpClient http, OpenStackSession session, ThrottlingRetry retry) : ICloudGateway
{
    /// <summary>2.37 lets a server be created with <c>"networks": "auto"</c> where the user names no network.</summary>
    private const string NovaMicroversion = "2.37";

    public async Task<IReadOnlyList<CloudKeyPair>> ListKeyPairsAsync(CancellationToken cancellationToken)
    {
        var body = await SendAsync(HttpMethod.Get, Compute("os-keypairs"), null, "list key pairs", cancellationToken);
        return
        [
            .. Array(body, "keypairs").Select(k => k["keypair"]).OfType<JsonObject>()
                .Select(k => new CloudKeyPair(Text(k, "name")!, Text(k, "fingerprint")))
                .OrderBy(k => k.Name, StringComparer.Ordinal),
        ];
    }

    public async Task<string> CreateKeyPairAsync(string name, CancellationToken cancellationToken)
    {
        var body = await SendAsync(HttpMethod.Post, Compute("os-keypairs"), new JsonObject { ["keypair"] = new JsonObject { ["name"] = name } }, "create a key pair", cancellationToken);
        return Text(body?["keypair"], "private_key")
            ?? throw new CloudOperationException("This cloud no longer generates key pairs: create one with ssh-keygen and import its public key.", "NoPrivateKey");
    }

    public async Task ImportKeyPairAsync(string name, string publicKey, CancellationToken cancellationToken)
    {
        var request = new JsonObject { ["keypair"] = new JsonObject { ["name"] = name, ["public_key"] = publicKey.Trim() } };
        await SendAsync(HttpMethod.Post, Compute("os-keypairs"), request, "import a key pair", cancellationToken);
    }

    public async Task<IReadOnlyList<CloudChoice>> ListImagesAsync(CancellationToken cancellationToken)
    {
        var body = await SendAsync(HttpMethod.Get, new Uri(session.Image, "v2/images?status=active&limit=200"), null, "list images", cancellationToken);
        return [.. Array(body, "images").Select(i => new CloudChoice(Text(i, "id")!, Text(i, "name") ?? Text(i, "id")!)).OrderBy(c => c.Name, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<CloudChoice>> ListMachineTypesAsync(CancellationToken cancellationToken)
    {
        var body = await SendAsync(HttpMethod.Get, Compute("flavors/detail"), null, "list flavors", cancellationToken);
        return
        [
            .. Array(body, "flavors").Select(f => new CloudChoice(
                Text(f, "id")!,
                $"{Text(f, "name")} ({f["vcpus"]} vCPU, {f["ram"]} MiB)")),
        ];
    }

    /// <summary>OpenStack has no dry run: this checks that everything the launch names exists and the group is free.</summary>
    public async Task CheckAsync(LaunchPlan plan, CancellationToken cancellationToken)
    {
        await SendAsync(HttpMethod.Get, new Uri(session.Image, $"v2/images/{Uri.EscapeDataString(plan.ImageId)}"), null, $"find image {plan.ImageId}", cancellationToken);
        foreach (var flavor in new[] { plan.MasterType, plan.AgentType }.Distinct())
        {
            await SendAsync(HttpMethod.Get, Compute($"flavors/{Uri.EscapeDataString(flavor)}"), null, $"find flavor {flavor}", cancellationToken);
        }

        await SendAsync(HttpMethod.Get, Compute($"os-keypairs/{Uri.EscapeDataString(plan.KeyName)}"), null, $"find key pair {plan.KeyName}", cancellationToken);
        var groups = await SendAsync(HttpMethod.Get, new Uri(session.Network, $"v2.0/security-groups?name={Uri.EscapeDataString(plan.SecurityGroupName)}"), null, "list security groups", cancellationToken);
        if (Array(groups, "security_groups").Any())
        {
            throw new CloudOperationException($"A security group named {plan.SecurityGroupName} already exists: terminate the old cluster or choose another name.", "GroupExists");
        }
    }

    public async Task<string> CreateSecurityGroupAsync(LaunchPlan plan, CancellationToken cancellationToken)
    {
        var group = new JsonObject
        {
            ["security_group"] = new JsonObject
            {
                ["name"] = plan.SecurityGroupName,
                ["description"] = $"Mesos cluster {plan.ClusterName} (MesosConsole): Mesos ports from {plan.AllowedCidr}",
            },
        };
        var created = await SendAsync(HttpMethod.Post, new Uri(session.Network, "v2.0/security-groups"), group, "create the security group", cancellationToken);
        var groupId = Text(created?["security_group"], "id")!;
        foreach (var ports in MesosPorts.All)
        {
            var rule = new JsonObject
            {
                ["security_group_rule"] = new JsonObject
                {
                    ["security_group_id"] = groupId,
                    ["direction"] = "ingress",
                    ["ethertype"] = "IPv4",
                    ["protocol"] = "tcp",
                    ["port_range_min"] = ports.From,
                    ["port_range_max"] = ports.To,
                    ["remote_ip_prefix"] = plan.AllowedCidr,
                    ["description"] = ports.Purpose,
                },
            };
            await SendAsync(HttpMethod.Post, new Uri(session.Network, "v2.0/security-group-rules"), rule, $"open {ports.Purpose} in the security group", cancellationToken);
        }

        return groupId;
    }

    /// <summary>One server per call, so each is recorded the moment Nova returns its id.</summary>
    public async Task LaunchAsync(LaunchPlan plan, InstanceRole role, string securityGroupId, Func<LaunchedInstance, CancellationToken, Task> created, CancellationToken cancellationToken)
    {
        for (var number = 1; number <= plan.Count(role); number++)
        {
            var name = plan.InstanceName(role, number);
            var metadata = new JsonObject();
            foreach (var (key, value) in plan.TagsFor(role, name))
            {
                metadata[key] = value;
            }

            var server = new JsonObject
            {
                ["name"] = name,
                ["imageRef"] = plan.ImageId,
                ["flavorRef"] = plan.InstanceType(role),
                ["key_name"] = plan.KeyName,
                ["security_groups"] = new JsonArray(new JsonObject { ["name"] = plan.SecurityGroupName }),
                ["metadata"] = metadata,
                ["networks"] = string.IsNullOrWhiteSpace(plan.NetworkId) ? "auto" : new JsonArray(new JsonObject { ["uuid"] = plan.NetworkId }),
            };
            var body = await SendAsync(HttpMethod.Post, Compute("servers"), new JsonObject { ["server"] = server }, $"create server {name}", cancellationToken);
            await created(new LaunchedInstance(Text(body?["server"], "id")!, name, "BUILD"), cancellationToken);
        }
    }

    public async Task<IReadOnlyList<CloudInstance>> DescribeAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken)
    {
        var instances = new List<CloudInstance>();
        foreach (var id in instanceIds)
        {
            var body = await SendAsync(HttpMethod.Get, Compute($"servers/{Uri.EscapeDataString(id)}"), null, "look at the servers", cancellationToken, allowNotFound: true);
            if (body?["server"] is not JsonObject server)
            {
                instances.Add(new CloudInstance(id, "DELETED", null, null));
                continue;
            }

            var addresses = (server["addresses"] as JsonObject)?.SelectMany(n => n.Value?.AsArray().OfType<JsonObject>() ?? []).ToList() ?? [];
            string? Address(string type) => addresses.Where(a => Text(a, "OS-EXT-IPS:type") == type).Select(a => Text(a, "addr")).FirstOrDefault();
            instances.Add(new CloudInstance(id, Text(server, "status") ?? "UNKNOWN", Address("floating"), Address("fixed") ?? addresses.Select(a => Text(a, "addr")).FirstOrDefault()));
        }

        return instances;
    }

    public async Task TerminateAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken)
    {
        foreach (var id in instanceIds)
        {
            // Already gone is what terminating wants.
            await SendAsync(HttpMethod.Delete, Compute($"servers/{Uri.EscapeDataString(id)}"), null, "delete the servers", cancellationToken, allowNotFound: true);
        }
    }

    private Uri Compute(string path) => new(session.Compute, path);

    private Task<JsonObject?> SendAsync(HttpMethod method, Uri uri, JsonObject? body, string operation, CancellationToken cancellationToken, bool allowNotFound = false) =>
        retry.RunAsync(operation, async ct =>
        {
            using var request = new HttpRequestMessage(method, uri);
            request.Headers.Add("X-Auth-Token", session.Token);
            request.Headers.Add("OpenStack-API-Version", $"compute {NovaMicroversion}");
            request.Headers.Add("X-OpenStack-Nova-API-Version", NovaMicroversion);
            if (body is not null)
            {
                request.Content = JsonContent.Create(body);
            }

            using var response = await OpenStackErrors.SendAsync(http, request, operation, ct);
            if (allowNotFound && response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw await OpenStackErrors.ExplainAsync(response, operation, ct);
            }

            return response.Content.Headers.ContentLength == 0 || response.StatusCode == HttpStatusCode.NoContent
                ? null
                : await response.Content.ReadFromJsonAsync<JsonObject>(ct);
        }, OpenStackErrors.IsThrottling, cancellationToken);

    private static IEnumerable<JsonObject> Array(JsonObject? body, string name) => body?[name]?.AsArray().OfType<JsonObject>() ?? [];

    private static string? Text(JsonNode? node, string name) => node?[name] is JsonValue value ? value.ToString() : null;
}
