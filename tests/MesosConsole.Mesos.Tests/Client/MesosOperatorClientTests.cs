using System.Net;
using System.Text;
using System.Text.Json;
using MesosConsole.Mesos.Client;
using MesosConsole.Mesos.Tests.Support;
using MesosConsole.Mesos.V1;
using Task = System.Threading.Tasks.Task;

namespace MesosConsole.Mesos.Tests.Client;

public sealed class MesosOperatorClientTests
{
    private static readonly Uri Master = new("http://master.example:5050");
    private readonly ScriptedHandler _master = new();

    private MesosOperatorClient Client(Uri? masterUrl = null) => new(new HttpClient(_master), masterUrl ?? Master);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetStateAsync_PostsAJsonCallWithExactMediaTypes()
    {
        _master.AnswerWith("running_master_api_GET_STATE");

        await Client().GetStateAsync(Token);

        var request = Assert.Single(_master.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("http://master.example:5050/api/v1", request.Url.ToString());
        Assert.Equal("application/json", request.ContentType);
        Assert.Equal("application/json", request.Headers["Accept"]);
        Assert.Equal("""{"type":"GET_STATE"}""", request.Body);
    }

    [Fact]
    public async Task GetStateAsync_RunningMasterCapture_ReadsTasksFrameworksAndAgents()
    {
        _master.AnswerWith("running_master_api_GET_STATE");

        var state = await Client().GetStateAsync(Token);

        var task = Assert.Single(state.GetTasks!.Tasks!);
        Assert.Equal("reference-sleep", task.TaskId!.Value);
        Assert.Equal(TaskState.TaskRunning, task.State);
        Assert.Equal([TaskState.TaskStarting, TaskState.TaskRunning], task.Statuses!.Select(s => s.State));
        Assert.Equal(25433, task.Statuses![1].ContainerStatus!.ExecutorPid);

        var framework = Assert.Single(state.GetFrameworks!.Frameworks!);
        Assert.Equal("mesos-execute instance", framework.FrameworkInfo!.Name);
        Assert.Equal("e86c8183-8577-4fa1-9928-b713c9c27ffa-0000", framework.FrameworkInfo.Id!.Value);
        Assert.True(framework.Active);
        Assert.True(framework.FrameworkInfo.Has(FrameworkCapabilityType.PartitionAware));

        var agent = Assert.Single(state.GetAgents!.Agents!);
        Assert.Equal("slave(1)@127.0.0.1:15051", agent.Pid);
        Assert.True(agent.Active);
        Assert.Equal("1.11.1", agent.Version);
        // 64-bit nanoseconds beyond 2^53 must survive exactly.
        Assert.Equal(1795637909211695872L, agent.RegisteredTime!.Nanoseconds);
        var ports = agent.AgentInfo!.Resources!.Single(r => r.Name == "ports");
        Assert.Equal((31000UL, 32000UL), (ports.Ranges!.Range![0].Begin!.Value, ports.Ranges.Range[0].End!.Value));
    }

    [Fact]
    public async Task GetMasterAsync_IdleMasterCapture_ReadsTheLeadersIdentity()
    {
        _master.AnswerWith("idle_master_api_GET_MASTER");

        var master = await Client().GetMasterAsync(Token);

        Assert.Equal("e86c8183-8577-4fa1-9928-b713c9c27ffa", master.MasterInfo!.Id);
        Assert.Equal("master@127.0.0.1:15050", master.MasterInfo.Pid);
        Assert.Equal("127.0.0.1", master.MasterInfo.Hostname);
        Assert.Equal("1.11.1", master.MasterInfo.Version);
        Assert.Equal(16777343u, master.MasterInfo.Ip);
        Assert.Equal(1795637908.087431, master.ElectedTime);
    }

    [Fact]
    public async Task GetHealthAsync_HealthyCapture_ReportsHealthy()
    {
        _master.AnswerWith("running_master_api_GET_HEALTH");

        var health = await Client().GetHealthAsync(Token);

        Assert.True(health.Healthy);
        Assert.Equal("""{"type":"GET_HEALTH"}""", _master.Requests[0].Body);
    }

    [Fact]
    public async Task GetVersionAsync_Capture_ReadsVersionInfo()
    {
        _master.AnswerWith("running_master_api_GET_VERSION");

        var version = await Client().GetVersionAsync(Token);

        Assert.Equal("1.11.1", version.VersionInfo!.Version);
        Assert.Equal(1795636684.0, version.VersionInfo.BuildTime);
    }

    [Fact]
    public async Task GetAgentsAsync_Capture_ReadsAgentsAndUnknownCapabilitiesAsUnset()
    {
        _master.AnswerWith("running_master_api_GET_AGENTS");

        var agents = await Client().GetAgentsAsync(Token);

        var agent = Assert.Single(agents.Agents!);
        Assert.Equal("127.0.0.1", agent.AgentInfo!.Hostname);
        Assert.Equal(15051, agent.AgentInfo.Port);
        // Mesos 1.11 lists capabilities newer than our enum; they read as "not set", not as a failure.
        Assert.Equal(8, agent.Capabilities!.Count);
        Assert.Equal(3, agent.Capabilities.Count(c => c.Type is not null));
        Assert.Empty(agents.RecoveredAgents!);
    }

    [Fact]
    public async Task GetFrameworksAsync_Capture_ReadsFrameworks()
    {
        _master.AnswerWith("running_master_api_GET_FRAMEWORKS");

        var frameworks = await Client().GetFrameworksAsync(Token);

        var framework = Assert.Single(frameworks.Frameworks!);
        Assert.Equal("root", framework.FrameworkInfo!.User);
        Assert.True(framework.Connected);
        Assert.Empty(frameworks.CompletedFrameworks!);
    }

    [Fact]
    public async Task GetTasksAsync_Capture_ReadsTasks()
    {
        _master.AnswerWith("running_master_api_GET_TASKS");

        var tasks = await Client().GetTasksAsync(Token);

        var task = Assert.Single(tasks.Tasks!);
        Assert.Equal(TaskState.TaskRunning, task.StatusUpdateState);
        Assert.Equal("e86c8183-8577-4fa1-9928-b713c9c27ffa-S0", task.AgentId!.Value);
        Assert.Empty(tasks.CompletedTasks!);
    }

    [Fact]
    public async Task GetMetricsAsync_WithTimeout_SendsNanosecondsAndReadsMetrics()
    {
        _master.Answer(_ => Json("""{"type":"GET_METRICS","get_metrics":{"metrics":[{"name":"master/elected","value":1.0},{"name":"master/cpus_total","value":6.0}]}}"""));

        var metrics = await Client().GetMetricsAsync(TimeSpan.FromSeconds(2), Token);

        Assert.Equal("""{"type":"GET_METRICS","get_metrics":{"timeout":{"nanoseconds":2000000000}}}""", _master.Requests[0].Body);
        Assert.Equal(6.0, metrics.Metrics!.Single(m => m.Name == "master/cpus_total").Value);
    }

    [Fact]
    public async Task Call_MasterRejectsIt_ThrowsWithStatusAndMesosExplanation()
    {
        _master.AnswerWith("err_master_api_unknown_type");

        var error = await Assert.ThrowsAsync<MesosApiException>(() => Client().GetStateAsync(Token));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("Failed to validate master::Call: Expecting 'type' to be present", error.Body);
        Assert.Contains("GET_STATE at http://master.example:5050/api/v1 failed: 400 Bad Request", error.Message);
        Assert.Contains(error.Body, error.Message);
    }

    [Fact]
    public async Task Call_StandbyMasterRedirects_ThrowsNotLeaderWithTheLeadersLocation()
    {
        _master.Answer(_ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.TemporaryRedirect) { Content = new ByteArrayContent([]) };
            response.Headers.TryAddWithoutValidation("Location", "//leader.example:5050/api/v1");
            return response;
        });

