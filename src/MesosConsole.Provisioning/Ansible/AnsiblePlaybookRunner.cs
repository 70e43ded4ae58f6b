using System.ComponentModel;
using System.Text;
using CliWrap;
using CliWrap.EventStream;
using Microsoft.Extensions.Options;

namespace MesosConsole.Provisioning.Ansible;

/// <summary>
/// Runs Debian's <c>ansible-playbook</c> through CliWrap: plain output (no colour, unbuffered Python) so
/// each line arrives as it is printed; cancelling kills the whole process tree (ansible's forks and the
/// commands they run). The inventory and variables live in a temporary folder (created 0700 by .NET) removed afterwards.
/// </summary>
public sealed class AnsiblePlaybookRunner(IOptions<AnsibleOptions> options) : IAnsibleRunner
{
    public async Task<AnsibleRunResult> RunAsync(AnsibleRunRequest request, Action<string> onLine, CancellationToken cancellationToken)
    {
        var redactor = new SecretRedactor(request.Secrets ?? []);
        var folder = Directory.CreateTempSubdirectory("mesosconsole-ansible-");
        try
        {
            var inventory = Path.Combine(folder.FullName, "inventory.ini");
            var variables = Path.Combine(folder.FullName, "variables.json");
            await File.WriteAllTextAsync(inventory, request.Inventory, cancellationToken);
            await File.WriteAllTextAsync(variables, request.VariablesJson, cancellationToken);

            var command = Cli.Wrap(options.Value.AnsiblePlaybook)
                .WithWorkingDirectory(request.WorkingDirectory)
                .WithArguments(args =>
                {
                    args.Add("-i").Add(inventory).Add("--extra-vars").Add("@" + variables);
                    if (request.PrivateKeyFile is { Length: > 0 } key)
                    {
                        args.Add("--private-key").Add(key);
                    }

                    args.Add(request.Playbook);
                })
                .WithEnvironmentVariables(env => env
                    .Set("ANSIBLE_CONFIG", Path.Combine(request.WorkingDirectory, "ansible.cfg"))
                    .Set("ANSIBLE_NOCOLOR", "1")
                    .Set("ANSIBLE_FORCE_COLOR", "0")
                    .Set("PYTHONUNBUFFERED", "1")
                    .Set("ANSIBLE_RETRY_FILES_ENABLED", "0")
                    .Set("ANSIBLE_LOCAL_TEMP", Path.Combine(folder.FullName, "tmp")))
                .WithValidation(CommandResultValidation.None);

            int? exitCode = null;
            try
            {
                await foreach (var commandEvent in command.ListenAsync(Encoding.UTF8, Encoding.UTF8, cancellationToken, CancellationToken.None))
                {
                    switch (commandEvent)
                    {
                        case StandardOutputCommandEvent output:
                            onLine(redactor.Redact(output.Text));
                            break;
                        case StandardErrorCommandEvent error:
                            onLine(redactor.Redact(error.Text));
                            break;
                        case ExitedCommandEvent exited:
                            exitCode = exited.ExitCode;
                            break;
                    }
                }
            }
            catch (Exception e) when (e is Win32Exception || e.InnerException is Win32Exception)
            {
                // Not installed or not executable: the run's log says so, and the run counts as failed.
                onLine($"Could not start {options.Value.AnsiblePlaybook}: {(e.InnerException ?? e).Message} Install Debian's ansible package.");
                return new AnsibleRunResult(null, Cancelled: false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // CliWrap has killed the process tree and waited for it to exit.
                return new AnsibleRunResult(null, Cancelled: true);
            }

            return new AnsibleRunResult(exitCode, Cancelled: false);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
