using MesosConsole.Mesos.V1.Scheduler;

namespace MesosConsole.LocalCluster.Http;

/// <summary>Structural checks on a scheduler Call, with the wording of Mesos's validation.cpp.</summary>
internal static class SchedulerCallValidation
{
    public static string? Validate(Call call)
    {
        if (call.Type is null or CallType.Unknown)
        {
            return "Expecting 'type' to be present";
        }

        if (call.Type == CallType.Subscribe)
        {
            if (call.Subscribe is null)
            {
                return "Expecting 'subscribe' to be present";
            }

            var info = call.Subscribe.FrameworkInfo;
            if (info is null)
            {
                return "Expecting 'framework_info' to be present";
            }

            if (info.User is null || info.Name is null)
            {
                return "Missing required fields: framework_info.user, framework_info.name";
            }

            var multiRole = info.Has(Mesos.V1.FrameworkCapabilityType.MultiRole);
            if (!multiRole && info.Roles is { Count: > 0 })
            {
                return "'FrameworkInfo.roles' is set but the MULTI_ROLE capability is not";
            }

            if (multiRole && info.Role is not null)
            {
                return "'FrameworkInfo.role' must not be set with the MULTI_ROLE capability";
            }

            return null;
        }

        if (call.FrameworkId?.Value is null)
        {
            return "Expecting 'framework_id' to be present";
        }

        return call.Type switch
        {
            CallType.Accept when call.Accept is null => "Expecting 'accept' to be present",
            CallType.Decline when call.Decline is null => "Expecting 'decline' to be present",
            CallType.Kill when call.Kill?.TaskId is null => "Expecting 'kill' to be present",
            CallType.Shutdown when call.Shutdown is null => "Expecting 'shutdown' to be present",
            CallType.Acknowledge when call.Acknowledge is null => "Expecting 'acknowledge' to be present",
            CallType.Acknowledge when call.Acknowledge.Uuid is not { Length: 16 } => "'acknowledge.uuid' is not a valid UUID",
            CallType.Acknowledge when call.Acknowledge.TaskId is null || call.Acknowledge.AgentId is null
                => "Missing required fields: acknowledge.agent_id, acknowledge.task_id",
            CallType.Message when call.Message is null => "Expecting 'message' to be present",
            CallType.UpdateFramework => "UPDATE_FRAMEWORK is not supported by the embedded cluster",
            _ => null,
        };
    }
}
