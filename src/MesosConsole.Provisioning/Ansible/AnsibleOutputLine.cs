namespace MesosConsole.Provisioning.Ansible;

public enum AnsibleLineKind
{
    Other,
    Play,
    Task,
    HostResult,
    RecapHeader,
    Recap,
}

public enum HostStatus
{
    Ok,
    Changed,
    Skipping,
    Failed,
    Fatal,
    Unreachable,
}

/// <summary>One line of ansible-playbook's output, and what it says when it is a header, a host's result or a recap row.</summary>
public sealed record AnsibleOutputLine(string Text, AnsibleLineKind Kind, string? Name = null, string? Host = null,
    HostStatus? Status = null, RecapEntry? Recap = null);

/// <summary>One row of the PLAY RECAP.</summary>
public sealed record RecapEntry(string Host, int Ok, int Changed, int Unreachable, int Failed, int Skipped, int Rescued, int Ignored)
{
    public bool Succeeded => Failed == 0 && Unreachable == 0;
}
