using MesosConsole.Data.Deployments;
using MesosConsole.Provisioning.Ansible;
using MesosConsole.Provisioning.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using TestContext = Xunit.TestContext;

namespace MesosConsole.Provisioning.Tests.Ansible;

/// <summary>The background owner of runs, with ansible-playbook faked (the real one: <see cref="DeploymentInterruptTests"/>).</summary>
public sealed class DeploymentRunnerTests : AnsibleComponentTest
{
    private static readonly string[] Before = ["PLAY [all] ****", "TASK [one] ****", "ok: [10.0.0.5]"];
    private static readonly string[] After = ["TASK [two] ****", "changed: [10.0.0.5]", .. DeploymentRunPageTests.Recap];

    [Fact]
    public async Task TwoViewersAttachedMidRun_EachGetsEveryLineInOrder()
    {
        Runner.Lines.AddRange(Before);
        Runner.HoldAfter = true;
        Runner.LinesAfterHold.AddRange(After);
        var ct = TestContext.Current.CancellationToken;
        var runId = await Deployments.StartAsync(DeploymentRunPageTests.Plan(), UserName, ct);
        var first = new Viewer(Deployments.Watch(runId)!, seeLines: Before.Length);
        var second = new Viewer(Deployments.Watch(runId)!, seeLines: Before.Length);
        var firstDone = first.ReadAsync(ct);
        var secondDone = second.ReadAsync(ct);
        // Both have caught up with what was printed before they attached; ansible-playbook is still going.
        await Task.WhenAll(first.SawEnough, second.SawEnough);
        Assert.Equal(2, Deployments.WatcherCount(runId));
        Assert.True(Deployments.IsRunning(runId));

        Runner.Release();
        await Task.WhenAll(firstDone, secondDone);

        string[] all = [.. Before, .. After];
        Assert.Equal(all, first.Lines);
        Assert.Equal(all, second.Lines);
        Assert.Equal(DeploymentResult.Succeeded, (await StoredRunAsync(runId)).Result);
        Assert.Null(Deployments.Watch(runId));
    }

