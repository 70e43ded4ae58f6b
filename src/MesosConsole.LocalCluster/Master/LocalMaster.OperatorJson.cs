using System.Buffers;
using System.Text.Json;
using MesosConsole.LocalCluster.Http;
using MesosConsole.Mesos.Json;

namespace MesosConsole.LocalCluster.Master;

/// <summary>
/// JSON for the operator calls whose answers are mostly tasks (GET_STATE, GET_TASKS). The shape is the
/// serializer's (a test holds the two equal); the tasks are copied from each task's cached JSON.
/// The answer comes in a pooled buffer: dispose it once the bytes are sent.
/// </summary>
internal sealed partial class LocalMaster
{
    private int _lastOperatorStateSize = 64 * 1024;

    public PooledBufferWriter GetStateResponseJson() => WriteOperatorAnswer("GET_STATE", "get_state", w =>
    {
        w.WriteStartObject();
        w.WritePropertyName("get_tasks");
        WriteGetTasks(w);
        w.WritePropertyName("get_executors");
        JsonSerializer.Serialize(w, new Mesos.V1.Master.GetExecutors { Executors = [] }, MesosJson.Options);
        w.WritePropertyName("get_frameworks");
        JsonSerializer.Serialize(w, GetFrameworks(), MesosJson.Options);
        w.WritePropertyName("get_agents");
        JsonSerializer.Serialize(w, GetAgents(), MesosJson.Options);
        w.WriteEndObject();
    });

    public PooledBufferWriter GetTasksResponseJson() => WriteOperatorAnswer("GET_TASKS", "get_tasks", WriteGetTasks);

    private PooledBufferWriter WriteOperatorAnswer(string type, string field, Action<Utf8JsonWriter> writePayload)
    {
        var buffer = new PooledBufferWriter(_lastOperatorStateSize + (_lastOperatorStateSize / 8));
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
        {
            lock (_sync)
            {
                w.WriteStartObject();
                w.WriteString("type", type);
                w.WritePropertyName(field);
                writePayload(w);
                w.WriteEndObject();
            }
        }

        _lastOperatorStateSize = buffer.WrittenCount;
        return buffer;
    }

    private void WriteGetTasks(Utf8JsonWriter w)
    {
        var frameworks = _frameworks.Values.Concat(_completedFrameworks).ToList();
        w.WriteStartObject();
        w.WriteStartArray("tasks");
        foreach (var task in frameworks.SelectMany(f => f.Tasks.Values).Where(t => t.State != Mesos.V1.TaskState.TaskUnreachable))
        {
            WriteWireTask(w, task);
        }

        w.WriteEndArray();
        w.WriteStartArray("unreachable_tasks");
        foreach (var task in frameworks.SelectMany(f => f.Tasks.Values).Where(t => t.State == Mesos.V1.TaskState.TaskUnreachable))
        {
            WriteWireTask(w, task);
        }

        w.WriteEndArray();
        w.WriteStartArray("completed_tasks");
        foreach (var task in frameworks.SelectMany(f => f.CompletedTasks))
        {
            WriteWireTask(w, task);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteWireTask(Utf8JsonWriter w, TaskRecord task)
    {
        task.CachedWireJson ??= MesosJson.Serialize(task.Wire);
        w.WriteRawValue(task.CachedWireJson, skipInputValidation: true);
    }
}
