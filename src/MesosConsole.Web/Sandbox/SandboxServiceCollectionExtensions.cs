namespace MesosConsole.Web.Sandbox;

public static class SandboxServiceCollectionExtensions
{
    /// <summary>Sandbox browsing and log tailing through the agents' files API.</summary>
    public static IServiceCollection AddSandbox(this IServiceCollection services) => services;
}
