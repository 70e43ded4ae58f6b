using MesosConsole.LocalCluster.Files;

namespace MesosConsole.LocalCluster.Tests.Agent;

/// <summary>Only attached paths resolve, and nothing resolves outside its attachment.</summary>
public sealed class SandboxFilesTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("sandbox-files-").FullName;
    private readonly string _sandbox;
    private readonly SandboxFiles _files = new();

    public SandboxFilesTests()
    {
        _sandbox = Path.Combine(_root, "run");
        Directory.CreateDirectory(Path.Combine(_sandbox, "work"));
        File.WriteAllText(Path.Combine(_sandbox, "stdout"), "out");
        File.WriteAllText(Path.Combine(_root, "secret"), "outside");
        _files.Attach("/frameworks/f/executors/e/runs/latest", _sandbox);
    }

    [Fact]
    public void Resolve_AttachedPathAndMembers_MapToRealPaths()
    {
        Assert.Equal(_sandbox, _files.Resolve("/frameworks/f/executors/e/runs/latest"));
        Assert.Equal(Path.Combine(_sandbox, "stdout"), _files.Resolve("/frameworks/f/executors/e/runs/latest/stdout"));
        Assert.Equal(Path.Combine(_sandbox, "work"), _files.Resolve("//frameworks/f/executors/e/runs/latest/work/"));
    }

    [Fact]
    public void Resolve_UnattachedOrMissingPaths_AreNotFound()
    {
        Assert.Null(_files.Resolve("/frameworks/f/executors/e"));
        Assert.Null(_files.Resolve(_root));
        Assert.Null(_files.Resolve("/frameworks/f/executors/e/runs/latest/no-such-file"));
        Assert.Null(_files.Resolve("/"));
    }

    [Fact]
    public void Resolve_DotDotLeavingTheAttachment_IsRefused()
    {
        Assert.Null(_files.Resolve("/frameworks/f/executors/e/runs/latest/../secret"));
        Assert.Null(_files.Resolve("/frameworks/f/executors/e/runs/latest/work/../../secret"));
        Assert.Equal(Path.Combine(_sandbox, "stdout"), _files.Resolve("/frameworks/f/executors/e/runs/latest/work/../stdout"));
    }

    [Fact]
    public void Resolve_SymlinkPointingOutside_IsRefused()
    {
        File.CreateSymbolicLink(Path.Combine(_sandbox, "escape"), _root);
        File.CreateSymbolicLink(Path.Combine(_sandbox, "inside"), Path.Combine(_sandbox, "stdout"));

        Assert.Null(_files.Resolve("/frameworks/f/executors/e/runs/latest/escape"));
        Assert.Null(_files.Resolve("/frameworks/f/executors/e/runs/latest/escape/secret"));
        Assert.Equal(Path.Combine(_sandbox, "stdout"), _files.Resolve("/frameworks/f/executors/e/runs/latest/inside"));
    }

    [Fact]
    public void Attachments_AfterAttach_ListVirtualToRealPaths()
    {
        _files.Attach(_sandbox, _sandbox);

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["/frameworks/f/executors/e/runs/latest"] = _sandbox,
                [_sandbox] = _sandbox,
            },
            _files.Attachments());
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
