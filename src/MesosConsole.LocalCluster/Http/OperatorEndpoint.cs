using MesosConsole.LocalCluster.Master;
using MesosConsole.Mesos.Protobuf;
using MesosConsole.Mesos.V1;
using MesosConsole.Mesos.V1.Master;
using Microsoft.AspNetCore.Http;

namespace MesosConsole.LocalCluster.Http;

/// <summary><c>POST /api/v1</c> on the master: the operator API (reference §7).</summary>
internal sealed class OperatorEndpoint(LocalMaster master)
{
    public async Task HandleAsync(HttpContext context)
    {
        if (await MesosHttp.ReadCallAsync<Call>(context) is not { } received)
        {
            return;
        }

        if (MesosHttp.CheckAccept(context.Request, out var codec) is { } notAcceptable)
        {
            await MesosHttp.WriteTextAsync(context, 406, notAcceptable);
            return;
        }

        var call = received.Call;
        if (call?.Type is null or CallType.Unknown)
        {
            await MesosHttp.WriteTextAsync(context, 400, "Failed to validate master::Call: Expecting 'type' to be present");
            return;
        }

        await DispatchAsync(context, call, codec);
    }

    /// <summary>Answers in <paramref name="codec"/>, the encoding the client's Accept asked for.</summary>
    private async Task DispatchAsync(HttpContext context, Call call, MesosCodec codec)
    {
        switch (call.Type)
        {
            case CallType.GetHealth:
                await RespondAsync(context, codec, new Response { Type = ResponseType.GetHealth, GetHealth = new GetHealth { Healthy = true } });
                break;
            case CallType.GetVersion:
                await RespondAsync(context, codec, new Response { Type = ResponseType.GetVersion, GetVersion = new GetVersion { VersionInfo = ClusterVersion.Info } });
                break;
            case CallType.GetFlags:
                await RespondAsync(context, codec, new Response
                {
                    Type = ResponseType.GetFlags,
                    GetFlags = new GetFlags { Flags = MasterFlags.Of(master).Select(kv => new Flag { Name = kv.Key, Value = kv.Value }).ToList() },
                });
                break;
            case CallType.GetMetrics:
                await RespondAsync(context, codec, new Response
                {
                    Type = ResponseType.GetMetrics,
                    GetMetrics = new GetMetrics { Metrics = master.Metrics().Select(kv => new Metric { Name = kv.Key, Value = kv.Value }).ToList() },
                });
                break;
            case CallType.GetState:
                // JSON has its own tuned writer (cached task JSON); protobuf is written from the schema.
                if (codec.IsProtobuf)
                {
                    await RespondAsync(context, codec, () => new Response { Type = ResponseType.GetState, GetState = master.GetState() });
                }
                else
                {
                    await MesosHttp.WriteJsonAsync(context, master.GetStateResponseJson());
                }

                break;
            case CallType.GetAgents:
                await RespondAsync(context, codec, () => new Response { Type = ResponseType.GetAgents, GetAgents = master.GetAgents() });
                break;
            case CallType.GetFrameworks:
                await RespondAsync(context, codec, () => new Response { Type = ResponseType.GetFrameworks, GetFrameworks = master.GetFrameworks() });
                break;
            case CallType.GetExecutors:
                await RespondAsync(context, codec, new Response { Type = ResponseType.GetExecutors, GetExecutors = new GetExecutors { Executors = [] } });
                break;
            case CallType.GetTasks:
                if (codec.IsProtobuf)
                {
                    await RespondAsync(context, codec, () => new Response { Type = ResponseType.GetTasks, GetTasks = master.GetTasks() });
                }
                else
                {
                    await MesosHttp.WriteJsonAsync(context, master.GetTasksResponseJson());
                }

                break;
            case CallType.GetRoles:
                await RespondAsync(context, codec, () => new Response { Type = ResponseType.GetRoles, GetRoles = master.GetRoles() });
                break;
            case CallType.GetMaster:
                await RespondAsync(context, codec, new Response { Type = ResponseType.GetMaster, GetMaster = master.GetMaster() });
                break;
            case CallType.ListFiles:
            case CallType.ReadFile:
                // The master attaches no files of its own; sandboxes live on the agents' file endpoints.
                var path = call.ListFiles?.Path ?? call.ReadFile?.Path;
                await MesosHttp.WriteTextAsync(context, path is null ? 400 : 404,
                    path is null ? "Expecting 'path' to be present" : $"Failed to find '{path}': the master attaches no files; read sandboxes from the agent");
                break;
            case CallType.Teardown:
                if (call.Teardown?.FrameworkId is not { } frameworkId)
                {
                    await MesosHttp.WriteTextAsync(context, 400, "Failed to validate master::Call: Expecting 'teardown' to be present");
                }
                else if (!master.Teardown(frameworkId))
                {
                    await MesosHttp.WriteTextAsync(context, 400, $"No framework found with specified ID '{frameworkId.Value}'");
                }
                else
                {
                    context.Response.StatusCode = 200; // no body and, deliberately, no Content-Type (§12 item 16)
                }

                break;
            case CallType.MarkAgentGone:
                if (call.MarkAgentGone?.AgentId is not { } agentId)
                {
                    await MesosHttp.WriteTextAsync(context, 400, "Failed to validate master::Call: Expecting 'mark_agent_gone' to be present");
                }
                else
                {
                    master.RemoveAgent(agentId, "marked gone by an operator");
                    context.Response.StatusCode = 200;
                }

                break;
            case CallType.Subscribe:
                await SubscribeAsync(context, codec);
                break;
            default:
                await MesosHttp.WriteTextAsync(context, 501, $"{call.Type} is not implemented by the embedded cluster");
                break;
        }
    }

    private static Task RespondAsync(HttpContext context, MesosCodec codec, Response response) =>
        MesosHttp.WriteMessageAsync(context, codec, codec.Serialize(response));

    /// <summary>For answers built from the master's live books: built and serialized under its lock.</summary>
    private Task RespondAsync(HttpContext context, MesosCodec codec, Func<Response> build) =>
        MesosHttp.WriteMessageAsync(context, codec, master.SerializeLocked(build, codec));

    private async Task SubscribeAsync(HttpContext context, MesosCodec codec)
    {
        var stream = master.SubscribeOperator(protobufCodec: codec.IsProtobuf, out var heartbeats);
        try
        {
            await MesosHttp.StartStreamAsync(context, stream.Codec);
            await StreamWriter.DrainAsync(stream, context.Response.Body, context.RequestAborted);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
        }
        finally
        {
            heartbeats?.Dispose();
            master.UnsubscribeOperator(stream);
        }
    }
}

/// <summary>The master's "flags", derived from its settings (GET_FLAGS and /master/state).</summary>
internal static class MasterFlags
{
    public static SortedDictionary<string, string> Of(LocalMaster master) => new(StringComparer.Ordinal)
    {
        ["allocation_interval"] = $"{master.Settings.AllocationInterval.TotalSeconds}secs",
        ["cluster"] = master.Settings.ClusterName,
        ["hostname"] = master.Hostname,
        ["ip"] = master.Hostname,
        ["offer_timeout"] = master.Settings.OfferTimeout is { } t ? $"{t.TotalSeconds}secs" : "",
        ["port"] = master.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["quorum"] = "1",
        ["registry"] = "in_memory",
    };
}
