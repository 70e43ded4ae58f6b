using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MesosConsole.Data.Provisioning;

namespace MesosConsole.Provisioning.Cloud.OpenStack;

/// <summary>
/// <see cref="ICloudGateway"/> over OpenStack's REST APIs with a Keystone token: Nova (servers,
/// flavors, key pairs), Glance (images) and Neutron (security groups and rules, external networks,
/// ports and floating IPs). HTTP 429 is retried
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
        if (plan.WantsFloatingAddresses)
        {
            var network = await SendAsync(HttpMethod.Get, Network($"networks/{Uri.EscapeDataString(plan.ExternalNetworkId!)}"), null, $"find external network {plan.ExternalNetworkId}", cancellationToken);
            if (network?["network"]?["router:external"]?.GetValue<bool>() != true)
            {
                throw new CloudOperationException($"Network {plan.ExternalNetworkId} is not an external network, so it cannot hand out floating IPs: pick one marked external (on Jetstream2: public).", "NotExternal");
            }
        }

        var groups = await SendAsync(HttpMethod.Get, Network($"security-groups?name={Uri.EscapeDataString(plan.SecurityGroupName)}"), null, "list security groups", cancellationToken);
        if (Array(groups, "security_groups").Any())
        {
            throw new CloudOperationException($"A security group named {plan.SecurityGroupName} already exists: terminate the old cluster or choose another name.", "GroupExists");
        }
    }

    public async Task<string> CreateSecurityGroupAsync(LaunchPlan plan, Func<string, CancellationToken, Task> created, CancellationToken cancellationToken)
    {
        var group = new JsonObject
        {
            ["security_group"] = new JsonObject
            {
                ["name"] = plan.SecurityGroupName,
                ["description"] = $"Mesos cluster {plan.ClusterName} (MesosConsole): Mesos ports from {plan.AllowedCidr}",
            },
        };
        var answer = await SendAsync(HttpMethod.Post, Network("security-groups"), group, "create the security group", cancellationToken);
        var groupId = Text(answer?["security_group"], "id")!;
        await created(groupId, cancellationToken);
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
            await SendAsync(HttpMethod.Post, Network("security-group-rules"), rule, $"open {ports.Purpose} in the security group", cancellationToken);
        }

        return groupId;
    }

    /// <summary>Neutron answers 409 while a port (a server not yet fully deleted) still uses the group.</summary>
    public async Task<SecurityGroupDeletion> DeleteSecurityGroupAsync(string securityGroupId, CancellationToken cancellationToken)
    {
        var (status, _) = await ExchangeAsync(
            HttpMethod.Delete, Network($"security-groups/{Uri.EscapeDataString(securityGroupId)}"), null, "delete the security group", cancellationToken,
            tolerated: s => s is HttpStatusCode.NotFound or HttpStatusCode.Conflict);
        return status switch
        {
            HttpStatusCode.NotFound => SecurityGroupDeletion.NotFound,
            HttpStatusCode.Conflict => SecurityGroupDeletion.InUse,
            _ => SecurityGroupDeletion.Deleted,
        };
    }

    public async Task<IReadOnlyList<CloudChoice>> ListExternalNetworksAsync(CancellationToken cancellationToken)
    {
        var body = await SendAsync(HttpMethod.Get, Network("networks?router:external=true"), null, "list external networks", cancellationToken);
        return [.. Array(body, "networks").Select(n => new CloudChoice(Text(n, "id")!, Text(n, "name") is { Length: > 0 } name ? name : Text(n, "id")!)).OrderBy(c => c.Name, StringComparer.Ordinal)];
    }

    /// <summary>The server's port (Neutron creates one per network at boot), then a floating IP from the external network on it.</summary>
    public async Task<FloatingAddress> AttachFloatingAddressAsync(string instanceId, string externalNetworkId, CancellationToken cancellationToken)
    {
        var ports = await SendAsync(HttpMethod.Get, Network($"ports?device_id={Uri.EscapeDataString(instanceId)}"), null, "find the server's network port", cancellationToken);
        var portId = Array(ports, "ports").Select(p => Text(p, "id")).FirstOrDefault()
            ?? throw new CloudOperationException($"Server {instanceId} has no network port yet, so no floating IP could be attached to it.", "NoPort");
        var request = new JsonObject
        {
            ["floatingip"] = new JsonObject
            {
                ["floating_network_id"] = externalNetworkId,
                ["port_id"] = portId,
                ["description"] = $"MesosConsole: server {instanceId}",
            },
        };
        const string operation = "give the server a floating IP";
        try
        {
            var body = await SendAsync(HttpMethod.Post, Network("floatingips"), request, operation, cancellationToken,
                quotaAdvice: "Release floating IPs you no longer use (openstack floating ip list), or ask your cloud's support for a larger floating-IP quota.");
            var floating = body?["floatingip"];
            return new FloatingAddress(Text(floating, "id")!, Text(floating, "floating_ip_address")!);
        }
        catch (CloudOperationException e) when (e.Code == "409" && e.Message.Contains("No more IP addresses", StringComparison.OrdinalIgnoreCase))
        {
            throw new CloudOperationException($"The external network {externalNetworkId} has no free public addresses left. Pick another external network, or ask your cloud's support. ({e.Message})", "NoFreeAddress", e);
        }
    }

    public async Task ReleaseFloatingAddressAsync(string floatingAddressId, CancellationToken cancellationToken) =>
        await SendAsync(HttpMethod.Delete, Network($"floatingips/{Uri.EscapeDataString(floatingAddressId)}"), null, "release the floating IP", cancellationToken, allowNotFound: true);

    /// <summary>
    /// Nova cannot filter by metadata: servers are listed by the cluster's name prefix and matched by the
    /// <see cref="LaunchPlan.ClusterTag"/> metadata the launch sets. A server with a floating address is
    /// looked up in Neutron so the address can be released with it.
    /// </summary>
    public async Task<IReadOnlyList<FoundInstance>> FindLaunchedAsync(string clusterName, string? securityGroupId, CancellationToken cancellationToken)
    {
        var body = await SendAsync(HttpMethod.Get, Compute($"servers/detail?name={Uri.EscapeDataString($"^{clusterName}-")}"), null, "list the servers", cancellationToken);
        var found = new List<FoundInstance>();
        foreach (var server in Array(body, "servers"))
        {
            var metadata = server["metadata"] as JsonObject;
            if (Text(metadata, LaunchPlan.ClusterTag) != clusterName || Text(server, "status") == "DELETED")
            {
                continue;
            }

            var instance = ToInstance(Text(server, "id")!, server);
            string? floatingId = null;
            if (instance.PublicAddress is { } address)
            {
                var floating = await SendAsync(HttpMethod.Get, Network($"floatingips?floating_ip_address={Uri.EscapeDataString(address)}"), null, "find the server's floating IP", cancellationToken);
                floatingId = Array(floating, "floatingips").Select(f => Text(f, "id")).FirstOrDefault();
            }

            var role = Text(metadata, LaunchPlan.RoleTag) == "master" ? InstanceRole.Master : InstanceRole.Agent;
            found.Add(new FoundInstance(instance, Text(server, "name"), role, floatingId));
        }

        return found;
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

            instances.Add(ToInstance(id, server));
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

    /// <summary>A floating address is the one reachable from outside; the fixed one serves inside the project.</summary>
    private static CloudInstance ToInstance(string id, JsonObject server)
    {
        var addresses = (server["addresses"] as JsonObject)?.SelectMany(n => n.Value?.AsArray().OfType<JsonObject>() ?? []).ToList() ?? [];
        string? Address(string type) => addresses.Where(a => Text(a, "OS-EXT-IPS:type") == type).Select(a => Text(a, "addr")).FirstOrDefault();
        return new CloudInstance(id, Text(server, "status") ?? "UNKNOWN", Address("floating"), Address("fixed") ?? addresses.Select(a => Text(a, "addr")).FirstOrDefault());
    }

    private Uri Compute(string path) => new(session.Compute, path);

    private Uri Network(string path) => new(session.Network, "v2.0/" + path);

    private async Task<JsonObject?> SendAsync(HttpMethod method, Uri uri, JsonObject? body, string operation, CancellationToken cancellationToken, bool allowNotFound = false, string? quotaAdvice = null)
    {
        var (status, answer) = await ExchangeAsync(method, uri, body, operation, cancellationToken, allowNotFound ? s => s == HttpStatusCode.NotFound : null, quotaAdvice);
        return status == HttpStatusCode.NotFound ? null : answer;
    }

    /// <summary>One call with throttling retried; a status <paramref name="tolerated"/> accepts is returned instead of thrown.</summary>
    private Task<(HttpStatusCode Status, JsonObject? Body)> ExchangeAsync(
        HttpMethod method, Uri uri, JsonObject? body, string operation, CancellationToken cancellationToken, Func<HttpStatusCode, bool>? tolerated = null, string? quotaAdvice = null) =>
        retry.RunAsync<(HttpStatusCode, JsonObject?)>(operation, async ct =>
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
            if (!response.IsSuccessStatusCode && tolerated?.Invoke(response.StatusCode) == true)
            {
                return (response.StatusCode, null);
            }

            if (!response.IsSuccessStatusCode)
            {
                throw await OpenStackErrors.ExplainAsync(response, operation, ct, quotaAdvice);
            }

            var answer = response.Content.Headers.ContentLength == 0 || response.StatusCode == HttpStatusCode.NoContent
                ? null
                : await response.Content.ReadFromJsonAsync<JsonObject>(ct);
            return (response.StatusCode, answer);
        }, OpenStackErrors.IsThrottling, cancellationToken);

    private static IEnumerable<JsonObject> Array(JsonObject? body, string name) => body?[name]?.AsArray().OfType<JsonObject>() ?? [];

    private static string? Text(JsonNode? node, string name) => node?[name] is JsonValue value ? value.ToString() : null;
}
