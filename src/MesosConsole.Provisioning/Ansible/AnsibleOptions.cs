namespace MesosConsole.Provisioning.Ansible;

/// <summary>Where the playbooks are and which <c>ansible-playbook</c> runs them (section <c>Ansible</c>).</summary>
public sealed class AnsibleOptions
{
    public const string SectionName = "Ansible";

    /// <summary>The folder holding <c>site.yml</c>, <c>local.yml</c> and <c>ansible.cfg</c>; relative paths are taken from the content root.</summary>
    public string PlaybookDirectory { get; set; } = "ansible";

    /// <summary>The executable, found on PATH unless a path is given (Debian's <c>ansible</c> package).</summary>
    public string AnsiblePlaybook { get; set; } = "ansible-playbook";
}
