using MesosConsole.Mesos.Client;

namespace MesosConsole.Mesos.Tests.Client;

public sealed class ProcessIdTests
{
    [Theory]
    [InlineData("master@10.0.0.5:5050", "master", "10.0.0.5", 5050)]
    [InlineData("slave(1)@127.0.0.1:5051", "slave(1)", "127.0.0.1", 5051)]
    [InlineData("scheduler-9f2c@node.example.org:41234", "scheduler-9f2c", "node.example.org", 41234)]
    public void TryParse_MesosPids_NameHostAndPort(string text, string name, string host, int port)
    {
        Assert.True(ProcessId.TryParse(text, out var pid));

        Assert.Equal(new ProcessId(name, host, port), pid);
        Assert.Equal(text, pid.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("10.0.0.5:5050")]
    [InlineData("@10.0.0.5:5050")]
    [InlineData("master@10.0.0.5")]
    [InlineData("master@10.0.0.5:http")]
    [InlineData("master@10.0.0.5:-1")]
    [InlineData("master@10.0.0.5:70000")]
    public void TryParse_NotAPid_False(string? text)
    {
        Assert.False(ProcessId.TryParse(text, out _));
    }
}
