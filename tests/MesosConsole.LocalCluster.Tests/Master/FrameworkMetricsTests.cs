using System.Net;
using System.Text.Json;
using MesosConsole.LocalCluster.Tests.Support;
using MesosConsole.Mesos.V1;
using MesosConsole.Mesos.V1.Scheduler;

namespace MesosConsole.LocalCluster.Tests.Master;

/// <summary>
/// The per-framework keys of /metrics/snapshot, named as a real Mesos 1.11 master names them
/// (reference/real-mesos/running_master_metrics_snapshot.http): what a console that can only read
/// metrics learns about one framework's offers.
/// </summary>
public sealed class FrameworkMetricsTests
{
    [Fact]
    public async Task Snapshot_AFrameworkDeclinesOneOfferAcceptsOneAndSuppresses_ItsCountersSaySo()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await TestCluster.StartAsync(o => o.Agents = 2);
        await using var scheduler = await TestScheduler.SubscribeAsync(cluster.MasterUrl, new FrameworkInfo { User = "tester", Name = "metrics test" });
        var offers = await TwoOffersAsync(scheduler);

        // A long refusal: the declined agent is not offered again while the test reads.
        (await scheduler.DeclineAsync(offers[0], refuseSeconds: 3600)).EnsureSuccessStatusCode();
        (await scheduler.LaunchAsync(offers[1], TestScheduler.CommandTask("counted", offers[1].AgentId!, "sleep 1000"))).EnsureSuccessStatusCode();
        await scheduler.NextUpdateAckingAsync("counted", s => s.State == TaskState.TaskRunning);
        using (var suppress = await scheduler.CallAsync(new Call { Type = CallType.Suppress, Suppress = new SuppressCall() }))
        {
            Assert.Equal(HttpStatusCode.Accepted, suppress.StatusCode);
        }

        using var http = new HttpClient { BaseAddress = cluster.MasterUrl };
        var metrics = JsonDocument.Parse(await http.GetStringAsync("metrics/snapshot", ct)).RootElement;
        double Framework(string key) => metrics.GetProperty($"master/frameworks/metrics%20test/{scheduler.FrameworkId.Value}/{key}").GetDouble();

        Assert.Equal(1, Framework("subscribed"));
        Assert.Equal(1, Framework("offers/declined"));
        Assert.Equal(1, Framework("offers/accepted"));
        Assert.Equal(1, Framework("roles/*/suppressed"));
        Assert.Equal(1, Framework("tasks/active/task_running"));
        Assert.True(Framework("events/offers") >= 1);
        // One snapshot, taken under the master's lock: every offer sent is accepted, declined, rescinded or still out.
        Assert.Equal(Framework("offers/sent"),
            Framework("offers/accepted") + Framework("offers/declined") + Framework("offers/rescinded") + metrics.GetProperty("master/outstanding_offers").GetDouble());
    }

    [Fact]
    public async Task Snapshot_AfterTeardown_TheFrameworksKeysAreGone()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await TestCluster.StartAsync();
        await using var scheduler = await TestScheduler.SubscribeAsync(cluster.MasterUrl, new FrameworkInfo { User = "tester", Name = "gone" });
        await scheduler.NextOffersAsync();
        using var http = new HttpClient { BaseAddress = cluster.MasterUrl };
        var prefix = $"master/frameworks/gone/{scheduler.FrameworkId.Value}/";
        Assert.Contains(JsonDocument.Parse(await http.GetStringAsync("metrics/snapshot", ct)).RootElement.EnumerateObject(), p => p.Name.StartsWith(prefix, StringComparison.Ordinal));

        (await scheduler.CallAsync(new Call { Type = CallType.Teardown })).EnsureSuccessStatusCode();

        var after = JsonDocument.Parse(await http.GetStringAsync("metrics/snapshot", ct)).RootElement;
        Assert.DoesNotContain(after.EnumerateObject(), p => p.Name.StartsWith(prefix, StringComparison.Ordinal));
    }

    /// <summary>One offer per agent; they may come in one OFFERS event or two.</summary>
    private static async Task<List<Offer>> TwoOffersAsync(TestScheduler scheduler)
    {
        var offers = new List<Offer>();
        while (offers.Select(o => o.AgentId!.Value).Distinct().Count() < 2)
        {
            offers.AddRange(await scheduler.NextOffersAsync());
        }

        return [.. offers.GroupBy(o => o.AgentId!.Value).Select(g => g.First())];
    }
}
