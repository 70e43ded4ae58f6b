using System.Text.Json;
using MesosConsole.Mesos.V1;

namespace MesosConsole.LocalCluster.Tests.Agent;

/// <summary>
/// One agent serving HTTP on a free loopback port, with a finished task that left known files in its
/// sandbox and a task still running. Tests in the collection only read from it.
/// </summary>
public sealed class AgentHttpFixture : IAsyncLifetime
{
    public const string FinishedTask = "files-1";
    public const string RunningTask = "sleeper-1";

    /// <summary>stdout "hello\n"; utf8.txt "a", "é" (2 bytes), "b"; a 100 KiB file; a directory; a link out of the sandbox.</summary>
    private const string MakeFiles =
        "printf 'hello\\n'; printf 'a\\303\\251b' > utf8.txt; head -c 102400 /dev/zero | tr '\\0' x > big.txt; "
        + "mkdir work; ln -s /etc escape";

    private TestAgent? _test;

    internal TestAgent Test => _test!;

    public HttpClient Client { get; private set; } = null!;

    /// <summary>The finished task's run directory (canonical: what /state reports).</summary>
    public string RunDirectory { get; private set; } = "";

    public static string VirtualSandbox(string taskId) =>
        $"/frameworks/{TestAgent.FrameworkId.Value}/executors/{taskId}/runs/latest";

    public async ValueTask InitializeAsync()
    {
        _test = await TestAgent.CreateAsync(startHttp: true);
        Client = new HttpClient { BaseAddress = _test.Agent.BaseUrl };
        _test.Agent.Launch(TestAgent.Framework(), TestAgent.ShellTask(FinishedTask, MakeFiles));
        var statuses = await _test.Sink.UntilTerminalAsync(FinishedTask);
        Assert.Equal(TaskState.TaskFinished, statuses[^1].State);
        await _test.LaunchRunningAsync(TestAgent.ShellTask(RunningTask, "sleep 1000"));
        RunDirectory = new DirectoryInfo(_test.Sandbox(FinishedTask)).ResolveLinkTarget(returnFinalTarget: true)!.FullName;
    }

    public async Task<JsonElement> GetJsonAsync(string url)
    {
        using var response = await Client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.ToString());
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return document.RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (_test is not null)
        {
            await _test.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AgentHttpCollection : ICollectionFixture<AgentHttpFixture>
{
    public const string Name = "agent-http";
}
