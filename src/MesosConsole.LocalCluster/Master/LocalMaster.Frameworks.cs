using MesosConsole.Mesos.Protobuf;
using MesosConsole.Mesos.V1;
using MesosConsole.Mesos.V1.Scheduler;
using Microsoft.Extensions.Logging;
using TaskState = MesosConsole.Mesos.V1.TaskState;

using TaskStatus = MesosConsole.Mesos.V1.TaskStatus;

namespace MesosConsole.LocalCluster.Master;

internal sealed partial class LocalMaster
{
    /// <summary>
    /// SUBSCRIBE: registers a new framework or re-attaches a known one to a new stream (closing the old
    /// stream with an ERROR first). Returns the stream to serve, or an error outcome. Events go out in
    /// <paramref name="eventCodec"/> (JSON when not given).
    /// </summary>
    public (EventStream? Stream, FrameworkID? Id, CallOutcome Outcome) Subscribe(FrameworkID? callFrameworkId, SubscribeCall subscribe, MesosCodec? eventCodec = null)
    {
        var info = subscribe.FrameworkInfo!;
        if (callFrameworkId is not null && info.Id is not null && callFrameworkId.Value != info.Id.Value)
        {
            return (null, null, CallOutcome.BadRequest("Failed to validate scheduler::Call: 'framework_id' differs from 'subscribe.framework_info.id'"));
        }

        var requestedId = info.Id ?? callFrameworkId;
        lock (_sync)
        {
            var stream = new EventStream(Guid.NewGuid().ToString(), eventCodec);
            if (requestedId is not null && _completedFrameworks.Any(f => f.Id.Value == requestedId.Value))
            {
                // A removed framework may not come back: Mesos answers on the stream and closes it.
                stream.Send(new Event { Type = EventType.Error, Error = new ErrorEvent { Message = "Framework has been removed" } });
                stream.Close();
                return (stream, requestedId, CallOutcome.Ok);
            }

            FrameworkRecord framework;
            var now = _time.GetUtcNow();
            var known = requestedId is null ? null : _frameworks.GetValueOrDefault(requestedId.Value);
            if (known is not null)
            {
                framework = known;
                if (framework.Stream is { } old)
                {
                    old.Send(new Event { Type = EventType.Error, Error = new ErrorEvent { Message = "Framework failed over" } });
                    old.Close();
                }

                info.Id = framework.Id;
                info.User = framework.Info.User;
                info.Checkpoint = framework.Info.Checkpoint;
                framework.Info = info;
                framework.ReregisteredAt = now;
                framework.FailoverTimer?.Dispose();
                framework.FailoverTimer = null;
                framework.HeartbeatTimer?.Dispose();
                _allocator.UpdateFramework(framework.Id.Value, framework.Roles, subscribe.SuppressedRoles);
            }
            else
            {
                // New, or a re-registration with an id this master never saw (as after a master failover).
                var id = requestedId ?? new FrameworkID($"{Id}-{_nextFramework++:D4}");
                info.Id = id;
                framework = new FrameworkRecord(id, info, now);
                _frameworks[id.Value] = framework;
                _allocator.AddFramework(id.Value, framework.Roles, subscribe.SuppressedRoles);
                PublishOperator(OperatorEvents.FrameworkAdded(FrameworkEntry(framework)));
            }

            framework.Stream = stream;
            framework.Active = true;
            framework.UnregisteredAt = null;
            _allocator.ActivateFramework(framework.Id.Value);
            stream.Send(new Event
            {
                Type = EventType.Subscribed,
                Subscribed = new SubscribedEvent
                {
                    FrameworkId = framework.Id,
                    HeartbeatIntervalSeconds = _settings.HeartbeatInterval.TotalSeconds,
                    MasterInfo = Info,
                },
            });
            StartHeartbeats(framework, stream);
            if (known is not null)
            {
                PublishOperator(OperatorEvents.FrameworkUpdated(FrameworkEntry(framework)));
            }

            // Updates that were waiting while the framework was away go out again now.
            foreach (var task in framework.Tasks.Values.Where(t => t.PendingUpdates.Count > 0))
            {
                SendHead(framework, task);
            }

            MasterLog.FrameworkSubscribed(_log, framework.Id.Value, info.Name, stream.Id);
            return (stream, framework.Id, CallOutcome.Ok);
        }
    }

    private void StartHeartbeats(FrameworkRecord framework, EventStream stream)
    {
        var heartbeat = new Event { Type = EventType.Heartbeat };
        stream.Send(heartbeat);
        framework.HeartbeatTimer = _time.CreateTimer(
            _ => stream.Send(heartbeat), null, _settings.HeartbeatInterval, _settings.HeartbeatInterval);
    }

