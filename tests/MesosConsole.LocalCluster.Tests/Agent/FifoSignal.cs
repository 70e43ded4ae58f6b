using System.Diagnostics;

namespace MesosConsole.LocalCluster.Tests.Agent;

/// <summary>
/// A named pipe a task writes to when it has reached a point (e.g. "signal handler installed"): the test
/// waits on the pipe — an event, not a sleep.
/// </summary>
internal sealed class FifoSignal : IDisposable
{
    private FifoSignal(string path) => Path = path;

    public string Path { get; }

    public static async Task<FifoSignal> CreateAsync()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "agent-test-" + Guid.NewGuid().ToString("N"));
        using var mkfifo = Process.Start("mkfifo", [path]);
        await mkfifo.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, mkfifo.ExitCode);
        return new FifoSignal(path);
    }

    /// <summary>What the task wrote. Opening a FIFO for reading blocks until a writer opens it, hence the thread.</summary>
    public async Task<string> ReadAsync() =>
        await Task.Run(() => File.ReadAllText(Path), TestContext.Current.CancellationToken)
            .WaitAsync(RecordingStatusSink.Timeout, TestContext.Current.CancellationToken);

    public void Dispose() => File.Delete(Path);
}
