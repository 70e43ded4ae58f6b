namespace MesosConsole.Provisioning.Ansible;

/// <summary>A run that cannot start now (the same cluster is being deployed, the console is stopping); the message is for the user.</summary>
public sealed class DeploymentRefusedException(string message) : InvalidOperationException(message);
