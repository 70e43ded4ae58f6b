using MesosConsole.LocalCluster.Master;
using MesosConsole.Mesos.Protobuf;
using MesosConsole.Mesos.V1.Scheduler;
using Microsoft.AspNetCore.Http;

namespace MesosConsole.LocalCluster.Http;

/// <summary>
/// <c>POST /api/v1/scheduler</c>: a fixed pipeline per call — method, content type, parse, validate,
/// stream id, then dispatch to the master. SUBSCRIBE turns the response into the RecordIO event stream.
/// </summary>
internal sealed class SchedulerEndpoint(LocalMaster master)
{
    public const string StreamIdHeader = "Mesos-Stream-Id";

    public async Task HandleAsync(HttpContext context)
    {
        if (await MesosHttp.ReadCallAsync<Call>(context) is not { } received)
        {
            return;
        }

        var call = received.Call;
        var invalid = call is null ? "Expecting a JSON object" : SchedulerCallValidation.Validate(call);
        if (invalid is not null)
        {
            await MesosHttp.WriteTextAsync(context, 400, "Failed to validate scheduler::Call: " + invalid);
            return;
        }

        var streamId = context.Request.Headers[StreamIdHeader].ToString();
        if (call!.Type == CallType.Subscribe)
        {
            if (streamId.Length > 0)
            {
                await MesosHttp.WriteTextAsync(context, 400, "Expecting 'Mesos-Stream-Id' header to be absent for SUBSCRIBE calls");
                return;
            }

            if (MesosHttp.CheckAccept(context.Request, out var eventCodec) is { } notAcceptable)
            {
                await MesosHttp.WriteTextAsync(context, 406, notAcceptable);
                return;
            }

            await SubscribeAsync(context, call, eventCodec);
            return;
        }

        if (streamId.Length == 0)
        {
            await MesosHttp.WriteTextAsync(context, 400, "All non-subscribe calls should include the 'Mesos-Stream-Id' header");
            return;
        }

        var outcome = master.Authorize(call.FrameworkId!, streamId);
        if (outcome.IsError)
        {
            await MesosHttp.WriteTextAsync(context, outcome.StatusCode, outcome.Message);
            return;
        }

        Dispatch(call);
        context.Response.StatusCode = 202;
    }

    private void Dispatch(Call call)
    {
        var id = call.FrameworkId!;
        switch (call.Type)
        {
            case CallType.Teardown:
                master.Teardown(id);
                break;
            case CallType.Accept:
                master.Accept(id, call.Accept!);
                break;
            case CallType.Decline:
                master.Decline(id, call.Decline!);
                break;
            case CallType.Revive:
                master.Revive(id, call.Revive?.Roles);
                break;
            case CallType.Suppress:
                master.Suppress(id, call.Suppress?.Roles);
                break;
            case CallType.Kill:
                master.Kill(id, call.Kill!);
                break;
            case CallType.Acknowledge:
                master.Acknowledge(id, call.Acknowledge!);
                break;
            case CallType.Reconcile:
                master.Reconcile(id, call.Reconcile ?? new ReconcileCall());
                break;
            default:
                // SHUTDOWN (no custom executors here), MESSAGE, REQUEST, inverse offers: accepted, nothing to do.
                break;
        }
    }

    private async Task SubscribeAsync(HttpContext context, Call call, MesosCodec eventCodec)
    {
        var (stream, frameworkId, outcome) = master.Subscribe(call.FrameworkId, call.Subscribe!, eventCodec);
        if (stream is null)
        {
            await MesosHttp.WriteTextAsync(context, outcome.StatusCode, outcome.Message);
            return;
        }

        context.Response.Headers[StreamIdHeader] = stream.Id;
        var aborted = context.RequestAborted;
        try
        {
            await MesosHttp.StartStreamAsync(context, stream.Codec);
            await StreamWriter.DrainAsync(stream, context.Response.Body, aborted);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // The framework went away; handled below.
        }
        finally
        {
            master.Disconnected(frameworkId!, stream);
        }
    }
}
