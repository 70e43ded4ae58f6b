namespace MesosConsole.Provisioning.Tests.Support;

/// <summary>A folder that passes for MesosConsole.LocalCluster's build output (the wizard only checks the program is there).</summary>
internal sealed class AnsibleLocalClusterSource : IDisposable
{
    private AnsibleLocalClusterSource(string path) => Path = path;

    public string Path { get; }

    public static AnsibleLocalClusterSource Create()
    {
        var folder = Directory.CreateTempSubdirectory("local-cluster-source-").FullName;
        File.WriteAllText(System.IO.Path.Combine(folder, "MesosConsole.LocalCluster.dll"), "");
        return new AnsibleLocalClusterSource(folder);
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
