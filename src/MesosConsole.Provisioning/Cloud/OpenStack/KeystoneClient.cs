using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MesosConsole.Provisioning.Cloud.Credentials;

namespace MesosConsole.Provisioning.Cloud.OpenStack;

/// <summary>
/// Keystone v3: POST <c>/v3/auth/tokens</c> with a password (scoped to a project) or an application
/// credential; the token comes back in the <c>X-Subject-Token</c> header, and the body's catalog
/// gives each service's public endpoint per region.
/// </summary>
public static class KeystoneClient
{
    public static async Task<OpenStackSession> AuthenticateAsync(HttpClient http, OpenStackSecret secret, string region, CancellationToken cancellationToken)
    {
        var url = TokensUrl(secret.AuthUrl);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(AuthBody(secret)) };
        using var response = await OpenStackErrors.SendAsync(http, request, "sign in to Keystone", cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await OpenStackErrors.ExplainAsync(response, "sign in to Keystone", cancellationToken);
        }

        var token = response.Headers.TryGetValues("X-Subject-Token", out var values) ? values.FirstOrDefault() : null;
        if (string.IsNullOrEmpty(token))
        {
            throw new CloudOperationException($"{url} answered without an X-Subject-Token header: is this a Keystone v3 URL?", "NoToken");
        }

        var body = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
        var catalog = body?["token"]?["catalog"]?.AsArray() ?? [];
        return new OpenStackSession(
            token,
            Endpoint(catalog, "compute", region),
            Endpoint(catalog, "network", region),
            Endpoint(catalog, "image", region));
    }

    /// <summary>Accepts the auth URL with or without its <c>/v3</c>, as openrc files differ.</summary>
    internal static Uri TokensUrl(string authUrl)
    {
        var root = authUrl.TrimEnd('/');
        if (!root.EndsWith("/v3", StringComparison.Ordinal))
        {
            root += "/v3";
        }

        return new Uri(root + "/auth/tokens");
    }

    private static JsonObject AuthBody(OpenStackSecret secret)
    {
        if (secret.Method == OpenStackAuthMethod.ApplicationCredential)
        {
            // An application credential is already scoped to its project: no scope may be sent.
            return new JsonObject
            {
                ["auth"] = new JsonObject
                {
                    ["identity"] = new JsonObject
                    {
                        ["methods"] = new JsonArray("application_credential"),
                        ["application_credential"] = new JsonObject
                        {
                            ["id"] = secret.ApplicationCredentialId,
                            ["secret"] = secret.ApplicationCredentialSecret,
                        },
                    },
                },
            };
        }

        return new JsonObject
        {
            ["auth"] = new JsonObject
            {
                ["identity"] = new JsonObject
                {
                    ["methods"] = new JsonArray("password"),
                    ["password"] = new JsonObject
                    {
                        ["user"] = new JsonObject
                        {
                            ["name"] = secret.UserName,
                            ["domain"] = new JsonObject { ["name"] = secret.UserDomain },
                            ["password"] = secret.Password,
                        },
                    },
                },
                ["scope"] = new JsonObject
                {
                    ["project"] = new JsonObject
                    {
                        ["name"] = secret.ProjectName,
                        ["domain"] = new JsonObject { ["name"] = secret.ProjectDomain },
                    },
                },
            },
        };
    }

    private static Uri Endpoint(JsonArray catalog, string type, string region)
    {
        var service = catalog.OfType<JsonObject>().FirstOrDefault(s => s["type"]?.GetValue<string>() == type)
            ?? throw new CloudOperationException($"This cloud's service catalog has no {type} service.", "NoService");
        var endpoints = service["endpoints"]?.AsArray().OfType<JsonObject>().Where(e => e["interface"]?.GetValue<string>() == "public").ToList() ?? [];
        var inRegion = endpoints.FirstOrDefault(e => e["region"]?.GetValue<string>() == region || e["region_id"]?.GetValue<string>() == region)
            ?? throw new CloudOperationException(
                $"The {type} service has no public endpoint in region '{region}'. Regions it has: {string.Join(", ", endpoints.Select(e => e["region"]?.GetValue<string>()).Distinct())}.",
                "NoEndpoint");
        var url = inRegion["url"]!.GetValue<string>().TrimEnd('/') + "/";
        return new Uri(url);
    }
}
