using Microsoft.Extensions.Logging;

namespace MesosConsole.LocalCluster.Hosting;

public sealed partial class EmbeddedCluster
{
    private static Task<EmbeddedCluster> StartCoreAsync(LocalClusterOptions options, ILoggerFactory? loggerFactory,
        TimeProvider? timeProvider, CancellationToken cancellationToken) => throw new NotImplementedException();

    private ValueTask StopCoreAsync() => ValueTask.CompletedTask;
}
