using MesosConsole.LocalCluster.Master;

namespace MesosConsole.LocalCluster.Http;

/// <summary>Copies an <see cref="EventStream"/>'s records to a response, flushing once per burst.</summary>
internal static class StreamWriter
{
    public static async Task DrainAsync(EventStream stream, Stream body, CancellationToken cancellationToken)
    {
        var reader = stream.Records;
        while (await reader.WaitToReadAsync(cancellationToken))
        {
            while (reader.TryRead(out var record))
            {
                await body.WriteAsync(record, cancellationToken);
            }

            await body.FlushAsync(cancellationToken);
        }
    }
}
