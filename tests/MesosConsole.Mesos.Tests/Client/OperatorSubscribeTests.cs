using System.IO.Pipelines;
using System.Net;
using System.Text;
using MesosConsole.Mesos.Client;
using MesosConsole.Mesos.RecordIO;
using MesosConsole.Mesos.Tests.Support;
using MesosConsole.Mesos.V1;
using MesosConsole.Mesos.V1.Master;
using Task = System.Threading.Tasks.Task;

namespace MesosConsole.Mesos.Tests.Client;

public sealed class OperatorSubscribeTests
{
    private readonly ScriptedHandler _master = new();

    private MesosOperatorClient Client() => new(new HttpClient(_master), new Uri("http://master.example:5050"));

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SubscribeAsync_RealMasterStream_YieldsEveryEventInOrder()
    {
        _master.AnswerWith("master_api_SUBSCRIBE_stream");

        var events = await Client().SubscribeAsync(Token).ToListAsync(Token);

        Assert.Equal(
            [EventType.Subscribed, EventType.Heartbeat, EventType.FrameworkAdded, EventType.TaskAdded,
             EventType.TaskUpdated, EventType.TaskUpdated, EventType.Heartbeat, EventType.Heartbeat],
            events.Select(e => e.Type));
        Assert.Equal("""{"type":"SUBSCRIBE"}""", _master.Requests[0].Body);
        Assert.Equal("application/json", _master.Requests[0].ContentType);
        Assert.Equal("application/json", _master.Requests[0].Headers["Accept"]);
    }

    [Fact]
    public async Task SubscribeAsync_RealMasterStream_CarriesSnapshotAndDeltas()
    {
        _master.AnswerWith("master_api_SUBSCRIBE_stream");

        var events = await Client().SubscribeAsync(Token).ToListAsync(Token);

        var subscribed = events[0].Subscribed!;
        Assert.Equal(15.0, subscribed.HeartbeatIntervalSeconds);
        Assert.Equal("slave(1)@127.0.0.1:15051", Assert.Single(subscribed.GetState!.GetAgents!.Agents!).Pid);
        Assert.Empty(subscribed.GetState.GetTasks!.Tasks!);
        Assert.Equal("mesos-execute instance", events[2].FrameworkAdded!.Framework!.FrameworkInfo!.Name);
        Assert.Equal(TaskState.TaskStaging, events[3].TaskAdded!.Task!.State);
        Assert.Equal([TaskState.TaskStarting, TaskState.TaskRunning], events[4..6].Select(e => e.TaskUpdated!.State));
        Assert.Equal("reference-sleep", events[5].TaskUpdated!.Status!.TaskId!.Value);
    }

    // Reading the whole body before the first event would never finish on an open stream: the
    // timeout turns that mistake into a failure instead of a hang.
    [Fact(Timeout = 10_000)]
    public async Task SubscribeAsync_OpenStream_YieldsEachEventWhenItArrives()
    {
        var token = TestContext.Current.CancellationToken;
        var stream = new Pipe();
        _master.Answer(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(stream.Reader.AsStream()) });
        await using var events = Client().SubscribeAsync(token).GetAsyncEnumerator(token);

        await stream.Writer.WriteAsync(Record("""{"type":"SUBSCRIBED","subscribed":{"heartbeat_interval_seconds":15}}"""), token);
        Assert.True(await events.MoveNextAsync());
        Assert.Equal(EventType.Subscribed, events.Current.Type);

        await stream.Writer.WriteAsync(Record("""{"type":"HEARTBEAT"}"""), token);
        Assert.True(await events.MoveNextAsync());
        Assert.Equal(EventType.Heartbeat, events.Current.Type);

        await stream.Writer.CompleteAsync();
        Assert.False(await events.MoveNextAsync());
    }

    [Fact]
    public async Task SubscribeAsync_MasterRefuses_ThrowsBeforeAnyEvent()
    {
        _master.AnswerWith("err_master_api_bad_accept");

        var error = await Assert.ThrowsAsync<MesosApiException>(() => Client().SubscribeAsync(Token).ToListAsync(Token).AsTask());

        Assert.Equal(HttpStatusCode.NotAcceptable, error.StatusCode);
        Assert.Equal("Expecting 'Accept' to allow 'application/x-protobuf' or 'application/json'", error.Body);
    }

    [Fact]
    public async Task SubscribeAsync_StreamCutInsideARecord_ThrowsStreamBroke()
    {
        var cut = Encoding.UTF8.GetBytes("20\n{\"type\":\"HEART");
        _master.Answer(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(cut) });

        var error = await Assert.ThrowsAsync<MesosApiException>(() => Client().SubscribeAsync(Token).ToListAsync(Token).AsTask());

        Assert.Contains("SUBSCRIBE at http://master.example:5050/api/v1: the event stream broke", error.Message);
    }

    private static byte[] Record(string json) => RecordIOWriter.Frame(Encoding.UTF8.GetBytes(json));
}
