using MesosConsole.Provisioning.Ansible;

namespace MesosConsole.Provisioning.Tests.Support;

/// <summary>
/// Stands in for ansible-playbook in page tests: emits <see cref="Lines"/>, then (if <see cref="HoldAfter"/>
/// is set) waits for <see cref="Release"/> or cancellation, then emits <see cref="LinesAfterHold"/> and exits with <see cref="ExitCode"/>.
/// </summary>
internal sealed class AnsibleFakeRunner : IAnsibleRunner
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public List<string> Lines { get; } = [];

    public List<string> LinesAfterHold { get; } = [];

    public bool HoldAfter { get; set; }

    public int ExitCode { get; set; }

    public List<AnsibleRunRequest> Requests { get; } = [];

    public bool WasCancelled { get; private set; }

    public void Release() => _release.TrySetResult();

    public async Task<AnsibleRunResult> RunAsync(AnsibleRunRequest request, Action<string> onLine, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        var redactor = new SecretRedactor(request.Secrets ?? []);
        foreach (var line in Lines)
        {
            onLine(redactor.Redact(line));
        }

        if (HoldAfter)
        {
            try
            {
                await _release.Task.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                WasCancelled = true;
                return new AnsibleRunResult(null, Cancelled: true);
            }
        }

        foreach (var line in LinesAfterHold)
        {
            onLine(redactor.Redact(line));
        }

        return new AnsibleRunResult(ExitCode, Cancelled: false);
    }
}
