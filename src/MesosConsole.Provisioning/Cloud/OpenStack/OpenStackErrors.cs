using System.Net;
using System.Text.Json.Nodes;

namespace MesosConsole.Provisioning.Cloud.OpenStack;

/// <summary>Turns OpenStack's error answers (status code plus a JSON fault body) into sentences for people.</summary>
public static class OpenStackErrors
{
    /// <summary>The code of an answer that says the project's quota is used up (not retried: waiting does not free quota).</summary>
    public const string OverQuota = "OverQuota";

    /// <summary>Sends, turning "no answer at all" (DNS, refused connection, timeout) into a sentence too.</summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpRequestMessage request, string operation, CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAsync(request, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new CloudOperationException($"Could not {operation}: {request.RequestUri?.GetLeftPart(UriPartial.Authority)} did not answer ({e.Message}).", "Unreachable", e);
        }
    }

    public static bool IsThrottling(Exception e) => e is CloudOperationException { Code: "429" };

    /// <param name="quotaAdvice">What to do when the refusal is a quota (Nova answers 403, Neutron 409): the default suits servers.</param>
    public static async Task<CloudOperationException> ExplainAsync(HttpResponseMessage response, string operation, CancellationToken cancellationToken, string? quotaAdvice = null)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var detail = FaultMessage(body);
        var code = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Conflict or HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.TooManyRequests
            && detail.Contains("quota", StringComparison.OrdinalIgnoreCase))
        {
            return new CloudOperationException(
                $"Your OpenStack project's quota would be exceeded, so the console could not {operation}. {quotaAdvice ?? "Launch fewer or smaller servers, or ask for more."} ({detail})",
                OverQuota);
        }

        var message = response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => "Keystone did not accept these credentials: check them, or create a new application credential.",
            HttpStatusCode.Forbidden => $"These OpenStack credentials are not allowed to {operation}. ({detail})",
            HttpStatusCode.NotFound => $"OpenStack could not find what is needed to {operation}. ({detail})",
            HttpStatusCode.Conflict => $"OpenStack refused to {operation}: {detail}",
            HttpStatusCode.TooManyRequests => "OpenStack kept throttling the console's calls. Wait a minute and try again.",
            _ => $"OpenStack refused to {operation}: HTTP {code}: {detail}",
        };
        return new CloudOperationException(message, code);
    }

    /// <summary>Nova and Neutron wrap the message differently: <c>{"badRequest":{"message":…}}</c>, <c>{"NeutronError":{"message":…}}</c>, <c>{"error":{"message":…}}</c>.</summary>
    private static string FaultMessage(string body)
    {
        try
        {
            if (JsonNode.Parse(body) is JsonObject fault)
            {
                foreach (var (_, value) in fault)
                {
                    if (value is JsonObject inner && inner["message"]?.GetValue<string>() is { } message)
                    {
                        return message;
                    }
                }
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // Not JSON (a proxy's HTML page): the text itself, shortened, is still the best clue.
        }

        return body.Length > 200 ? body[..200] : body;
    }
}
