namespace MesosConsole.Provisioning.Ansible;

/// <summary>A validation message for one form field (<see cref="Field"/> is the property path, e.g. <c>Marathon.AptRepository</c>).</summary>
public sealed record FieldError(string Field, string Message);
