namespace MesosConsole.Provisioning.Ansible;

/// <summary>
/// One ansible-playbook run: <see cref="WorkingDirectory"/> holds the playbook and its <c>ansible.cfg</c>;
/// the inventory and variables are written to a private temporary folder for the run. Values in
/// <see cref="Secrets"/> are masked in every output line.
/// </summary>
public sealed record AnsibleRunRequest(
    string WorkingDirectory,
    string Playbook,
    string Inventory,
    string VariablesJson,
    string? PrivateKeyFile = null,
    IReadOnlyList<string>? Secrets = null);

/// <summary>How a run ended: the exit code, or <see cref="Cancelled"/> when it was stopped (process tree killed).</summary>
public sealed record AnsibleRunResult(int? ExitCode, bool Cancelled);

/// <summary>Runs ansible-playbook, handing each output line (stdout and stderr, secrets masked) to <c>onLine</c> as it comes.</summary>
public interface IAnsibleRunner
{
    Task<AnsibleRunResult> RunAsync(AnsibleRunRequest request, Action<string> onLine, CancellationToken cancellationToken);
}
