using MesosConsole.LocalCluster.Files;
using MesosConsole.LocalCluster.Http;
using MesosConsole.Mesos.Protobuf;
using MesosConsole.Mesos.V1;
using MesosConsole.Mesos.V1.Master;
using Microsoft.AspNetCore.Http;
using FileInfo = MesosConsole.Mesos.V1.FileInfo;

namespace MesosConsole.LocalCluster.Agent.Http;

/// <summary>
/// <c>POST /api/v1</c> on the agent: the agent operator API (reference §7.3), JSON or protobuf. Transport rules
/// (405, Content-Type and Accept negotiation, body limits) are the master's, shared through <see cref="MesosHttp"/>.
/// </summary>
internal sealed class AgentOperatorEndpoint(LocalAgent agent)
{
    private const string Invalid = "Failed to validate agent::Call: ";

    /// <summary>
    /// mesos.v1.agent.Call's fields for the calls answered here (type 1, list_files 4, read_file 5); the
    /// payloads and every Response are the master's messages.
    /// </summary>
    private static readonly MesosCodec ProtobufRequests = MesosCodec.ProtobufWith(MesosProtobuf.Schema.Extend(s =>
        s.Message<AgentCall>(m => m.Field(1, x => x.Type).Field(4, x => x.ListFiles).Field(5, x => x.ReadFile))));

    public async Task HandleAsync(HttpContext context)
    {
        if (await MesosHttp.ReadCallAsync<AgentCall>(context, ProtobufRequests) is not { } received)
        {
            return;
        }

        if (MesosHttp.CheckAccept(context.Request, out var codec) is { } notAcceptable)
        {
            await MesosHttp.WriteTextAsync(context, StatusCodes.Status406NotAcceptable, notAcceptable);
            return;
        }

        var call = received.Call;
        if (call?.Type is null or AgentCallType.Unknown)
        {
            await MesosHttp.WriteTextAsync(context, StatusCodes.Status400BadRequest, Invalid + "Expecting 'type' to be present");
            return;
        }

        await DispatchAsync(context, call, codec);
    }

    /// <summary>Answers in <paramref name="codec"/>, the encoding the client's Accept asked for.</summary>
    private async Task DispatchAsync(HttpContext context, AgentCall call, MesosCodec codec)
    {
        switch (call.Type)
        {
            case AgentCallType.GetHealth:
                await RespondAsync(context, codec, new Response { Type = ResponseType.GetHealth, GetHealth = new GetHealth { Healthy = true } });
                break;
            case AgentCallType.GetVersion:
                await RespondAsync(context, codec, new Response { Type = ResponseType.GetVersion, GetVersion = new GetVersion { VersionInfo = ClusterVersion.Info } });
                break;
            case AgentCallType.GetFlags:
                await RespondAsync(context, codec, new Response
                {
                    Type = ResponseType.GetFlags,
                    GetFlags = new GetFlags { Flags = AgentFlags.Of(agent.Runtime).Select(f => new Flag { Name = f.Key, Value = f.Value }).ToList() },
                });
                break;
            case AgentCallType.GetMetrics:
                await RespondAsync(context, codec, new Response
                {
                    Type = ResponseType.GetMetrics,
                    GetMetrics = new GetMetrics { Metrics = AgentMetrics.Snapshot(agent).Select(m => new Metric { Name = m.Key, Value = m.Value }).ToList() },
                });
                break;
            case AgentCallType.ListFiles:
                await ListFilesAsync(context, codec, call.ListFiles);
                break;
            case AgentCallType.ReadFile:
                await ReadFileAsync(context, codec, call.ReadFile);
                break;
            default:
                await MesosHttp.WriteTextAsync(context, StatusCodes.Status501NotImplemented,
                    $"{call.Type} is not implemented by the embedded agent");
                break;
        }
    }

    private async Task ListFilesAsync(HttpContext context, MesosCodec codec, ListFilesCall? listFiles)
    {
        if (listFiles?.Path is not { } path)
        {
            await MesosHttp.WriteTextAsync(context, StatusCodes.Status400BadRequest, Invalid + "Expecting 'list_files' to be present");
            return;
        }

        if (agent.Files.Resolve(path) is not { } real)
        {
            await MesosHttp.WriteTextAsync(context, StatusCodes.Status404NotFound, $"Failed to find '{path}'");
            return;
        }

        var infos = FileListing.List(path, real).Select(entry => new FileInfo
        {
            Path = entry.Path,
            Nlink = (int)entry.Status.Nlink,
            Size = entry.Status.Size,
            Mtime = new TimeInfo { Nanoseconds = entry.Status.MtimeSeconds * 1_000_000_000 },
            Mode = entry.Status.Mode,
            Uid = entry.Status.Uid,
            Gid = entry.Status.Gid,
        }).ToList();
        await RespondAsync(context, codec, new Response { Type = ResponseType.ListFiles, ListFiles = new ListFiles { FileInfos = infos } });
    }

    private async Task ReadFileAsync(HttpContext context, MesosCodec codec, ReadFileCall? readFile)
    {
        if (readFile?.Path is not { } path)
        {
            await MesosHttp.WriteTextAsync(context, StatusCodes.Status400BadRequest, Invalid + "Expecting 'read_file' to be present");
            return;
        }

        if (readFile.Offset is not { } offset)
        {
            await MesosHttp.WriteTextAsync(context, StatusCodes.Status400BadRequest,
                "Failed to convert JSON into Call protobuf: Missing required fields: read_file.offset");
            return;
        }

        if (agent.Files.Resolve(path) is not { } real)
        {
            await MesosHttp.WriteTextAsync(context, StatusCodes.Status404NotFound, $"Failed to find '{path}'");
            return;
        }

        if (Directory.Exists(real))
        {
            await MesosHttp.WriteTextAsync(context, StatusCodes.Status400BadRequest, "Cannot read a directory");
            return;
        }

        var chunk = await FileChunkReader.ReadAsync(real, (long)Math.Min(offset, long.MaxValue),
            readFile.Length is { } length ? (long)Math.Min(length, long.MaxValue) : null,
            wholeCharacters: false, context.RequestAborted);
        await RespondAsync(context, codec, new Response
        {
            Type = ResponseType.ReadFile,
            ReadFile = new ReadFile { Size = (ulong)chunk.Size, Data = chunk.Data.ToArray() },
        });
    }

    private static Task RespondAsync(HttpContext context, MesosCodec codec, Response response) =>
        MesosHttp.WriteMessageAsync(context, codec, codec.Serialize(response));
}
