namespace MesosConsole.Provisioning.Cloud.OpenStack;

/// <summary>A Keystone token and the public endpoints of the services the wizard uses, from the token's catalog.</summary>
public sealed record OpenStackSession(string Token, Uri Compute, Uri Network, Uri Image);