        var error = await Assert.ThrowsAsync<MesosApiException>(() => Client().GetMasterAsync(Token));

        Assert.Equal(HttpStatusCode.TemporaryRedirect, error.StatusCode);
        Assert.True(error.IsNotLeader);
        Assert.Equal("//leader.example:5050/api/v1", error.Location);
        Assert.Contains("the leading master is at //leader.example:5050/api/v1", error.Message);
    }

    [Fact]
    public async Task Call_MasterUnreachable_ThrowsWithoutStatusNamingTheMaster()
    {
        _master.Fail(new HttpRequestException("Connection refused (master.example:5050)"));

        var error = await Assert.ThrowsAsync<MesosApiException>(() => Client().GetHealthAsync(Token));

        Assert.Null(error.StatusCode);
        Assert.False(error.IsNotLeader);
        Assert.Contains("cannot reach http://master.example:5050: Connection refused", error.Message);
        Assert.IsType<HttpRequestException>(error.InnerException);
    }

    [Fact]
    public async Task Call_AnswerOfAnotherType_IsRejected()
    {
        _master.AnswerWith("running_master_api_GET_HEALTH");

        var error = await Assert.ThrowsAsync<MesosApiException>(() => Client().GetStateAsync(Token));

        Assert.Contains("answered with a GET_HEALTH response instead of GET_STATE", error.Message);
    }

    [Fact]
    public async Task Call_AnswerIsNotJson_ThrowsWithTheBodyText()
    {
        _master.Answer(_ => Json("<html>a proxy's error page</html>"));

        var error = await Assert.ThrowsAsync<MesosApiException>(() => Client().GetStateAsync(Token));

        Assert.Equal("<html>a proxy's error page</html>", error.Body);
        Assert.IsAssignableFrom<JsonException>(error.InnerException);
    }

    [Fact]
    public async Task Call_LongErrorPage_KeepsTheMessageShortAndTheBodyWhole()
    {
        var page = "<html>" + new string('x', 5000) + "</html>";
        _master.Answer(_ => new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent(page) });

        var error = await Assert.ThrowsAsync<MesosApiException>(() => Client().GetStateAsync(Token));

        Assert.Equal(page, error.Body);
        Assert.EndsWith("502 Bad Gateway: <html>" + new string('x', 494) + "…", error.Message);
    }

    [Fact]
    public async Task Call_MasterUrlWithPathPrefix_KeepsThePrefix()
    {
        _master.AnswerWith("running_master_api_GET_HEALTH");

        await Client(new Uri("http://proxy.example/mesos")).GetHealthAsync(Token);

        Assert.Equal("http://proxy.example/mesos/api/v1", _master.Requests[0].Url.ToString());
    }

    private static HttpResponseMessage Json(string body) =>
        new(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}
