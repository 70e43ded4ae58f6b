using System.Buffers;
using System.Globalization;
using System.Text.Json;
using MesosConsole.Allocation;
using MesosConsole.Mesos.Json;
using MesosConsole.Mesos.V1;
using MesosConsole.LocalCluster.Http;

namespace MesosConsole.LocalCluster.Master;

/// <summary>
/// The legacy JSON "model" endpoints (/master/state and friends, reference §8): flat string ids,
/// "slave" for agent, resources as summary objects, times as seconds. Written straight to a
/// Utf8JsonWriter because /master/state of a big cluster is large and read often.
/// </summary>
internal sealed partial class LocalMaster
{
    /// <summary>Size of the last big answer: the next one starts with a buffer that fits, not 20 doublings.</summary>
    private int _lastStateSize = 64 * 1024;

    /// <summary>/master/state (or state-summary) in a pooled buffer: dispose it once the bytes are sent.</summary>
    public PooledBufferWriter StateJson(bool summary = false)
    {
        var buffer = new PooledBufferWriter(_lastStateSize + (_lastStateSize / 8));
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
        {
            lock (_sync)
            {
                if (summary)
                {
                    WriteStateSummary(w);
                }
                else
                {
                    WriteState(w);
                }
            }
        }

        _lastStateSize = buffer.WrittenCount;
        return buffer;
    }

