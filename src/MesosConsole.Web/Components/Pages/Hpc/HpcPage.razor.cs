using System.Text;
using MesosConsole.Provisioning.Ansible;
using MesosConsole.Provisioning.Hpc;
using Microsoft.AspNetCore.Components;

namespace MesosConsole.Web.Components.Pages.Hpc;

/// <summary>The HPC wizard: a validated form that writes a Slurm batch script starting Mesos agents in an allocation.</summary>
public sealed partial class HpcPage
{
    private readonly SlurmAgentJob _job = new();
    private IReadOnlyList<FieldError> _errors = [];
    private string? _script;
    private string? _fileName;

    [Inject]
    private SlurmScriptGenerator Generator { get; set; } = default!;

    private void Generate()
    {
        _errors = _job.Validate();
        _script = null;
        if (_errors.Count == 0)
        {
            _script = Generator.Generate(_job);
            _fileName = Generator.FileName(_job);
        }
    }

    /// <summary>A data URL, so the download needs no endpoint and no JavaScript.</summary>
    private static string DownloadHref(string script) =>
        "data:application/x-sh;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(script));

    private bool HasError(string field) => _errors.Any(e => e.Field == field);

    private string? ErrorOf(string field) =>
        HasError(field) ? string.Join(" ", _errors.Where(e => e.Field == field).Select(e => e.Message)) : null;
}
