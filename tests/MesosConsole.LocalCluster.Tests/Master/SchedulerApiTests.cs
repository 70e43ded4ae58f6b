using System.Net;
using System.Text.Json;
using MesosConsole.LocalCluster.Tests.Support;
using MesosConsole.Mesos.V1;
using MesosConsole.Mesos.V1.Scheduler;
using TaskState = MesosConsole.Mesos.V1.TaskState;

using TaskStatus = MesosConsole.Mesos.V1.TaskStatus;

namespace MesosConsole.LocalCluster.Tests.Master;

/// <summary>The scheduler API driven over real HTTP, as a framework would.</summary>
public sealed class SchedulerApiTests
{
    [Fact]
    public async Task Subscribe_NewFramework_GetsIdHeartbeatAndOffersForEveryAgent()
    {
        await using var cluster = await TestCluster.StartAsync();
        await using var scheduler = await TestScheduler.SubscribeAsync(cluster.MasterUrl);

        Assert.StartsWith(scheduler.Subscribed.MasterInfo!.Id + "-", scheduler.FrameworkId.Value);
        Assert.Equal("application/json", scheduler.Subscription.Content.Headers.ContentType!.ToString());
        Assert.Equal(15, scheduler.Subscribed.HeartbeatIntervalSeconds);
        Assert.Equal(cluster.MasterUrl.Port, scheduler.Subscribed.MasterInfo!.Port);
        await scheduler.NextAsync(e => e.Type == EventType.Heartbeat);

        var agents = new HashSet<string>();
        while (agents.Count < 3)
        {
            foreach (var offer in await scheduler.NextOffersAsync())
            {
                Assert.Equal(4, offer.Resources!.Single(r => r.Name == "cpus").Scalar!.Value);
                Assert.Equal("*", offer.Resources!.Single(r => r.Name == "cpus").Role);
                Assert.Equal("/slave(", offer.Url!.Path![..7]);
                agents.Add(offer.AgentId!.Value);
            }
        }
    }

    [Fact]
    public async Task Launch_FiftyTasks_AllFinishAndTheirStdoutIsReadableThroughTheFilesApi()
    {
        await using var cluster = await TestCluster.StartAsync();
        await using var scheduler = await TestScheduler.SubscribeAsync(cluster.MasterUrl);
        var pending = Enumerable.Range(0, 50).Select(i => $"task-{i}").ToList();
        var agentOf = new Dictionary<string, Offer>();
        var finished = new HashSet<string>();

        while (finished.Count < 50)
        {
            var e = await scheduler.NextAsync(e => e.Type is EventType.Offers or EventType.Update);
            if (e.Type == EventType.Offers)
            {
                foreach (var offer in e.Offers!.Offers!)
                {
                    var batch = pending.Take(20).ToList();
                    pending.RemoveRange(0, batch.Count);
                    if (batch.Count == 0)
                    {
                        await scheduler.DeclineAsync(offer);
                        continue;
                    }

                    batch.ForEach(id => agentOf[id] = offer);
                    var response = await scheduler.LaunchAsync(offer, batch.Select(id => TestScheduler.CommandTask(id, offer.AgentId!, $"echo out-of-{id}")).ToArray());
                    Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
                }

                continue;
            }

            var status = e.Update!.Status!;
            Assert.NotNull(status.Uuid);
            Assert.Equal(16, status.Uuid!.Length);
            Assert.Equal(HttpStatusCode.Accepted, (await scheduler.AcknowledgeAsync(status)).StatusCode);
            Assert.NotEqual(TaskState.TaskFailed, status.State);
            if (status.State == TaskState.TaskFinished)
            {
                finished.Add(status.TaskId!.Value);
            }
        }

        using var http = new HttpClient();
        foreach (var (taskId, offer) in agentOf)
        {
            var agentUrl = $"http://{offer.Url!.Address!.Ip}:{offer.Url.Address.Port}";
            var path = $"/frameworks/{scheduler.FrameworkId.Value}/executors/{taskId}/runs/latest/stdout";
            var json = await http.GetStringAsync($"{agentUrl}/files/read?path={Uri.EscapeDataString(path)}&offset=0", TestContext.Current.CancellationToken);
            using var doc = JsonDocument.Parse(json);
            Assert.Equal($"out-of-{taskId}\n", doc.RootElement.GetProperty("data").GetString());
        }
    }

