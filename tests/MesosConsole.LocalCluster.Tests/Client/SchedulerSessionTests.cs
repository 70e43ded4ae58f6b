using System.Net;
using MesosConsole.LocalCluster.Tests.Support;
using MesosConsole.Mesos.Client;
using MesosConsole.Mesos.V1;
using MesosConsole.Mesos.V1.Scheduler;

using TaskStatus = MesosConsole.Mesos.V1.TaskStatus;

namespace MesosConsole.LocalCluster.Tests.Client;

/// <summary>The console's own scheduler-API client against the embedded master over loopback HTTP.</summary>
public sealed class SchedulerSessionTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Session_LaunchesOnAnOfferAndAcknowledgesItsWayToRunning()
    {
        await using var cluster = await TestCluster.StartAsync();
        using var http = new HttpClient(MesosHttp.CreateHandler()) { BaseAddress = cluster.MasterUrl, Timeout = Timeout.InfiniteTimeSpan };
        await using var session = await SchedulerSession.SubscribeAsync(http, new FrameworkInfo { User = "tester", Name = "session" }, Cancel);
        await using var events = session.ReadEventsAsync(Cancel).GetAsyncEnumerator(Cancel);

        var offer = (await NextAsync(events, EventType.Offers)).Offers!.Offers![0];
        await session.LaunchAsync([offer.Id!], [TestScheduler.CommandTask("via-session", offer.AgentId!, "sleep 1000")], cancellationToken: Cancel);

        // The master holds back each update until the one before is acknowledged: RUNNING arriving proves the acknowledgements landed.
        var states = new List<TaskState?>();
        TaskStatus status;
        do
        {
            status = (await NextAsync(events, EventType.Update)).Update!.Status!;
            states.Add(status.State);
            await session.AcknowledgeAsync(status, Cancel);
        }
        while (status.State != TaskState.TaskRunning);

        Assert.Equal([TaskState.TaskStarting, TaskState.TaskRunning], states);
        Assert.Equal(offer.AgentId!.Value, status.AgentId!.Value);
    }

    [Fact]
    public async Task Subscribe_Refused_ThrowsWithTheMastersStatusAndReason()
    {
        await using var cluster = await TestCluster.StartAsync();
        using var http = new HttpClient(MesosHttp.CreateHandler()) { BaseAddress = cluster.MasterUrl, Timeout = Timeout.InfiniteTimeSpan };

        var refused = await Assert.ThrowsAsync<MesosApiException>(() =>
            SchedulerSession.SubscribeAsync(http, new FrameworkInfo { User = "tester", Name = "two roles", Roles = ["a", "b"] }, Cancel));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("'FrameworkInfo.roles' is set but the MULTI_ROLE capability is not", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_RefusedByTheMaster_ThrowsWithTheReason()
    {
        await using var cluster = await TestCluster.StartAsync();
        using var http = new HttpClient(MesosHttp.CreateHandler()) { BaseAddress = cluster.MasterUrl, Timeout = Timeout.InfiniteTimeSpan };
        await using var session = await SchedulerSession.SubscribeAsync(http, new FrameworkInfo { User = "tester", Name = "session" }, Cancel);

        // A call of another framework on this stream: the master checks the stream id belongs to the framework.
        var refused = await Assert.ThrowsAsync<MesosApiException>(() =>
            session.CallAsync(new Call { Type = CallType.Revive, FrameworkId = new FrameworkID("someone-else") }, Cancel));

        Assert.NotNull(refused.StatusCode);
        Assert.StartsWith("REVIVE failed: ", refused.Message, StringComparison.Ordinal);
    }

    private static async Task<Event> NextAsync(IAsyncEnumerator<Event> events, EventType type)
    {
        while (await events.MoveNextAsync())
        {
            if (events.Current.Type == type)
            {
                return events.Current;
            }
        }

        throw new InvalidOperationException($"The stream ended before a {type} event.");
    }
}
