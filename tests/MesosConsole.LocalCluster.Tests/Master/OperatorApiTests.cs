using System.Net;
using System.Net.Http.Headers;
using System.Text;
using MesosConsole.LocalCluster.Tests.Support;
using MesosConsole.Mesos.Json;
using MesosConsole.Mesos.RecordIO;
using MesosConsole.Mesos.V1.Master;
using TaskState = MesosConsole.Mesos.V1.TaskState;

namespace MesosConsole.LocalCluster.Tests.Master;

/// <summary>The operator API (<c>POST /api/v1</c>) as the console and mesos-go's httpmaster use it.</summary>
public sealed class OperatorApiTests
{
    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, string body, string contentType = "application/json", string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task GetHealth_WithoutAccept_IsJsonWithExactContentType()
    {
        await using var cluster = await TestCluster.StartAsync();
        using var http = new HttpClient { BaseAddress = cluster.MasterUrl };

        using var response = await PostAsync(http, """{"type":"GET_HEALTH"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("""{"type":"GET_HEALTH","get_health":{"healthy":true}}""", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task GetStateAgentsAndMaster_DescribeTheClusterAndItsLeader()
    {
        await using var cluster = await TestCluster.StartAsync();

        var master = (await Operator.CallAsync(cluster.MasterUrl, CallType.GetMaster)).GetMaster!;
        var agents = (await Operator.CallAsync(cluster.MasterUrl, CallType.GetAgents)).GetAgents!;
        var state = await Operator.CallAsync(cluster.MasterUrl, CallType.GetState);

        Assert.Equal($"master@127.0.0.1:{cluster.MasterUrl.Port}", master.MasterInfo!.Pid);
        Assert.Equal(16777343u, master.MasterInfo.Ip);
        Assert.Equal(3, agents.Agents!.Count);
        Assert.All(agents.Agents, a => Assert.Equal(4, a.TotalResources!.Single(r => r.Name == "cpus").Scalar!.Value));
        Assert.Equal(cluster.AgentUrls.Select(u => u.Port).Order(), agents.Agents.Select(a => a.AgentInfo!.Port!.Value).Order());
        Assert.Equal(ResponseType.GetState, state.Type);
        Assert.Equal(3, state.GetState!.GetAgents!.Agents!.Count);
    }

    [Fact]
    public async Task Subscribe_StreamsSnapshotThenTaskEvents()
    {
        await using var cluster = await TestCluster.StartAsync(o => o.OperatorHeartbeats = "never");
        using var http = new HttpClient { BaseAddress = cluster.MasterUrl, Timeout = Timeout.InfiniteTimeSpan };
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1") { Content = TestScheduler.Json(new Call { Type = CallType.Subscribe }) };
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        var reader = new RecordIOReader(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
        var subscribed = MesosJson.Deserialize<Event>((await reader.ReadAsync(TestContext.Current.CancellationToken))!)!;
        Assert.Equal(EventType.Subscribed, subscribed.Type);
        Assert.Equal(3, subscribed.Subscribed!.GetState!.GetAgents!.Agents!.Count);

        await using var scheduler = await TestScheduler.SubscribeAsync(cluster.MasterUrl);
        var offer = (await scheduler.NextOffersAsync())[0];
        await scheduler.LaunchAsync(offer, TestScheduler.CommandTask("watched", offer.AgentId!, "true"));

        var seen = new List<Event>();
        while (!seen.Any(e => e.TaskUpdated?.State == TaskState.TaskFinished))
        {
            seen.Add(MesosJson.Deserialize<Event>((await reader.ReadAsync(TestContext.Current.CancellationToken))!)!);
        }

        Assert.Equal(EventType.FrameworkAdded, seen[0].Type);
        var added = seen.Single(e => e.Type == EventType.TaskAdded).TaskAdded!.Task!;
        Assert.Equal(TaskState.TaskStaging, added.State);
        Assert.Equal([TaskState.TaskStarting, TaskState.TaskRunning, TaskState.TaskFinished],
            seen.Where(e => e.Type == EventType.TaskUpdated).Select(e => e.TaskUpdated!.State!.Value));
    }

    [Theory]
    [InlineData("{not json", "application/json", null, 400, "Failed to parse body into JSON: ")]
    [InlineData("""{"type":"NO_SUCH_CALL"}""", "application/json", null, 400, "Failed to validate master::Call: Expecting 'type' to be present")]
    [InlineData("""{"type":"GET_HEALTH"}""", "text/plain", null, 415, "Expecting 'Content-Type' of application/json or application/x-protobuf")]
    [InlineData("""{"type":"GET_HEALTH"}""", "application/json", "text/html", 406, "Expecting 'Accept' to allow 'application/x-protobuf' or 'application/json'")]
    public async Task BadCalls_GetMesosStatusAndReason(string body, string contentType, string? accept, int status, string reason)
    {
        await using var cluster = await TestCluster.StartAsync(o => o.Agents = 1);
        using var http = new HttpClient { BaseAddress = cluster.MasterUrl };

        using var response = await PostAsync(http, body, contentType, accept);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.StartsWith(reason, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.True((await Operator.CallAsync(cluster.MasterUrl, CallType.GetHealth)).GetHealth!.Healthy);
    }

    [Fact]
    public async Task Teardown_Is200WithoutContentType()
    {
        await using var cluster = await TestCluster.StartAsync(o => o.Agents = 1);
        await using var scheduler = await TestScheduler.SubscribeAsync(cluster.MasterUrl);
        using var http = new HttpClient { BaseAddress = cluster.MasterUrl };

        using var response = await PostAsync(http, """{"type":"TEARDOWN","teardown":{"framework_id":{"value":""" + "\"" + scheduler.FrameworkId.Value + "\"}}}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Content.Headers.ContentType);
        await scheduler.Closed.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
    }
}