    /// <summary>
    /// Checks that a non-SUBSCRIBE call comes from the framework's current stream. The messages are the
    /// ones a real master gives (see the scheduler_err_* captures).
    /// </summary>
    public CallOutcome Authorize(FrameworkID frameworkId, string? streamId)
    {
        lock (_sync)
        {
            if (!_frameworks.TryGetValue(frameworkId.Value, out var framework))
            {
                return CallOutcome.BadRequest("Framework cannot be found");
            }

            if (framework.Stream is null)
            {
                return CallOutcome.Forbidden("Framework is not subscribed");
            }

            if (streamId != framework.Stream.Id)
            {
                return CallOutcome.BadRequest(
                    $"The stream ID '{streamId}' included in this request didn't match the stream ID currently associated with framework ID {frameworkId.Value}");
            }

            return CallOutcome.Accepted;
        }
    }

    /// <summary>The SUBSCRIBE connection ended: the framework is disconnected until its failover timeout runs out.</summary>
    public void Disconnected(FrameworkID frameworkId, EventStream stream)
    {
        lock (_sync)
        {
            if (!_frameworks.TryGetValue(frameworkId.Value, out var framework) || framework.Stream != stream)
            {
                return;
            }

            stream.Close();
            framework.Stream = null;
            framework.Active = false;
            framework.HeartbeatTimer?.Dispose();
            framework.HeartbeatTimer = null;
            framework.UnregisteredAt = _time.GetUtcNow();
            _allocator.DeactivateFramework(framework.Id.Value);
            foreach (var offer in framework.Offers.Values.ToList())
            {
                RemoveOffer(offer, rescind: false, refuse: null);
            }

            var failover = TimeSpan.FromSeconds(Math.Clamp(framework.Info.FailoverTimeout ?? 0, 0, TimeSpan.MaxValue.TotalSeconds / 2));
            framework.FailoverTimer = _time.CreateTimer(_ => FailoverTimedOut(framework), null, failover, Timeout.InfiniteTimeSpan);
            PublishOperator(OperatorEvents.FrameworkUpdated(FrameworkEntry(framework)));
            MasterLog.FrameworkDisconnected(_log, framework.Id.Value, failover.TotalSeconds);
        }
    }

    private void FailoverTimedOut(FrameworkRecord framework)
    {
        lock (_sync)
        {
            if (framework.Connected || !_frameworks.ContainsKey(framework.Id.Value))
            {
                return;
            }

            RemoveFramework(framework, "failover timeout expired");
        }
    }

    /// <summary>TEARDOWN from the framework or an operator: kill everything and forget the framework.</summary>
    public bool Teardown(FrameworkID frameworkId)
    {
        lock (_sync)
        {
            if (!_frameworks.TryGetValue(frameworkId.Value, out var framework))
            {
                return false;
            }

            RemoveFramework(framework, "torn down");
            return true;
        }
    }

    private void RemoveFramework(FrameworkRecord framework, string why)
    {
        foreach (var offer in framework.Offers.Values.ToList())
        {
            RemoveOffer(offer, rescind: false, refuse: null);
        }

        foreach (var task in framework.Tasks.Values.ToList())
        {
            _tasksWithPendingUpdates.Remove(task);
            task.PendingUpdates.Clear();
            if (!TaskStates.IsTerminal(task.State))
            {
                var killed = new TaskStatus
                {
                    TaskId = task.Wire.TaskId,
                    State = TaskState.TaskKilled,
                    Source = TaskStatusSource.SourceMaster,
                    Reason = TaskStatusReason.ReasonFrameworkRemoved,
                    Message = "Framework removed",
                    AgentId = task.AgentId,
                    Timestamp = Now,
                };
                RecordState(framework, task, killed);
            }

            framework.Tasks.Remove(task.Id);
            framework.AddCompleted(task);
        }

        foreach (var agent in _agents.Values)
        {
            agent.Agent.ShutdownFramework(framework.Id);
        }

        framework.HeartbeatTimer?.Dispose();
        framework.FailoverTimer?.Dispose();
        framework.Stream?.Close();
        framework.Stream = null;
        framework.Active = false;
        framework.UnregisteredAt = _time.GetUtcNow();
        _allocator.RemoveFramework(framework.Id.Value);
        _frameworks.Remove(framework.Id.Value);
        _completedFrameworks.AddLast(framework);
        while (_completedFrameworks.Count > 50)
        {
            _completedFrameworks.RemoveFirst();
        }

        PublishOperator(OperatorEvents.FrameworkRemoved(framework.Info));
        MasterLog.FrameworkRemoved(_log, framework.Id.Value, why);
    }

    public void Suppress(FrameworkID frameworkId, List<string>? roles)
    {
        _allocator.Suppress(frameworkId.Value, roles);
        lock (_sync)
        {
            _counters.SuppressOffers++;
            if (_frameworks.TryGetValue(frameworkId.Value, out var framework))
            {
                framework.Metrics.SuppressedRoles.UnionWith(roles is { Count: > 0 } ? roles : framework.Roles);
            }
        }
    }

    public void Revive(FrameworkID frameworkId, List<string>? roles)
    {
        _allocator.Revive(frameworkId.Value, roles);
        lock (_sync)
        {
            _counters.ReviveOffers++;
            if (_frameworks.TryGetValue(frameworkId.Value, out var framework))
            {
                framework.Metrics.SuppressedRoles.ExceptWith(roles is { Count: > 0 } ? roles : framework.Roles);
            }
        }
    }
}
