using System.Text;
using MesosConsole.LocalCluster.Tests.Support;
using MesosConsole.Mesos.Json;
using MesosConsole.Mesos.V1.Master;
using TaskState = MesosConsole.Mesos.V1.TaskState;

namespace MesosConsole.LocalCluster.Tests.Master;

/// <summary>
/// GET_STATE and GET_TASKS are written from per-task cached JSON for speed; they must stay exactly what
/// the serializer writes for the same books, also after tasks change (stale caches would show here).
/// </summary>
public sealed class StateJsonTests
{
    [Fact]
    public async Task FastGetStateAndGetTasks_EqualTheSerializerOutput_BeforeAndAfterTasksChange()
    {
        await using var cluster = await TestCluster.StartAsync(o => o.Agents = 1);
        await using var scheduler = await TestScheduler.SubscribeAsync(cluster.MasterUrl);
        var offer = (await scheduler.NextOffersAsync())[0];
        await scheduler.LaunchAsync(offer,
            TestScheduler.CommandTask("short", offer.AgentId!, "true"),
            TestScheduler.CommandTask("long", offer.AgentId!, "sleep 1000"));
        await scheduler.NextUpdateAckingAsync("long", s => s.State == TaskState.TaskRunning);
        await scheduler.NextUpdateAckingAsync("short", s => s.State == TaskState.TaskFinished);
        cluster.Master.Allocator.Pause(); // no new offers between the two answers being compared
        AssertSame(cluster.Master);

        // A change after the caches were filled must show in the next answer.
        await scheduler.CallAsync(new Mesos.V1.Scheduler.Call
        {
            Type = Mesos.V1.Scheduler.CallType.Kill,
            Kill = new Mesos.V1.Scheduler.KillCall { TaskId = new Mesos.V1.TaskID("long") },
        });
        await scheduler.NextUpdateAckingAsync("long", s => s.State == TaskState.TaskKilled);

        AssertSame(cluster.Master);
        using var after = cluster.Master.GetTasksResponseJson();
        Assert.Contains("TASK_KILLED", Encoding.UTF8.GetString(after.WrittenMemory.Span));
    }

    private static void AssertSame(LocalCluster.Master.LocalMaster master)
    {
        var state = master.SerializeLocked(() => new Response { Type = ResponseType.GetState, GetState = master.GetState() });
        var tasks = master.SerializeLocked(() => new Response { Type = ResponseType.GetTasks, GetTasks = master.GetTasks() });
        Assert.Equal(Encoding.UTF8.GetString(state), Text(master.GetStateResponseJson()));
        Assert.Equal(Encoding.UTF8.GetString(tasks), Text(master.GetTasksResponseJson()));
        Assert.Contains("\"completed_tasks\"", Encoding.UTF8.GetString(MesosJson.Serialize(master.GetTasks())));
    }

    private static string Text(LocalCluster.Http.PooledBufferWriter json)
    {
        using (json)
        {
            return Encoding.UTF8.GetString(json.WrittenMemory.Span);
        }
    }
}
