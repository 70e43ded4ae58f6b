using MesosConsole.Provisioning.Tests.Support;

namespace MesosConsole.Provisioning.Tests.Ansible;

/// <summary>Every playbook under ansible/ passes Debian's ansible-playbook --syntax-check and ansible-lint, offline.</summary>
public sealed class PlaybookLintTests
{
    [Theory]
    [InlineData("site.yml")]
    [InlineData("local.yml")]
    public async Task Playbook_SyntaxCheck_Passes(string playbook)
    {
        var (exitCode, output) = await AnsibleTool.RunAsync("ansible-playbook", ["--syntax-check", "-i", "localhost,", playbook],
            AnsibleTestPaths.AnsibleDirectory, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public async Task AnsibleLint_EveryPlaybookAndRole_PassesOffline()
    {
        var home = Directory.CreateTempSubdirectory("ansible-lint-home-");
        try
        {
            // A fresh HOME: nothing cached from an earlier run helps, and nothing is downloaded (offline in .ansible-lint).
            var (exitCode, output) = await AnsibleTool.RunAsync("ansible-lint", ["--nocolor", "site.yml", "local.yml", "roles"],
                AnsibleTestPaths.AnsibleDirectory, new Dictionary<string, string?> { ["HOME"] = home.FullName },
                TestContext.Current.CancellationToken);

            Assert.True(exitCode == 0, output);
            Assert.Contains("0 failure(s), 0 warning(s)", output, StringComparison.Ordinal);
        }
        finally
        {
            home.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task SitePlaybook_NoPackageSource_FailsEarlyWithPlainMessage()
    {
        var inventory = Path.Combine(Path.GetTempPath(), $"site-inventory-{Guid.NewGuid():N}.ini");
        await File.WriteAllTextAsync(inventory,
            "[zookeeper]\nlocalhost\n[masters]\nlocalhost\n[agents]\nlocalhost\n[schedulers]\nlocalhost\n[all:vars]\nansible_connection=local\n",
            TestContext.Current.CancellationToken);
        try
        {
            var (exitCode, output) = await AnsibleTool.RunAsync("ansible-playbook", ["-i", inventory, "site.yml"],
                AnsibleTestPaths.AnsibleDirectory, cancellationToken: TestContext.Current.CancellationToken);

            Assert.NotEqual(0, exitCode);
            Assert.Contains("TASK [Check every enabled component has a package source]", output, StringComparison.Ordinal);
            Assert.Contains("no longer published", output, StringComparison.Ordinal);
            // Stopped in the check play: no role's task ever started.
            Assert.DoesNotContain("TASK [zookeeper", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(inventory);
        }
    }
}