    [Fact]
    public async Task Launch_FailingCommand_EndsFailedWithTheExitStatus()
    {
        await using var cluster = await TestCluster.StartAsync();
        await using var scheduler = await TestScheduler.SubscribeAsync(cluster.MasterUrl);
        var offer = (await scheduler.NextOffersAsync())[0];

        await scheduler.LaunchAsync(offer, TestScheduler.CommandTask("fails", offer.AgentId!, "exit 3"));

        var failed = await scheduler.NextUpdateAckingAsync("fails", s => s.State == TaskState.TaskFailed);
        Assert.Equal("Command exited with status 3", failed.Message);
        Assert.Equal(TaskStatusReason.ReasonCommandExecutorFailed, failed.Reason);
        Assert.Equal(TaskStatusSource.SourceExecutor, failed.Source);
    }

    [Fact]
    public async Task Kill_RunningTask_IsKilledAndItsResourcesComeBack()
    {
        await using var cluster = await TestCluster.StartAsync(o => o.Agents = 1);
        var info = new FrameworkInfo
        {
            User = "tester",
            Name = "killer",
            Capabilities = [new FrameworkCapability { Type = FrameworkCapabilityType.TaskKillingState }],
        };
        await using var scheduler = await TestScheduler.SubscribeAsync(cluster.MasterUrl, info);
        var offer = (await scheduler.NextOffersAsync())[0];
        await scheduler.LaunchAsync(offer, TestScheduler.CommandTask("sleeper", offer.AgentId!, "sleep 1000", cpus: 3));
        await scheduler.NextUpdateAckingAsync("sleeper", s => s.State == TaskState.TaskRunning);

        await scheduler.CallAsync(new Call { Type = CallType.Kill, Kill = new KillCall { TaskId = new TaskID("sleeper"), AgentId = offer.AgentId } });

        await scheduler.NextUpdateAckingAsync("sleeper", s => s.State == TaskState.TaskKilling);
        var killed = await scheduler.NextUpdateAckingAsync("sleeper", s => s.State == TaskState.TaskKilled);
        Assert.Equal(TaskStatusSource.SourceExecutor, killed.Source);
        var next = await scheduler.NextAsync(e => e.Type == EventType.Offers && e.Offers!.Offers![0].Resources!.Single(r => r.Name == "cpus").Scalar!.Value >= 3);
        Assert.Equal(offer.AgentId, next.Offers!.Offers![0].AgentId);
    }

    [Fact]
    public async Task StatusUpdate_NeverAcknowledged_IsSentAgainWithTheSameUuid()
    {
        await using var cluster = await TestCluster.StartAsync(o => o.StatusUpdateRetrySeconds = 0.2);
        await using var scheduler = await TestScheduler.SubscribeAsync(cluster.MasterUrl);
        var offer = (await scheduler.NextOffersAsync())[0];
        await scheduler.LaunchAsync(offer, TestScheduler.CommandTask("unacked", offer.AgentId!, "true"));

        var first = (await scheduler.NextUpdateAsync("unacked")).Update!.Status!;
        var again = (await scheduler.NextUpdateAsync("unacked")).Update!.Status!;
        var third = (await scheduler.NextUpdateAsync("unacked")).Update!.Status!;

        // Only the head of the task's queue is outstanding: the same update comes back, never the next one.
        Assert.Equal(TaskState.TaskStarting, first.State);
        Assert.Equal(first.Uuid, again.Uuid);
        Assert.Equal(first.Uuid, third.Uuid);

        await scheduler.AcknowledgeAsync(first);
        var running = (await scheduler.NextUpdateAsync("unacked", s => !s.Uuid!.SequenceEqual(first.Uuid!))).Update!.Status!;
        Assert.Equal(TaskState.TaskRunning, running.State);
    }

