using System.Net;
using MesosConsole.Web.Cluster;
using MesosConsole.Web.Sandbox;

namespace MesosConsole.Web.Tests.Sandbox;

/// <summary>Tailing and downloading a real task's stdout on the embedded cluster, over real HTTP.</summary>
public sealed class SandboxTailingTests(SandboxConsoleFixture fixture) : IClassFixture<SandboxConsoleFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public void Locate_CommandTask_IsItsExecutorsRunDirectoryOnItsAgent()
    {
        Assert.Contains($"/executors/{SandboxConsoleFixture.TaskId}/runs/", fixture.Sandbox.Directory, StringComparison.Ordinal);
        Assert.True(File.Exists(fixture.Sandbox.Stdout), "the embedded agent's sandbox is on this machine");
    }

    [Fact]
    public async Task Follow_TaskWritesLines_TheyArriveInOrderThenNewOnesAsWritten()
    {
        await using var feed = fixture.Tailers.Follow(fixture.Cluster, fixture.Sandbox.AgentId, fixture.Sandbox.Stdout)
            .GetAsyncEnumerator(Token);
        var lines = new List<string>();
        while (lines.Count < SandboxConsoleFixture.FirstLines && await feed.MoveNextAsync())
        {
            Assert.Equal(0, feed.Current.Skipped);
            lines.AddRange(feed.Current.Lines.Where(l => l.Kind == LogLineKind.Text).Select(l => l.Text));
        }

        Assert.Equal(Enumerable.Range(1, SandboxConsoleFixture.FirstLines).Select(i => $"line-{i}"), lines.Take(SandboxConsoleFixture.FirstLines));

        // The task is waiting for this file; what it writes next must come through the same feed.
        await File.WriteAllTextAsync(Path.Combine(fixture.Sandbox.Directory, "go"), "", Token);
        while (!lines.Contains("after-go") && await feed.MoveNextAsync())
        {
            lines.AddRange(feed.Current.Lines.Select(l => l.Text));
        }

        Assert.Equal("after-go", lines[SandboxConsoleFixture.FirstLines]);
    }

    [Fact]
    public async Task Follow_TwoViewers_ShareOneTailerThatStopsWhenBothLeave()
    {
        var (agentId, path) = (fixture.Sandbox.AgentId, fixture.Sandbox.Stdout);
        var first = fixture.Tailers.Follow(fixture.Cluster, agentId, path).GetAsyncEnumerator(Token);
        var second = fixture.Tailers.Follow(fixture.Cluster, agentId, path).GetAsyncEnumerator(Token);
        Assert.True(await first.MoveNextAsync());
        Assert.True(await second.MoveNextAsync());

        var tailer = fixture.Tailers.Find(fixture.Cluster.Info.Id, agentId, path);
        Assert.NotNull(tailer);
        Assert.Equal(2, tailer.ViewerCount);
        Assert.Equal(1, fixture.Tailers.Count);

        await first.DisposeAsync();
        Assert.Same(tailer, fixture.Tailers.Find(fixture.Cluster.Info.Id, agentId, path));
        Assert.Equal(1, tailer.ViewerCount);

        await second.DisposeAsync();
        Assert.Null(fixture.Tailers.Find(fixture.Cluster.Info.Id, agentId, path));
        Assert.Equal(0, fixture.Tailers.Count);
        Assert.Equal(0, tailer.ViewerCount);
    }

    [Fact]
    public void Follow_UnknownAgent_IsRefusedWithTheAgentsName()
    {
        var error = Assert.Throws<SandboxException>(() => fixture.Tailers.Follow(fixture.Cluster, "no-such-agent", "/x/stdout"));

        Assert.Contains("no agent \"no-such-agent\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Download_Stdout_StreamsTheAgentsFileThroughTheConsole()
    {
        using var response = await fixture.Console.Http.GetAsync(
            SandboxDownloadEndpoint.UrlFor(ClusterInfo.DefaultId, fixture.Sandbox.AgentId, fixture.Sandbox.Stdout), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("stdout", response.Content.Headers.ContentDisposition?.FileName);
        Assert.StartsWith("line-1\nline-2\n", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sandbox/download?agent=a&path=/x", HttpStatusCode.BadRequest, "Expecting 'cluster', 'agent' and 'path'")]
    [InlineData("sandbox/download?cluster=nope&agent=a&path=/x", HttpStatusCode.NotFound, "no cluster \"nope\"")]
    [InlineData("sandbox/download?cluster=default&agent=nope&path=/x", HttpStatusCode.NotFound, "no agent \"nope\"")]
    [InlineData("sandbox/download?cluster=default&agent={agent}&path=relative", HttpStatusCode.BadRequest, "not an absolute path")]
    [InlineData("sandbox/download?cluster=default&agent={agent}&path=/no/such/file", HttpStatusCode.NotFound, "has no such file")]
    public async Task Download_BadRequest_SaysWhatIsWrong(string url, HttpStatusCode status, string message)
    {
        using var response = await fixture.Console.Http.GetAsync(url.Replace("{agent}", Uri.EscapeDataString(fixture.Sandbox.AgentId), StringComparison.Ordinal), Token);

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }
}
