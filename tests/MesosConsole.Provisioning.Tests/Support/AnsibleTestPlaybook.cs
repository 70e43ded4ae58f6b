namespace MesosConsole.Provisioning.Tests.Support;

/// <summary>A small playbook in a temporary folder, run against localhost only (connection local).</summary>
internal sealed class AnsibleTestPlaybook : IDisposable
{
    public const string LocalInventory = "localhost ansible_connection=local ansible_python_interpreter=/usr/bin/python3\n";

    public AnsibleTestPlaybook(string playbookName, string yaml)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("ansible-test-playbook-").FullName;
        File.WriteAllText(Path.Combine(Directory, "ansible.cfg"), "[defaults]\nstdout_callback = default\nretry_files_enabled = false\n");
        File.WriteAllText(Path.Combine(Directory, playbookName), yaml);
    }

    public string Directory { get; }

    public string PathOf(string name) => Path.Combine(Directory, name);

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
