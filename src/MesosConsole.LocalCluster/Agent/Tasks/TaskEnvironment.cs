namespace MesosConsole.LocalCluster.Agent.Tasks;

/// <summary>
/// The environment a command task gets (reference §10): the agent's own, the MESOS_* variables Mesos's
/// command executor passes on, then the task's CommandInfo.environment, which wins.
/// </summary>
internal static class TaskEnvironment
{
    /// <summary>Mesos's --executor_shutdown_grace_period default, as the executor sees it.</summary>
    private const string ShutdownGracePeriod = "5secs";

    public static void Apply(IDictionary<string, string?> environment, TaskRun run, AgentRuntime agent)
    {
        var sandbox = run.Sandbox!.RunDirectory;
        environment["MESOS_FRAMEWORK_ID"] = run.FrameworkId.Value;
        environment["MESOS_EXECUTOR_ID"] = run.ExecutorId.Value;
        environment["MESOS_TASK_ID"] = run.TaskId.Value;
        environment["MESOS_DIRECTORY"] = sandbox;
        environment["MESOS_SANDBOX"] = sandbox;
        environment["MESOS_SLAVE_ID"] = agent.Id.Value;
        environment["MESOS_SLAVE_PID"] = agent.Pid;
        environment["MESOS_AGENT_ENDPOINT"] = agent.Endpoint;
        environment["MESOS_CHECKPOINT"] = run.Framework.Checkpoint == true ? "1" : "0";
        environment["MESOS_EXECUTOR_SHUTDOWN_GRACE_PERIOD"] = ShutdownGracePeriod;

        foreach (var variable in run.Task.Command?.Environment?.Variables ?? [])
        {
            // SECRET variables would need a secret resolver, which the embedded agent does not have.
            if (string.IsNullOrEmpty(variable.Name) || string.Equals(variable.Type, "SECRET", StringComparison.Ordinal))
            {
                continue;
            }

            environment[variable.Name] = variable.Value ?? "";
        }
    }
}