    [Fact]
    public async Task Reconnect_WithinFailoverTimeout_KeepsIdAndTasksAndRetiresTheOldStreamId()
    {
        await using var cluster = await TestCluster.StartAsync(o => o.Agents = 1);
        var info = new FrameworkInfo { User = "tester", Name = "reconnecting", FailoverTimeout = 3600 };
        var first = await TestScheduler.SubscribeAsync(cluster.MasterUrl, info);
        var offer = (await first.NextOffersAsync())[0];
        await first.LaunchAsync(offer, TestScheduler.CommandTask("survivor", offer.AgentId!, "sleep 1000"));
        await first.NextUpdateAsync("survivor", s => s.State == TaskState.TaskStarting);
        var oldStream = first.StreamId;
        var id = first.FrameworkId;
        await first.DisposeAsync();

        await using var second = await TestScheduler.SubscribeAsync(cluster.MasterUrl,
            new FrameworkInfo { User = "tester", Name = "reconnecting", FailoverTimeout = 3600 }, id);

        Assert.Equal(id, second.FrameworkId);
        Assert.NotEqual(oldStream, second.StreamId);
        // The unacknowledged update is delivered again on the new stream.
        var update = (await second.NextUpdateAsync("survivor")).Update!.Status!;
        Assert.Equal(TaskState.TaskStarting, update.State);

        using var http = new HttpClient { BaseAddress = cluster.MasterUrl };
        using var stale = new HttpRequestMessage(HttpMethod.Post, "api/v1/scheduler")
        {
            Content = TestScheduler.Json(new Call { FrameworkId = id, Type = CallType.Revive }),
        };
        stale.Headers.Add("Mesos-Stream-Id", oldStream);
        var response = await http.SendAsync(stale, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("didn't match the stream ID", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Reconcile_Implicit_AnswersEveryTaskWithoutUuid()
    {
        await using var cluster = await TestCluster.StartAsync(o => o.Agents = 1);
        await using var scheduler = await TestScheduler.SubscribeAsync(cluster.MasterUrl);
        var offer = (await scheduler.NextOffersAsync())[0];
        await scheduler.LaunchAsync(offer,
            TestScheduler.CommandTask("a", offer.AgentId!, "sleep 1000"),
            TestScheduler.CommandTask("b", offer.AgentId!, "sleep 1000"));
        await scheduler.NextUpdateAsync("a");
        await scheduler.NextUpdateAsync("b");

        await scheduler.CallAsync(new Call { Type = CallType.Reconcile, Reconcile = new ReconcileCall { Tasks = [] } });

        var answers = new[]
        {
            (await scheduler.NextAsync(e => e.Update?.Status?.Reason == TaskStatusReason.ReasonReconciliation)).Update!.Status!,
            (await scheduler.NextAsync(e => e.Update?.Status?.Reason == TaskStatusReason.ReasonReconciliation)).Update!.Status!,
        };
        Assert.Equal(["a", "b"], answers.Select(s => s.TaskId!.Value).Order());
        Assert.All(answers, s =>
        {
            Assert.Null(s.Uuid);
            Assert.Equal(TaskStatusSource.SourceMaster, s.Source);
            Assert.Equal("Reconciliation: Latest task state", s.Message);
        });
    }

    [Fact]
    public async Task Teardown_EndsTheStreamAndMovesTheFrameworkToCompleted()
    {
        await using var cluster = await TestCluster.StartAsync(o => o.Agents = 1);
        await using var scheduler = await TestScheduler.SubscribeAsync(cluster.MasterUrl);
        var offer = (await scheduler.NextOffersAsync())[0];
        await scheduler.LaunchAsync(offer, TestScheduler.CommandTask("doomed", offer.AgentId!, "sleep 1000"));
        await scheduler.NextUpdateAsync("doomed");

        Assert.Equal(HttpStatusCode.Accepted, (await scheduler.CallAsync(new Call { Type = CallType.Teardown })).StatusCode);

        await scheduler.Closed.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        var frameworks = (await Operator.CallAsync(cluster.MasterUrl, Mesos.V1.Master.CallType.GetFrameworks)).GetFrameworks!;
        Assert.Empty(frameworks.Frameworks!);
        var completed = Assert.Single(frameworks.CompletedFrameworks!);
        Assert.Equal(scheduler.FrameworkId, completed.FrameworkInfo!.Id);
    }

    [Fact]
    public async Task Offer_HeldLongerThanTheOfferTimeout_IsRescinded()
    {
        await using var cluster = await TestCluster.StartAsync(o =>
        {
            o.Agents = 1;
            o.OfferTimeoutSeconds = 0.3;
        });
        await using var scheduler = await TestScheduler.SubscribeAsync(cluster.MasterUrl);
        var offer = (await scheduler.NextOffersAsync())[0];

        var rescind = await scheduler.NextAsync(e => e.Type == EventType.Rescind);

        Assert.Equal(offer.Id, rescind.Rescind!.OfferId);
        var launch = await scheduler.LaunchAsync(offer, TestScheduler.CommandTask("late", offer.AgentId!, "true"));
        Assert.Equal(HttpStatusCode.Accepted, launch.StatusCode);
        var dropped = (await scheduler.NextUpdateAsync("late")).Update!.Status!;
        Assert.Equal(TaskStatusReason.ReasonInvalidOffers, dropped.Reason);
    }

    [Fact]
    public async Task Reconcile_Explicit_AnswersKnownTasksAndUnknownOnesAsLostOrGone()
    {
        await using var cluster = await TestCluster.StartAsync(o => o.Agents = 1);
        var info = new FrameworkInfo
        {
            User = "t",
            Name = "reconciler",
            Capabilities = [new FrameworkCapability { Type = FrameworkCapabilityType.PartitionAware }],
        };
        await using var scheduler = await TestScheduler.SubscribeAsync(cluster.MasterUrl, info);
        var offer = (await scheduler.NextOffersAsync())[0];
        await scheduler.LaunchAsync(offer, TestScheduler.CommandTask("known", offer.AgentId!, "sleep 1000"));
        await scheduler.NextUpdateAckingAsync("known", s => s.State == TaskState.TaskRunning);

        await scheduler.CallAsync(new Call
        {
            Type = CallType.Reconcile,
            Reconcile = new ReconcileCall
            {
                Tasks =
                [
                    new ReconcileTask { TaskId = new TaskID("known"), AgentId = offer.AgentId },
                    new ReconcileTask { TaskId = new TaskID("never-launched"), AgentId = offer.AgentId },
                    new ReconcileTask { TaskId = new TaskID("nowhere") },
                ],
            },
        });

        var known = (await scheduler.NextUpdateAsync("known", s => s.Reason == TaskStatusReason.ReasonReconciliation)).Update!.Status!;
        var gone = (await scheduler.NextUpdateAsync("never-launched")).Update!.Status!;
        var unknown = (await scheduler.NextUpdateAsync("nowhere")).Update!.Status!;
        Assert.Equal(TaskState.TaskRunning, known.State);
        Assert.Equal(TaskState.TaskGone, gone.State);       // agent registered, task unknown to it
        Assert.Equal(TaskState.TaskUnknown, unknown.State); // no agent given, nothing known
        Assert.All([known, gone, unknown], s => Assert.Null(s.Uuid));
    }
}
