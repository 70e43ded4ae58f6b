using System.Text;
using CliWrap;
using CliWrap.Buffered;

namespace MesosConsole.Provisioning.Tests.Support;

/// <summary>Runs a real command-line tool (ansible-playbook, ansible-lint, bash, shellcheck) to completion and keeps its output.</summary>
internal static class AnsibleTool
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string program, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string?>? environment = null, CancellationToken cancellationToken = default)
    {
        var result = await Cli.Wrap(program)
            .WithArguments(arguments)
            .WithWorkingDirectory(workingDirectory)
            .WithEnvironmentVariables(env =>
            {
                env.Set("ANSIBLE_NOCOLOR", "1").Set("NO_COLOR", "1").Set("ANSIBLE_CONFIG", Path.Combine(AnsibleTestPaths.AnsibleDirectory, "ansible.cfg"));
                foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
                {
                    env.Set(key, value);
                }
            })
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(Encoding.UTF8, cancellationToken);
        return (result.ExitCode, result.StandardOutput + result.StandardError);
    }
}
