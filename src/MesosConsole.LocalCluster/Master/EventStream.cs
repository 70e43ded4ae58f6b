using System.Threading.Channels;
using MesosConsole.Mesos.RecordIO;

namespace MesosConsole.LocalCluster.Master;

/// <summary>
/// One open streaming response (a scheduler or operator SUBSCRIBE). The master enqueues framed
/// records; the HTTP request's own task drains them, so writes to one response never interleave.
/// </summary>
internal sealed class EventStream
{
    private readonly Channel<byte[]> _records = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });

    public EventStream(string id) => Id = id;

    public string Id { get; }

    public ChannelReader<byte[]> Records => _records.Reader;

    /// <summary>Frames and queues one serialized event; false once the stream is closed.</summary>
    public bool Send(byte[] json) => _records.Writer.TryWrite(RecordIOWriter.Frame(json));

    /// <summary>Ends the stream after what is queued has been written.</summary>
    public void Close() => _records.Writer.TryComplete();
}
