using System.Threading.Channels;
using MesosConsole.Mesos.Protobuf;
using MesosConsole.Mesos.RecordIO;

namespace MesosConsole.LocalCluster.Master;

/// <summary>
/// One open streaming response (a scheduler or operator SUBSCRIBE). The master enqueues events, which
/// are encoded at once — under the master's lock, as they share live objects with its books — in the
/// codec the subscriber negotiated, and framed; the HTTP request's own task drains them, so writes to
/// one response never interleave.
/// </summary>
internal sealed class EventStream
{
    private readonly Channel<byte[]> _records = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });

    public EventStream(string id, MesosCodec? codec = null)
    {
        Id = id;
        Codec = codec ?? MesosCodec.Json;
    }

    public string Id { get; }

    /// <summary>The encoding of every record on this stream (and the response's Content-Type).</summary>
    public MesosCodec Codec { get; }

    public ChannelReader<byte[]> Records => _records.Reader;

    /// <summary>Encodes, frames and queues one event; false once the stream is closed.</summary>
    public bool Send<T>(T message)
        where T : class => _records.Writer.TryWrite(RecordIOWriter.Frame(Codec.Serialize(message)));

    /// <summary>Ends the stream after what is queued has been written.</summary>
    public void Close() => _records.Writer.TryComplete();
}
