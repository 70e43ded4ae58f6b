using System.Globalization;
using MesosConsole.LocalCluster.Files;
using Microsoft.AspNetCore.Http;

namespace MesosConsole.LocalCluster.Agent.Http;

/// <summary>The agent's "command-line flags", derived from its settings (/flags, /state, GET_FLAGS).</summary>
internal static class AgentFlags
{
    public static SortedDictionary<string, string> Of(AgentRuntime agent) => new(StringComparer.Ordinal)
    {
        ["containerizers"] = "mesos",
        ["default_role"] = "*",
        ["executor_shutdown_grace_period"] = "5secs",
        ["hostname"] = agent.Hostname,
        ["http_command_executor"] = "false",
        ["ip"] = agent.Ip.ToString(),
        ["isolation"] = "posix/cpu,posix/mem",
        ["launcher"] = "posix",
        ["master"] = FormattableString.Invariant($"{agent.Settings.MasterHostname}:{agent.Settings.MasterPort}"),
        ["max_completed_executors_per_framework"] = "150",
        ["port"] = agent.Port.ToString(CultureInfo.InvariantCulture),
        ["switch_user"] = "false", // tasks run as the agent's user
        ["work_dir"] = agent.WorkDir,
    };

    /// <summary><c>GET /flags</c>: <c>{"flags":{name:value,…}}</c>.</summary>
    public static Task HandleAsync(HttpContext context, AgentRuntime agent) =>
        MesosResponses.WriteJsonAsync(context, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("flags");
            foreach (var (name, value) in Of(agent))
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        });
}
