using System.Net;
using System.Text.Json;
using MesosConsole.LocalCluster.Tests.Support;

namespace MesosConsole.LocalCluster.Tests.Master;

/// <summary>The JSON endpoints the Mesos web UI and tools read (reference §8).</summary>
public sealed class LegacyEndpointsTests
{
    [Fact]
    public async Task MasterState_ListsSlavesLeaderAndFrameworkTasks()
    {
        await using var cluster = await TestCluster.StartAsync();
        await using var scheduler = await TestScheduler.SubscribeAsync(cluster.MasterUrl);
        var offer = (await scheduler.NextOffersAsync())[0];
        await scheduler.LaunchAsync(offer, TestScheduler.CommandTask("listed", offer.AgentId!, "sleep 1000", cpus: 0.5, mem: 64));
        await scheduler.NextUpdateAsync("listed");
        using var http = new HttpClient { BaseAddress = cluster.MasterUrl };

        using var response = await http.GetAsync("master/state", TestContext.Current.CancellationToken);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var root = doc.RootElement;

        Assert.Equal("application/json", response.Content.Headers.ContentType!.ToString());
        Assert.Equal(root.GetProperty("pid").GetString(), root.GetProperty("leader").GetString());
        Assert.Equal(3, root.GetProperty("slaves").GetArrayLength());
        Assert.Equal("[31000-32000]", root.GetProperty("slaves")[0].GetProperty("resources").GetProperty("ports").GetString());
        var framework = root.GetProperty("frameworks")[0];
        Assert.Equal(scheduler.FrameworkId.Value, framework.GetProperty("id").GetString());
        var task = framework.GetProperty("tasks")[0];
        Assert.Equal("listed", task.GetProperty("id").GetString());
        Assert.Equal(0.5, task.GetProperty("resources").GetProperty("cpus").GetDouble());
        var slave = root.GetProperty("slaves").EnumerateArray().Single(s => s.GetProperty("id").GetString() == offer.AgentId!.Value);
        Assert.Equal(64, slave.GetProperty("used_resources").GetProperty("mem").GetDouble());
    }

    [Fact]
    public async Task Redirect_PointsAtTheLeaderProtocolRelative()
    {
        await using var cluster = await TestCluster.StartAsync(o => o.Agents = 1);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = cluster.MasterUrl };

        using var response = await http.GetAsync("master/redirect", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal($"//127.0.0.1:{cluster.MasterUrl.Port}", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task HealthVersionMetricsAndJsonp_Answer()
    {
        await using var cluster = await TestCluster.StartAsync(o => o.Agents = 2);
        using var http = new HttpClient { BaseAddress = cluster.MasterUrl };

        using var health = await http.GetAsync("health", TestContext.Current.CancellationToken);
        var version = JsonDocument.Parse(await http.GetStringAsync("version", TestContext.Current.CancellationToken)).RootElement;
        var metrics = JsonDocument.Parse(await http.GetStringAsync("metrics/snapshot", TestContext.Current.CancellationToken)).RootElement;
        using var jsonp = await http.GetAsync("master/state-summary?jsonp=cb", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("1.11.1", version.GetProperty("version").GetString());
        Assert.Equal(2, metrics.GetProperty("master/slaves_active").GetDouble());
        Assert.Equal(8, metrics.GetProperty("master/cpus_total").GetDouble());
        Assert.Equal("text/javascript", jsonp.Content.Headers.ContentType!.MediaType);
        var body = await jsonp.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.StartsWith("cb({", body);
        Assert.EndsWith("});", body); // libprocess appends a semicolon
    }
}
