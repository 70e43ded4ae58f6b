using MesosConsole.Web.Cluster;
using MesosConsole.Web.Hubs;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace MesosConsole.Web.Tests.Sandbox;

/// <summary><see cref="ClusterHub.StreamSandboxFile"/> from a .NET SignalR client, on a real task's stdout.</summary>
public sealed class SandboxHubTests(SandboxConsoleFixture fixture) : IClassFixture<SandboxConsoleFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StreamSandboxFile_RunningTask_TheClientReceivesItsLinesInOrderFromTheSharedTailer()
    {
        await using var hub = new HubConnectionBuilder().WithUrl(new Uri(fixture.Console.Http.BaseAddress!, ClusterHub.Path)).Build();
        await hub.StartAsync(Token);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Token);

        var lines = new List<string>();
        await foreach (var batch in hub.StreamAsync<SandboxFileBatch>(nameof(ClusterHub.StreamSandboxFile),
            ClusterInfo.DefaultId, fixture.Sandbox.AgentId, fixture.Sandbox.Stdout, stop.Token))
        {
            Assert.Equal(0, batch.Skipped);
            lines.AddRange(batch.Lines.Select(l => l.Text));
            if (lines.Count >= SandboxConsoleFixture.FirstLines)
            {
                Assert.Equal("Following", batch.State);
                Assert.Equal(1, fixture.Tailers.Count);
                break;
            }
        }

        Assert.Equal(Enumerable.Range(1, SandboxConsoleFixture.FirstLines).Select(i => $"line-{i}"), lines.Take(SandboxConsoleFixture.FirstLines));
    }

    [Fact]
    public async Task StreamSandboxFile_UnknownAgent_FailsWithAClearMessage()
    {
        await using var hub = new HubConnectionBuilder().WithUrl(new Uri(fixture.Console.Http.BaseAddress!, ClusterHub.Path)).Build();
        await hub.StartAsync(Token);

        var error = await Assert.ThrowsAsync<HubException>(async () =>
        {
            await foreach (var _ in hub.StreamAsync<SandboxFileBatch>(nameof(ClusterHub.StreamSandboxFile),
                ClusterInfo.DefaultId, "no-such-agent", "/x/stdout", Token))
            {
            }
        });

        Assert.Contains("no agent \"no-such-agent\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreamSandboxFile_UnknownCluster_FailsWithAClearMessage()
    {
        await using var hub = new HubConnectionBuilder().WithUrl(new Uri(fixture.Console.Http.BaseAddress!, ClusterHub.Path)).Build();
        await hub.StartAsync(Token);

        var error = await Assert.ThrowsAsync<HubException>(async () =>
        {
            await foreach (var _ in hub.StreamAsync<SandboxFileBatch>(nameof(ClusterHub.StreamSandboxFile),
                "nope", fixture.Sandbox.AgentId, fixture.Sandbox.Stdout, Token))
            {
            }
        });

        Assert.Contains("no cluster \"nope\"", error.Message, StringComparison.Ordinal);
    }
}
