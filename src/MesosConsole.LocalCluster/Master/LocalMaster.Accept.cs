using MesosConsole.Allocation;
using MesosConsole.Mesos.V1;
using MesosConsole.Mesos.V1.Scheduler;
using TaskState = MesosConsole.Mesos.V1.TaskState;

using TaskStatus = MesosConsole.Mesos.V1.TaskStatus;

namespace MesosConsole.LocalCluster.Master;

internal sealed partial class LocalMaster
{
    /// <summary>
    /// ACCEPT: always 202 once the call itself is well formed. Problems are reported per task as
    /// master-sourced updates without a uuid, exactly as Mesos does: invalid offers → TASK_DROPPED
    /// (TASK_LOST for frameworks that are not partition aware) for every task; an invalid task →
    /// TASK_ERROR while the others proceed.
    /// </summary>
    public void Accept(FrameworkID frameworkId, AcceptCall accept)
    {
        var refuse = RefuseFor(accept.Filters);
        var launches = new List<(AgentRecord Agent, FrameworkInfo Framework, TaskInfo Task)>();
        lock (_sync)
        {
            _counters.AcceptOffers++;
            var framework = _frameworks[frameworkId.Value];
            var tasks = (accept.Operations ?? []).SelectMany(TasksOf).ToList();

            var offers = new List<OfferRecord>();
            string? invalid = null;
            foreach (var offerId in accept.OfferIds ?? [])
            {
                if (offerId?.Value is not { } id || !_offers.TryGetValue(id, out var offer) || offer.FrameworkId.Value != frameworkId.Value)
                {
                    invalid ??= $"Offer {offerId?.Value} is no longer valid";
                    continue;
                }

                if (offers.Count > 0 && offers[0].AgentId.Value != offer.AgentId.Value)
                {
                    invalid ??= "Aggregated offers must belong to one single agent";
                }

                if (offers.Count > 0 && offers[0].Role != offer.Role)
                {
                    invalid ??= "Aggregated offers must be allocated to the same role";
                }

                offers.Add(offer);
            }

            if (offers.Count == 0 && invalid is null)
            {
                invalid = "No offers specified";
            }

            if (invalid is not null)
            {
                _counters.InvalidAccepts++;
                foreach (var offer in offers)
                {
                    RemoveOffer(offer, rescind: false, refuse: null);
                }

                foreach (var task in tasks)
                {
                    SendMasterUpdate(framework, task.TaskId, task.AgentId ?? offers.FirstOrDefault()?.AgentId, TaskState.TaskDropped,
                        TaskStatusReason.ReasonInvalidOffers, $"Task launched with invalid offers: {invalid}");
                }

                return;
            }

            framework.Metrics.OffersAccepted += offers.Count;
            var agentId = offers[0].AgentId;
            var role = offers[0].Role;
            var pool = Resources.Empty;
            foreach (var offer in offers)
            {
                ForgetOffer(offer);
                pool += offer.Resources;
            }

            var agent = _agents.GetValueOrDefault(agentId.Value);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var task in tasks)
            {
                var error = TaskValidation.Validate(task, agentId, framework, seen, out var resources);
                if (error is null && !pool.Contains(resources))
                {
                    error = $"Total resources {ResourceMapping.Describe(resources, role)} required by task and its executor is more than available {ResourceMapping.Describe(pool, role)}";
                }

                if (task.TaskId?.Value is { } taskId)
                {
                    seen.Add(taskId);
                }

                if (error is not null)
                {
                    _counters.TasksError++;
                    SendMasterUpdate(framework, task.TaskId, agentId, TaskState.TaskError, TaskStatusReason.ReasonTaskInvalid, error);
                    continue;
                }

                if (agent is null)
                {
                    SendMasterUpdate(framework, task.TaskId, agentId, TaskState.TaskDropped, TaskStatusReason.ReasonAgentRemoved, "Agent removed");
                    continue;
                }

                pool -= resources;
                var record = AddTask(framework, task, resources, role);
                agent.Used += resources;
                launches.Add((agent, framework.Info, task));
                PublishOperator(OperatorEvents.TaskAdded(record.Wire));
            }

            if (!pool.IsEmpty)
            {
                _allocator.RecoverResources(frameworkId.Value, agentId.Value, role, pool, refuse);
            }

            foreach (var offer in offers)
            {
                NoteOfferAccepted(offer, launches.Count);
            }
        }

        // Outside the lock: an agent may report synchronously (a spawn failure), which re-enters the master.
        foreach (var (agent, framework, task) in launches)
        {
            agent.Agent.Launch(framework, task);
        }
    }

    private static IEnumerable<TaskInfo> TasksOf(OfferOperation operation) => operation.Type switch
    {
        OperationType.Launch => operation.Launch?.TaskInfos ?? [],
        OperationType.LaunchGroup => operation.LaunchGroup?.TaskGroup?.Tasks ?? [],
        _ => [],
    };

    private TaskRecord AddTask(FrameworkRecord framework, TaskInfo task, Resources resources, string role)
    {
        var wire = new MesosTask
        {
            Name = task.Name,
            TaskId = task.TaskId,
            FrameworkId = framework.Id,
            ExecutorId = task.Executor?.ExecutorId,
            AgentId = task.AgentId,
            State = TaskState.TaskStaging,
            Resources = ResourceMapping.ToWire(resources, preRefinementRole: null, allocationRole: role),
            Labels = task.Labels,
            Discovery = task.Discovery,
            Container = task.Container,
            HealthCheck = task.HealthCheck,
            User = task.Command?.User ?? framework.Info.User,
        };
        var record = new TaskRecord(wire, resources, role, task);
        framework.Tasks[record.Id] = record;
        _counters.TasksLaunched++;
        return record;
    }

    /// <summary>A status the master itself produces (no uuid: nothing to acknowledge, not retried).</summary>
    private void SendMasterUpdate(FrameworkRecord framework, TaskID? taskId, AgentID? agentId, TaskState state, TaskStatusReason reason, string message)
    {
        var status = new TaskStatus
        {
            TaskId = taskId ?? new TaskID(""),
            State = framework.Visible(state),
            Message = message,
            Source = TaskStatusSource.SourceMaster,
            Reason = reason,
            AgentId = agentId,
            Timestamp = Now,
        };
        SendUpdate(framework, status);
        _counters.CountTerminal(status.State!.Value);
    }
}
