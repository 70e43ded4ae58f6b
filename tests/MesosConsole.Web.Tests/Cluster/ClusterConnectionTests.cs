using System.Net;
using MesosConsole.Mesos.Client;
using MesosConsole.Web.Cluster;
using MesosConsole.Web.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace MesosConsole.Web.Tests.Cluster;

public sealed class ClusterConnectionTests
{
    private const string Healthy = """{"type":"GET_HEALTH","get_health":{"healthy":true}}""";

    private readonly StubMasters _masters = new();
    private readonly ScriptedLocator _locator = new();
    private readonly ClusterConnection _connection;

    public ClusterConnectionTests()
    {
        _connection = new ClusterConnection(_locator, _masters, NullLogger<ClusterConnection>.Instance);
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Operator_AsksTheLocatedLeaderAndKeepsIt()
    {
        _locator.Leaders.Enqueue(new Uri("http://m1:5050"));
        _masters.Answer("m1", _ => StubMasters.Json(Healthy));

        await _connection.Operator.GetHealthAsync(Token);
        await _connection.Operator.GetHealthAsync(Token);

        Assert.Equal(1, _locator.Calls);
        Assert.Equal(["http://m1:5050/api/v1", "http://m1:5050/api/v1"], _masters.Requests.Select(u => u.ToString()));
    }

    [Fact]
    public async Task Operator_LeaderStopsAnswering_NextCallGoesToTheNewLeader()
    {
        _locator.Leaders.Enqueue(new Uri("http://m1:5050"));
        _locator.Leaders.Enqueue(new Uri("http://m2:5050"));
        _masters.Answer("m2", _ => StubMasters.Json(Healthy));

        var error = await Assert.ThrowsAsync<MesosApiException>(() => _connection.Operator.GetHealthAsync(Token));
        var health = await _connection.Operator.GetHealthAsync(Token);

        Assert.Contains("cannot reach http://m1:5050", error.Message);
        Assert.True(health.Healthy);
        Assert.Equal(new Uri("http://m2:5050/"), await _connection.GetLeaderUrlAsync(Token));
    }

    [Fact]
    public async Task Operator_LeaderRedirectsToAnother_LooksTheLeaderUpAgain()
    {
        _locator.Leaders.Enqueue(new Uri("http://m1:5050"));
        _locator.Leaders.Enqueue(new Uri("http://m2:5050"));
        _masters.Answer("m1", _ =>
        {
            var redirect = new HttpResponseMessage(HttpStatusCode.TemporaryRedirect);
            redirect.Headers.TryAddWithoutValidation("Location", "//m2:5050/api/v1");
            return redirect;
        });

        await Assert.ThrowsAsync<MesosApiException>(() => _connection.Operator.GetHealthAsync(Token));

        Assert.Equal(new Uri("http://m2:5050/"), await _connection.GetLeaderUrlAsync(Token));
    }

    [Fact]
    public async Task Operator_LeaderRejectsTheCall_KeepsTheLeader()
    {
        _locator.Leaders.Enqueue(new Uri("http://m1:5050"));
        _masters.Answer("m1", _ => new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent("Failed to validate master::Call") });

        await Assert.ThrowsAsync<MesosApiException>(() => _connection.Operator.GetHealthAsync(Token));

        Assert.Equal(new Uri("http://m1:5050/"), await _connection.GetLeaderUrlAsync(Token));
        Assert.Equal(1, _locator.Calls);
    }

    [Fact]
    public async Task GetLeaderUrlAsync_LookupFails_TheNextCallLooksAgain()
    {
        _locator.Failures.Enqueue(new MesosApiException("No master named a leader"));
        _locator.Leaders.Enqueue(new Uri("http://m1:5050"));

        await Assert.ThrowsAsync<MesosApiException>(() => _connection.GetLeaderUrlAsync(Token));
        var leader = await _connection.GetLeaderUrlAsync(Token);

        Assert.Equal(new Uri("http://m1:5050/"), leader);
        Assert.Equal(2, _locator.Calls);
    }

    [Fact]
    public async Task Operator_Subscribe_StreamsFromTheLeader()
    {
        _locator.Leaders.Enqueue(new Uri("http://m1:5050"));
        _masters.Answer("m1", _ => StubMasters.Json("20\n{\"type\":\"HEARTBEAT\"}"));

        var events = await _connection.Operator.SubscribeAsync(Token).ToListAsync(Token);

        Assert.Equal(MesosConsole.Mesos.V1.Master.EventType.Heartbeat, Assert.Single(events).Type);
    }

    [Fact]
    public async Task ConnectToLeaderAsync_LeaderChangesLater_TheClientStaysWithItsMaster()
    {
        _locator.Leaders.Enqueue(new Uri("http://m1:5050"));
        _locator.Leaders.Enqueue(new Uri("http://m2:5050"));
        _masters.Answer("m1", _ => StubMasters.Json(Healthy));
        var pinned = await _connection.ConnectToLeaderAsync(Token);

        _connection.ForgetLeader(await _connection.GetLeaderUrlAsync(Token));
        await pinned.GetHealthAsync(Token);

        Assert.Equal(new Uri("http://m2:5050/"), await _connection.GetLeaderUrlAsync(Token));
        Assert.Equal("http://m1:5050/api/v1", _masters.Requests.Single().ToString());
    }

    [Fact]
    public async Task ConnectToLeaderAsync_ItsMasterStopsAnswering_TheLeaderIsLookedUpAgain()
    {
        _locator.Leaders.Enqueue(new Uri("http://m1:5050"));
        _locator.Leaders.Enqueue(new Uri("http://m2:5050"));
        var pinned = await _connection.ConnectToLeaderAsync(Token);

        await Assert.ThrowsAsync<MesosApiException>(() => pinned.GetMasterAsync(Token));

        Assert.Equal(new Uri("http://m2:5050/"), await _connection.GetLeaderUrlAsync(Token));
    }

    /// <summary>Hands out the queued failures first, then the queued leaders, one per lookup.</summary>
    private sealed class ScriptedLocator : IMasterLocator
    {
        public Queue<Exception> Failures { get; } = new();

        public Queue<Uri> Leaders { get; } = new();

        public int Calls { get; private set; }

        public Task<Uri> LocateAsync(CancellationToken cancellationToken)
        {
            Calls++;
            return Failures.TryDequeue(out var failure) ? Task.FromException<Uri>(failure) : Task.FromResult(Leaders.Dequeue());
        }
    }
}