    [Fact]
    public async Task ViewerLeaves_Unsubscribed_RunGoesOn()
    {
        Runner.Lines.AddRange(Before);
        Runner.HoldAfter = true;
        var ct = TestContext.Current.CancellationToken;
        var runId = await Deployments.StartAsync(DeploymentRunPageTests.Plan(), UserName, ct);
        using var leave = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var viewer = new Viewer(Deployments.Watch(runId)!, seeLines: Before.Length);
        var reading = viewer.ReadAsync(leave.Token);
        await viewer.SawEnough;
        Assert.Equal(1, Deployments.WatcherCount(runId));

        await leave.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading);
        Assert.Equal(0, Deployments.WatcherCount(runId));
        Assert.True(Deployments.IsRunning(runId));
        Assert.False(Runner.WasCancelled);
        Runner.Release();
        await WaitForEndAsync(runId);
    }

    [Fact]
    public async Task ViewerThatStopsReading_DoesNotHoldTheRunUpAndLaterGetsTheRest()
    {
        Runner.Lines.Add("first");
        Runner.HoldAfter = true;
        Runner.LinesAfterHold.AddRange(Enumerable.Range(0, 2000).Select(i => $"line {i}"));
        var ct = TestContext.Current.CancellationToken;
        var runId = await Deployments.StartAsync(DeploymentRunPageTests.Plan(), UserName, ct);
        await using var stalled = Deployments.Watch(runId)!.GetAsyncEnumerator(ct);
        Assert.True(await stalled.MoveNextAsync());
        Assert.Equal(["first"], stalled.Current);

        // The stalled viewer reads nothing more while all 2000 lines are printed and the run is recorded.
        Runner.Release();
        await WaitForEndAsync(runId);
        Assert.Equal(DeploymentResult.Succeeded, (await StoredRunAsync(runId)).Result);

        var rest = new List<string>();
        while (await stalled.MoveNextAsync())
        {
            rest.AddRange(stalled.Current);
        }

        Assert.Equal(Runner.LinesAfterHold, rest);
    }

    [Fact]
    public async Task Start_SameClusterNameWhileRunning_RefusedAnotherNameAccepted()
    {
        Runner.HoldAfter = true;
        var ct = TestContext.Current.CancellationToken;
        var first = await Deployments.StartAsync(DeploymentRunPageTests.Plan(), UserName, ct);

        var refused = await Assert.ThrowsAsync<DeploymentRefusedException>(() => Deployments.StartAsync(DeploymentRunPageTests.Plan(), UserName, ct));

        Assert.Equal("\"lab\" is being deployed already; wait for that run to end (or cancel it) before starting another.", refused.Message);
        var settings = DeploymentPlanTests.ValidSettings();
        settings.ClusterName = "lab2";
        var second = await Deployments.StartAsync(DeploymentRunPageTests.Plan(settings), UserName, ct);
        Assert.Equal(new[] { first, second }.Order(), Deployments.ActiveRunIds.Order());
        await using var db = await Database.CreateDbContextAsync(ct);
        Assert.Equal(2, db.DeploymentRuns.Count());
        Runner.Release();
        await WaitForEndAsync(first);
        await WaitForEndAsync(second);
    }

    [Fact]
    public async Task ConsoleStops_RunInterruptedAndRecordedNewRunsRefused()
    {
        Runner.Lines.AddRange(Before);
        Runner.HoldAfter = true;
        var ct = TestContext.Current.CancellationToken;
        var runId = await Deployments.StartAsync(DeploymentRunPageTests.Plan(), UserName, ct);
        var lifetime = Lifetime();
        Time.Advance(TimeSpan.FromMinutes(2));

        await lifetime.StopAsync(ct);

        Assert.True(Runner.WasCancelled);
        var run = await StoredRunAsync(runId);
        Assert.Equal((DeploymentResult.Interrupted, (int?)null, Time.GetUtcNow()), (run.Result, run.ExitCode, run.FinishedAt));
        Assert.Equal(string.Join('\n', Before) + "\n" + DeploymentLogNotes.Marker
            + "The console was stopping: this run was stopped (ansible-playbook and everything it started).", run.Log);
        var refused = await Assert.ThrowsAsync<DeploymentRefusedException>(() => Deployments.StartAsync(DeploymentRunPageTests.Plan(), UserName, ct));
        Assert.StartsWith("The console is stopping", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConsoleStarts_RowsLeftRunningByADeadConsoleMarkedInterruptedOwnRunsKept()
    {
        var ct = TestContext.Current.CancellationToken;
        var abandoned = new DeploymentRun
        {
            Id = Guid.NewGuid(),
            ClusterName = "old",
            StartedBy = "ada",
            StartedAt = Time.GetUtcNow().AddHours(-1),
            Playbook = "site.yml",
            Inventory = "[masters]\n",
            Log = "TASK [one] ****",
            Result = DeploymentResult.Running,
        };
        var ended = new DeploymentRun
        {
            Id = Guid.NewGuid(),
            ClusterName = "done",
            StartedAt = Time.GetUtcNow().AddHours(-2),
            FinishedAt = Time.GetUtcNow().AddHours(-2),
            Playbook = "site.yml",
            Inventory = "",
            Log = "x",
            Result = DeploymentResult.Succeeded,
            ExitCode = 0,
        };
        await using (var db = await Database.CreateDbContextAsync(ct))
        {
            db.DeploymentRuns.AddRange(abandoned, ended);
            await db.SaveChangesAsync(ct);
        }

        Runner.HoldAfter = true;
        var own = await Deployments.StartAsync(DeploymentRunPageTests.Plan(), UserName, ct);
        Time.Advance(TimeSpan.FromMinutes(1));

        await Lifetime().StartAsync(ct);

        var marked = await StoredRunAsync(abandoned.Id);
        Assert.Equal((DeploymentResult.Interrupted, Time.GetUtcNow()), (marked.Result, marked.FinishedAt));
        Assert.StartsWith("TASK [one] ****\n" + DeploymentLogNotes.Marker + "The console stopped before this run ended", marked.Log, StringComparison.Ordinal);
        Assert.Equal((DeploymentResult.Succeeded, "x"), ((await StoredRunAsync(ended.Id)).Result, (await StoredRunAsync(ended.Id)).Log));
        Assert.Equal(DeploymentResult.Running, (await StoredRunAsync(own)).Result);
        Runner.Release();
        await WaitForEndAsync(own);
    }

    [Fact]
    public async Task CancelAsync_UnknownRun_False()
    {
        Assert.False(await Deployments.CancelAsync(Guid.NewGuid(), "ada", TestContext.Current.CancellationToken));
    }

    private DeploymentRunsLifetime Lifetime() => new(Deployments, Services.GetRequiredService<DeploymentRunStore>(), Time,
        NullLogger<DeploymentRunsLifetime>.Instance);

    /// <summary>A page-like viewer: collects every batch, and says when it has seen a number of lines.</summary>
    private sealed class Viewer(IAsyncEnumerable<IReadOnlyList<string>> stream, int seeLines)
    {
        private readonly TaskCompletionSource _sawEnough = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<string> Lines { get; } = [];

        public Task SawEnough => _sawEnough.Task;

        public async Task ReadAsync(CancellationToken cancellationToken)
        {
            await foreach (var batch in stream.WithCancellation(cancellationToken))
            {
                Lines.AddRange(batch);
                if (Lines.Count >= seeLines)
                {
                    _sawEnough.TrySetResult();
                }
            }
        }
    }
}
