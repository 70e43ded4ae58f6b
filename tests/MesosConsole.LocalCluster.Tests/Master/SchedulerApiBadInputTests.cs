using System.Net;
using System.Net.Http.Headers;
using System.Text;
using MesosConsole.LocalCluster.Tests.Support;
using MesosConsole.Mesos.V1;
using MesosConsole.Mesos.V1.Scheduler;
using TaskState = MesosConsole.Mesos.V1.TaskState;

using TaskStatus = MesosConsole.Mesos.V1.TaskStatus;

namespace MesosConsole.LocalCluster.Tests.Master;

/// <summary>
/// Bad calls get the answer a real Mesos master gives (see shared/reference/real-mesos/scheduler_*.http),
/// and the master keeps serving the well-behaved framework beside them.
/// </summary>
public sealed class SchedulerApiBadInputTests : IAsyncLifetime
{
    private Hosting.EmbeddedCluster _cluster = null!;
    private TestScheduler _scheduler = null!;
    private HttpClient _http = null!;

    public async ValueTask InitializeAsync()
    {
        _cluster = await TestCluster.StartAsync(o => o.Agents = 1);
        _scheduler = await TestScheduler.SubscribeAsync(_cluster.MasterUrl);
        _http = new HttpClient { BaseAddress = _cluster.MasterUrl };
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _scheduler.DisposeAsync();
        await _cluster.DisposeAsync();
    }

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(string body, string? contentType = "application/json", bool withStream = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/scheduler") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = contentType is null ? null : new MediaTypeHeaderValue(contentType);
        if (withStream)
        {
            request.Headers.Add("Mesos-Stream-Id", _scheduler.StreamId);
        }

        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private string Revive => $$"""{"framework_id":{"value":"{{_scheduler.FrameworkId.Value}}"},"type":"REVIVE"}""";

    /// <summary>After every bad call, the framework beside it still gets served.</summary>
    private async Task AssertStillServingAsync()
    {
        Assert.Equal(HttpStatusCode.Accepted, (await PostAsync(Revive)).Status);
        await _scheduler.NextAsync(e => e.Type == EventType.Offers);
    }

    [Fact]
    public async Task MalformedJson_Is400WithTheParseError()
    {
        var (status, body) = await PostAsync("{not json");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("Failed to parse body into JSON: ", body);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task WrongContentType_Is415()
    {
        var (status, body) = await PostAsync(Revive, "text/plain");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        Assert.Equal("Expecting 'Content-Type' of application/json or application/x-protobuf", body);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task EmptyProtobufCall_Is400TypeNotPresent()
    {
        // An empty body is a valid protobuf Call with nothing set; validation is the JSON path's.
        var (status, body) = await PostAsync("", "application/x-protobuf");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Failed to validate scheduler::Call: Expecting 'type' to be present", body);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task UnknownCallType_Is400TypeNotPresent()
    {
        var (status, body) = await PostAsync($$"""{"framework_id":{"value":"{{_scheduler.FrameworkId.Value}}"},"type":"NO_SUCH_CALL"}""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Failed to validate scheduler::Call: Expecting 'type' to be present", body);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task MissingFrameworkId_Is400()
    {
        var (status, body) = await PostAsync("""{"type":"REVIVE"}""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Failed to validate scheduler::Call: Expecting 'framework_id' to be present", body);
    }

    [Fact]
    public async Task MissingStreamId_Is400()
    {
        var (status, body) = await PostAsync(Revive, withStream: false);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("All non-subscribe calls should include the 'Mesos-Stream-Id' header", body);
    }

    [Fact]
    public async Task SomeoneElsesStreamId_Is400()
    {
        await using var other = await TestScheduler.SubscribeAsync(_cluster.MasterUrl, new FrameworkInfo { User = "x", Name = "other" });
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/scheduler") { Content = TestScheduler.Json(new Call { FrameworkId = _scheduler.FrameworkId, Type = CallType.Revive }) };
        request.Headers.Add("Mesos-Stream-Id", other.StreamId);
        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal($"The stream ID '{other.StreamId}' included in this request didn't match the stream ID currently associated with framework ID {_scheduler.FrameworkId.Value}",
            await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task DeepNesting_Is400()
    {
        var deep = new string('[', 10_000) + new string(']', 10_000);
        var (status, body) = await PostAsync($$"""{"type":"REVIVE","x":{{deep}}}""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("Failed to parse body into JSON: ", body);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task HundredMegabyteBody_Is413()
    {
        // A raw socket: the master answers 413 from the headers alone and closes, before the body is sent,
        // which HttpClient would report as a broken pipe instead of showing the answer.
        using var socket = new System.Net.Sockets.TcpClient();
        await socket.ConnectAsync(_cluster.MasterUrl.Host, _cluster.MasterUrl.Port, TestContext.Current.CancellationToken);
        var stream = socket.GetStream();
        var head = "POST /api/v1/scheduler HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            + $"Mesos-Stream-Id: {_scheduler.StreamId}\r\nContent-Length: {100 * 1024 * 1024}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), TestContext.Current.CancellationToken);
        await stream.WriteAsync(new byte[64 * 1024], TestContext.Current.CancellationToken);

        using var reader = new StreamReader(stream, Encoding.ASCII);
        var statusLine = await reader.ReadLineAsync(TestContext.Current.CancellationToken);
        var rest = await reader.ReadToEndAsync(TestContext.Current.CancellationToken);

        Assert.Equal("HTTP/1.1 413 Payload Too Large", statusLine);
        Assert.Contains("exceeds the 16777216 byte limit", rest);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task Get_Is405WithAllow()
    {
        using var response = await _http.GetAsync("api/v1/scheduler", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("POST", response.Content.Headers.Allow.Single());
    }

    [Fact]
    public async Task AcceptingAnOfferTwice_DropsEveryTaskOfTheSecondCall()
    {
        var offer = (await _scheduler.NextOffersAsync())[0];
        Assert.Equal(HttpStatusCode.Accepted, (await _scheduler.LaunchAsync(offer, TestScheduler.CommandTask("first", offer.AgentId!, "sleep 1000"))).StatusCode);

        var again = await _scheduler.LaunchAsync(offer,
            TestScheduler.CommandTask("second", offer.AgentId!, "true"),
            TestScheduler.CommandTask("third", offer.AgentId!, "true"));

        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        foreach (var id in new[] { "second", "third" })
        {
            var status = (await _scheduler.NextUpdateAsync(id)).Update!.Status!;
            Assert.Equal(TaskState.TaskLost, status.State); // not partition aware: TASK_DROPPED is shown as TASK_LOST
            Assert.Equal(TaskStatusReason.ReasonInvalidOffers, status.Reason);
            Assert.Equal(TaskStatusSource.SourceMaster, status.Source);
            Assert.Null(status.Uuid);
            Assert.Contains($"Offer {offer.Id!.Value} is no longer valid", status.Message);
        }
    }

    [Fact]
    public async Task AcceptingAnOfferTwice_PartitionAware_SeesTaskDropped()
    {
        var info = new FrameworkInfo { User = "x", Name = "pa", Capabilities = [new FrameworkCapability { Type = FrameworkCapabilityType.PartitionAware }] };
        await _scheduler.DisposeAsync();
        _scheduler = await TestScheduler.SubscribeAsync(_cluster.MasterUrl, info);
        var offer = (await _scheduler.NextOffersAsync())[0];
        await _scheduler.LaunchAsync(offer, TestScheduler.CommandTask("first", offer.AgentId!, "sleep 1000"));

        await _scheduler.LaunchAsync(offer, TestScheduler.CommandTask("second", offer.AgentId!, "true"));

        var status = (await _scheduler.NextUpdateAsync("second")).Update!.Status!;
        Assert.Equal(TaskState.TaskDropped, status.State);
    }

    [Fact]
    public async Task LaunchBiggerThanTheOffer_IsTaskErrorWhileTheOthersRun()
    {
        var offer = (await _scheduler.NextOffersAsync())[0];

        await _scheduler.LaunchAsync(offer,
            TestScheduler.CommandTask("fits", offer.AgentId!, "true"),
            TestScheduler.CommandTask("too-big", offer.AgentId!, "true", cpus: 64));

        var error = (await _scheduler.NextUpdateAsync("too-big")).Update!.Status!;
        Assert.Equal(TaskState.TaskError, error.State);
        Assert.Equal(TaskStatusReason.ReasonTaskInvalid, error.Reason);
        Assert.Contains("is more than available", error.Message);
        var fits = (await _scheduler.NextUpdateAsync("fits")).Update!.Status!;
        Assert.Equal(TaskState.TaskStarting, fits.State);
    }

    [Fact]
    public async Task ReusedTaskId_IsTaskError()
    {
        var offer = (await _scheduler.NextOffersAsync())[0];
        await _scheduler.LaunchAsync(offer, TestScheduler.CommandTask("same", offer.AgentId!, "sleep 1000"));
        await _scheduler.NextUpdateAckingAsync("same", s => s.State == TaskState.TaskRunning);
        var next = (await _scheduler.NextOffersAsync())[0];

        await _scheduler.LaunchAsync(next, TestScheduler.CommandTask("same", next.AgentId!, "true"));

        var error = (await _scheduler.NextUpdateAsync("same", s => s.Source == TaskStatusSource.SourceMaster)).Update!.Status!;
        Assert.Equal(TaskState.TaskError, error.State);
        Assert.Equal("Task has duplicate ID: same", error.Message);
    }

    [Fact]
    public async Task DecliningAnUnknownOffer_Is202()
    {
        var (status, _) = await PostAsync($$$"""{"framework_id":{"value":"{{{_scheduler.FrameworkId.Value}}}"},"type":"DECLINE","decline":{"offer_ids":[{"value":"no-such-offer"}]}}""");
        Assert.Equal(HttpStatusCode.Accepted, status);
    }
}
