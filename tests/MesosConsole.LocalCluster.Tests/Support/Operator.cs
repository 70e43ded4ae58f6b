using System.Net.Http.Headers;
using System.Text;
using MesosConsole.Mesos.Json;
using MesosConsole.Mesos.V1.Master;

namespace MesosConsole.LocalCluster.Tests.Support;

/// <summary>Operator API calls over HTTP, for tests that check what the master reports.</summary>
internal static class Operator
{
    public static async Task<Response> CallAsync(Uri masterUrl, CallType type)
    {
        using var http = new HttpClient { BaseAddress = masterUrl };
        using var content = new StringContent(MesosJson.SerializeToString(new Call { Type = type }), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        using var response = await http.PostAsync("api/v1", content);
        response.EnsureSuccessStatusCode();
        return MesosJson.Deserialize<Response>(await response.Content.ReadAsByteArrayAsync())!;
    }
}