    private void WriteState(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        var version = ClusterVersion.Info;
        w.WriteString("version", version.Version);
        w.WriteString("build_date", version.BuildDate);
        w.WriteNumber("build_time", version.BuildTime ?? 0);
        w.WriteString("build_user", version.BuildUser);
        w.WriteNumber("start_time", Seconds(StartTime));
        w.WriteNumber("elected_time", Seconds(ElectedTime));
        w.WriteString("id", Id);
        w.WriteString("pid", Pid);
        w.WriteString("hostname", Hostname);
        w.WriteStartArray("capabilities");
        w.WriteStringValue("AGENT_UPDATE");
        w.WriteEndArray();
        w.WriteNumber("activated_slaves", _agents.Values.Count(a => a.Active));
        w.WriteNumber("deactivated_slaves", _agents.Values.Count(a => !a.Active));
        w.WriteNumber("unreachable_slaves", 0);
        w.WriteString("leader", Pid);
        w.WriteStartObject("leader_info");
        w.WriteString("id", Id);
        w.WriteString("pid", Pid);
        w.WriteNumber("port", Port);
        w.WriteString("hostname", Hostname);
        w.WriteEndObject();
        w.WriteString("cluster", _settings.ClusterName);
        w.WriteStartObject("flags");
        foreach (var (name, value) in MasterFlags.Of(this))
        {
            w.WriteString(name, value);
        }

        w.WriteEndObject();
        w.WriteStartArray("slaves");
        foreach (var agent in _agents.Values)
        {
            w.WriteStartObject();
            WriteSlaveFields(w, agent);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("recovered_slaves");
        w.WriteEndArray();
        w.WriteStartArray("frameworks");
        foreach (var framework in _frameworks.Values)
        {
            WriteFramework(w, framework);
        }

        w.WriteEndArray();
        w.WriteStartArray("completed_frameworks");
        foreach (var framework in _completedFrameworks)
        {
            WriteFramework(w, framework);
        }

        w.WriteEndArray();
        w.WriteStartArray("orphan_tasks");
        w.WriteEndArray();
        w.WriteStartArray("unregistered_frameworks");
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private void WriteStateSummary(Utf8JsonWriter w)
    {
        var byAgent = new Dictionary<string, Dictionary<TaskState, int>>(StringComparer.Ordinal);
        var frameworksByAgent = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        w.WriteStartObject();
        w.WriteString("hostname", Hostname);
        w.WriteString("cluster", _settings.ClusterName);
        w.WriteStartArray("frameworks");
        foreach (var framework in _frameworks.Values)
        {
            var counts = new Dictionary<TaskState, int>();
            var agents = new HashSet<string>(StringComparer.Ordinal);
            foreach (var task in framework.Tasks.Values.Concat(framework.CompletedTasks))
            {
                counts[task.State] = counts.GetValueOrDefault(task.State) + 1;
                var agentCounts = byAgent.TryGetValue(task.AgentId.Value, out var c) ? c : byAgent[task.AgentId.Value] = [];
                agentCounts[task.State] = agentCounts.GetValueOrDefault(task.State) + 1;
                agents.Add(task.AgentId.Value);
                (frameworksByAgent.TryGetValue(task.AgentId.Value, out var f) ? f : frameworksByAgent[task.AgentId.Value] = []).Add(framework.Id.Value);
            }

            w.WriteStartObject();
            WriteFrameworkSummaryFields(w, framework);
            WriteTaskCounters(w, counts);
            w.WriteStartArray("slave_ids");
            foreach (var agent in agents)
            {
                w.WriteStringValue(agent);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("slaves");
        foreach (var agent in _agents.Values)
        {
            w.WriteStartObject();
            WriteSlaveFields(w, agent);
            WriteTaskCounters(w, byAgent.GetValueOrDefault(agent.Id) ?? []);
            w.WriteStartArray("framework_ids");
            foreach (var framework in frameworksByAgent.GetValueOrDefault(agent.Id) ?? [])
            {
                w.WriteStringValue(framework);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static readonly (TaskState State, string Key)[] SummaryCounters =
    [
        (TaskState.TaskStaging, "TASK_STAGING"), (TaskState.TaskStarting, "TASK_STARTING"), (TaskState.TaskRunning, "TASK_RUNNING"),
        (TaskState.TaskKilling, "TASK_KILLING"), (TaskState.TaskFinished, "TASK_FINISHED"), (TaskState.TaskKilled, "TASK_KILLED"),
        (TaskState.TaskFailed, "TASK_FAILED"), (TaskState.TaskLost, "TASK_LOST"), (TaskState.TaskError, "TASK_ERROR"),
        (TaskState.TaskUnreachable, "TASK_UNREACHABLE"),
    ];

    private static void WriteTaskCounters(Utf8JsonWriter w, Dictionary<TaskState, int> counts)
    {
        foreach (var (state, key) in SummaryCounters)
        {
            w.WriteNumber(key, counts.GetValueOrDefault(state));
        }
    }

    private void WriteSlaveFields(Utf8JsonWriter w, AgentRecord agent)
    {
        var info = agent.Agent.Info;
        w.WriteString("id", agent.Id);
        w.WriteString("hostname", info.Hostname);
        w.WriteNumber("port", agent.Agent.Port);
        w.WriteStartObject("attributes");
        foreach (var attribute in info.Attributes ?? [])
        {
            if (attribute.Type == Mesos.V1.ValueType.Scalar)
            {
                w.WriteNumber(attribute.Name!, attribute.Scalar?.Value ?? 0);
            }
            else
            {
                w.WriteString(attribute.Name!, attribute.Text?.Value ?? "");
            }
        }

        w.WriteEndObject();
        w.WriteString("pid", agent.Agent.Pid);
        w.WriteNumber("registered_time", Seconds(agent.RegisteredAt));
        WriteSummary(w, "resources", agent.Total);
        WriteSummary(w, "used_resources", agent.Used);
        WriteSummary(w, "offered_resources", agent.Offered);
        w.WriteStartObject("reserved_resources");
        w.WriteEndObject();
        WriteSummary(w, "unreserved_resources", agent.Total);
        w.WriteBoolean("active", agent.Active);
        w.WriteBoolean("deactivated", !agent.Active);
        w.WriteString("version", Version);
        w.WriteStartArray("capabilities");
        w.WriteStringValue("MULTI_ROLE");
        w.WriteStringValue("HIERARCHICAL_ROLE");
        w.WriteStringValue("RESERVATION_REFINEMENT");
        w.WriteEndArray();
    }

    private void WriteFrameworkSummaryFields(Utf8JsonWriter w, FrameworkRecord framework)
    {
        var info = framework.Info;
        w.WriteString("id", framework.Id.Value);
        w.WriteString("name", info.Name);
        WriteSummary(w, "used_resources", framework.Used());
        WriteSummary(w, "offered_resources", framework.Offered());
        w.WriteStartArray("capabilities");
        foreach (var capability in info.Capabilities ?? [])
        {
            if (capability.Type is { } type)
            {
                w.WriteStringValue(JsonNamingPolicy.SnakeCaseUpper.ConvertName(type.ToString()));
            }
        }

        w.WriteEndArray();
        w.WriteString("hostname", info.Hostname ?? "");
        w.WriteString("webui_url", info.WebuiUrl ?? "");
        w.WriteBoolean("active", framework.Active);
        w.WriteBoolean("connected", framework.Connected);
        w.WriteBoolean("recovered", false);
    }

    private void WriteFramework(Utf8JsonWriter w, FrameworkRecord framework)
    {
        var info = framework.Info;
        w.WriteStartObject();
        WriteFrameworkSummaryFields(w, framework);
        w.WriteString("user", info.User ?? "");
        w.WriteNumber("failover_timeout", info.FailoverTimeout ?? 0);
        w.WriteBoolean("checkpoint", info.Checkpoint ?? false);
        w.WriteNumber("registered_time", Seconds(framework.RegisteredAt));
        if (framework.ReregisteredAt != framework.RegisteredAt)
        {
            w.WriteNumber("reregistered_time", Seconds(framework.ReregisteredAt));
        }

        w.WriteNumber("unregistered_time", framework.UnregisteredAt is { } at ? Seconds(at) : 0);
        if (info.Principal is { } principal)
        {
            w.WriteString("principal", principal);
        }

        WriteSummary(w, "resources", framework.Used() + framework.Offered());
        if (framework.MultiRole)
        {
            w.WriteStartArray("roles");
            foreach (var role in framework.Roles)
            {
                w.WriteStringValue(role);
            }

            w.WriteEndArray();
        }
        else
        {
            w.WriteString("role", framework.Roles[0]);
        }

        w.WriteStartArray("tasks");
        foreach (var task in framework.Tasks.Values.Where(t => t.State != TaskState.TaskUnreachable))
        {
            WriteTask(w, task);
        }

        w.WriteEndArray();
        w.WriteStartArray("unreachable_tasks");
        foreach (var task in framework.Tasks.Values.Where(t => t.State == TaskState.TaskUnreachable))
        {
            WriteTask(w, task);
        }

        w.WriteEndArray();
        w.WriteStartArray("completed_tasks");
        foreach (var task in framework.CompletedTasks)
        {
            WriteTask(w, task);
        }

        w.WriteEndArray();
        w.WriteStartArray("offers");
        foreach (var offer in framework.Offers.Values)
        {
            w.WriteStartObject();
            w.WriteString("id", offer.Id.Value);
            w.WriteString("framework_id", offer.FrameworkId.Value);
            w.WriteStartObject("allocation_info");
            w.WriteString("role", offer.Role);
            w.WriteEndObject();
            w.WriteString("slave_id", offer.AgentId.Value);
            WriteSummary(w, "resources", offer.Resources);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("executors");
        w.WriteEndArray();
        w.WriteEndObject();
    }

    internal static void WriteTask(Utf8JsonWriter w, TaskRecord task)
    {
        if (task.CachedStateJson is null)
        {
            var buffer = new ArrayBufferWriter<byte>(512);
            using (var one = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
            {
                WriteTaskFields(one, task);
            }

            task.CachedStateJson = buffer.WrittenSpan.ToArray();
        }

        w.WriteRawValue(task.CachedStateJson, skipInputValidation: true);
    }

    private static void WriteTaskFields(Utf8JsonWriter w, TaskRecord task)
    {
        var wire = task.Wire;
        w.WriteStartObject();
        w.WriteString("id", task.Id);
        w.WriteString("name", wire.Name ?? "");
        w.WriteString("framework_id", wire.FrameworkId!.Value);
        w.WriteString("executor_id", wire.ExecutorId?.Value ?? "");
        w.WriteString("slave_id", task.AgentId.Value);
        w.WriteString("state", StateName(task.State));
        WriteSummary(w, "resources", task.Resources);
        w.WriteString("role", task.Role);
        w.WriteStartArray("statuses");
        foreach (var status in wire.Statuses ?? [])
        {
            w.WriteStartObject();
            w.WriteString("state", StateName(status.State ?? TaskState.TaskStaging));
            w.WriteNumber("timestamp", status.Timestamp ?? 0);
            if (status.ContainerStatus?.ContainerId is { } container)
            {
                w.WriteStartObject("container_status");
                w.WriteStartObject("container_id");
                w.WriteString("value", container.Value);
                w.WriteEndObject();
                w.WriteEndObject();
            }

            if (status.Healthy is { } healthy)
            {
                w.WriteBoolean("healthy", healthy);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (wire.User is { } user)
        {
            w.WriteString("user", user);
        }

        w.WriteEndObject();
    }

    private static readonly Dictionary<TaskState, JsonEncodedText> StateNames = Enum.GetValues<TaskState>()
        .ToDictionary(s => s, s => JsonEncodedText.Encode(JsonNamingPolicy.SnakeCaseUpper.ConvertName(s.ToString())));

    private static JsonEncodedText StateName(TaskState state) => StateNames[state];

    /// <summary>The resource summary object: always cpus, gpus, mem, disk; other scalars by name; ranges as text.</summary>
    internal static void WriteSummary(Utf8JsonWriter w, string name, Resources resources)
    {
        w.WriteStartObject(name);
        w.WriteNumber("cpus", resources.Scalar("cpus"));
        w.WriteNumber("gpus", resources.Scalar("gpus"));
        w.WriteNumber("mem", resources.Scalar("mem"));
        w.WriteNumber("disk", resources.Scalar("disk"));
        foreach (var (scalar, value) in resources.Scalars)
        {
            if (scalar is not ("cpus" or "gpus" or "mem" or "disk"))
            {
                w.WriteNumber(scalar, value);
            }
        }

        foreach (var (rangeName, ranges) in resources.Ranges)
        {
            w.WriteString(rangeName, "[" + string.Join(", ", ranges.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Begin}-{r.End}"))) + "]");
        }

        w.WriteEndObject();
    }

    private static double Seconds(DateTimeOffset at) => at.ToUnixTimeMilliseconds() / 1000.0;

    /// <summary>/master/frameworks, /master/slaves, /master/tasks and /master/roles bodies.</summary>
    public byte[] FrameworksJson(string? frameworkId) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("frameworks");
        foreach (var framework in _frameworks.Values.Where(f => frameworkId is null || f.Id.Value == frameworkId))
        {
            WriteFramework(w, framework);
        }

        w.WriteEndArray();
        w.WriteStartArray("completed_frameworks");
        foreach (var framework in _completedFrameworks.Where(f => frameworkId is null || f.Id.Value == frameworkId))
        {
            WriteFramework(w, framework);
        }

        w.WriteEndArray();
        w.WriteStartArray("unregistered_frameworks");
        w.WriteEndArray();
        w.WriteEndObject();
    });

    public byte[] SlavesJson(string? agentId) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("slaves");
        foreach (var agent in _agents.Values.Where(a => agentId is null || a.Id == agentId))
        {
            w.WriteStartObject();
            WriteSlaveFields(w, agent);
            w.WritePropertyName("used_resources_full");
            JsonSerializer.Serialize(w, ResourceMapping.ToWire(agent.Used, "*", "*"), MesosJson.Options);
            w.WritePropertyName("offered_resources_full");
            JsonSerializer.Serialize(w, ResourceMapping.ToWire(agent.Offered, "*", "*"), MesosJson.Options);
            w.WritePropertyName("unreserved_resources_full");
            JsonSerializer.Serialize(w, ResourceMapping.ToWire(agent.Total, "*"), MesosJson.Options);
            w.WriteStartObject("reserved_resources_full");
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("recovered_slaves");
        w.WriteEndArray();
        w.WriteEndObject();
    });

    public byte[] TasksJson(int limit, int offset, bool ascending, string? frameworkId, string? taskId) => Write(w =>
    {
        var tasks = _frameworks.Values.Concat(_completedFrameworks)
            .Where(f => frameworkId is null || f.Id.Value == frameworkId)
            .SelectMany(f => f.Tasks.Values.Concat(f.CompletedTasks))
            .Where(t => taskId is null || t.Id == taskId);
        var ordered = ascending
            ? tasks.OrderBy(FirstTimestamp)
            : tasks.OrderByDescending(FirstTimestamp);
        w.WriteStartObject();
        w.WriteStartArray("tasks");
        foreach (var task in ordered.Skip(offset).Take(limit))
        {
            WriteTask(w, task);
        }

        w.WriteEndArray();
        w.WriteEndObject();

        static double FirstTimestamp(TaskRecord t) => t.Wire.Statuses is { Count: > 0 } s ? s[0].Timestamp ?? 0 : 0;
    });

    public byte[] RolesJson() => Write(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("roles");
        foreach (var group in _frameworks.Values.SelectMany(f => f.Roles.Select(r => (Role: r, Framework: f))).GroupBy(x => x.Role, StringComparer.Ordinal))
        {
            var allocated = group.Aggregate(Resources.Empty, (sum, x) => sum + x.Framework.Used(group.Key));
            var offered = group.Aggregate(Resources.Empty, (sum, x) => sum + x.Framework.Offered(group.Key));
            w.WriteStartObject();
            w.WriteString("name", group.Key);
            w.WriteNumber("weight", 1.0);
            w.WriteStartObject("quota");
            w.WriteString("role", group.Key);
            w.WriteStartObject("guarantee");
            w.WriteEndObject();
            w.WriteStartObject("limit");
            w.WriteEndObject();
            WriteSummary(w, "consumed", allocated);
            w.WriteEndObject();
            WriteSummary(w, "resources", allocated + offered);
            WriteSummary(w, "allocated", allocated);
            WriteSummary(w, "offered", offered);
            w.WriteStartObject("reserved");
            w.WriteEndObject();
            w.WriteStartArray("frameworks");
            foreach (var x in group)
            {
                w.WriteStringValue(x.Framework.Id.Value);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    private byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var w = new Utf8JsonWriter(buffer))
        {
            lock (_sync)
            {
                write(w);
            }
        }

        return buffer.WrittenSpan.ToArray();
    }
}
