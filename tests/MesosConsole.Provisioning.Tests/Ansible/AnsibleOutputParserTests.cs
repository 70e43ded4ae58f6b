using MesosConsole.Provisioning.Ansible;

namespace MesosConsole.Provisioning.Tests.Ansible;

public sealed class AnsibleOutputParserTests
{
    [Fact]
    public void Parse_TypicalOutput_GroupsByTaskAndHostAndReadsRecap()
    {
        var progress = new AnsibleRunProgress();
        foreach (var line in """
            PLAY [Mesos masters] ***********************************************************

            TASK [Gathering Facts] *********************************************************
            ok: [10.0.0.5]
            ok: [10.0.0.6]

            TASK [mesos_master : Write the mesos-master service] ***************************
            changed: [10.0.0.5]
            skipping: [10.0.0.6]
            fatal: [10.0.0.7]: UNREACHABLE! => {"changed": false, "unreachable": true}
            failed: [10.0.0.8 -> localhost] (item=x) => {"msg": "no"}

            RUNNING HANDLER [mesos_master : Restart mesos-master] **************************
            changed: [10.0.0.5]

            PLAY RECAP *********************************************************************
            10.0.0.5                   : ok=3    changed=2    unreachable=0    failed=0    skipped=0    rescued=0    ignored=0
            10.0.0.7                   : ok=0    changed=0    unreachable=1    failed=0    skipped=0    rescued=0    ignored=0
            """.Split('\n'))
        {
            progress.Add(line);
        }

        var (tasks, recap, lines) = progress.Snapshot();

        Assert.Equal(["Gathering Facts", "mesos_master : Write the mesos-master service", "mesos_master : Restart mesos-master"], tasks.Select(t => t.Name));
        Assert.All(tasks, t => Assert.Equal("Mesos masters", t.Play));
        Assert.Equal(
            [("10.0.0.5", HostStatus.Changed), ("10.0.0.6", HostStatus.Skipping), ("10.0.0.7", HostStatus.Unreachable), ("10.0.0.8", HostStatus.Failed)],
            tasks[1].Results.Select(r => (r.Host, r.Status)));
        Assert.Equal(2, recap.Count);
        Assert.Equal(new RecapEntry("10.0.0.5", 3, 2, 0, 0, 0, 0, 0), recap[0]);
        Assert.False(recap[1].Succeeded);
        Assert.Equal(18, lines);
    }

    [Fact]
    public void Parse_RecapLikeLineOutsideRecap_IsPlainText()
    {
        var parser = new AnsibleOutputParser();

        var line = parser.Parse("localhost : ok=1 changed=0 unreachable=0 failed=0");

        Assert.Equal(AnsibleLineKind.Other, line.Kind);
    }
}
