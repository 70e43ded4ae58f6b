namespace MesosConsole.Provisioning.Ansible;

/// <summary>One task of a run and what each host made of it, in the order they reported.</summary>
public sealed class TaskProgress(string name, string? play)
{
    public string Name { get; } = name;

    public string? Play { get; } = play;

    public List<HostTaskResult> Results { get; } = [];
}

public sealed record HostTaskResult(string Host, HostStatus Status, string Line);

/// <summary>
/// A run's output grouped for display: tasks with their per-host results, the recap and the whole log.
/// Fed line by line (<see cref="Add"/>) from the runner's thread; readers take <see cref="Snapshot"/>.
/// </summary>
public sealed class AnsibleRunProgress
{
    private readonly Lock _lock = new();
    private readonly AnsibleOutputParser _parser = new();
    private readonly List<TaskProgress> _tasks = [];
    private readonly List<RecapEntry> _recap = [];
    private readonly List<string> _log = [];
    private string? _play;

    public AnsibleOutputLine Add(string text)
    {
        lock (_lock)
        {
            var line = _parser.Parse(text);
            _log.Add(line.Text);
            switch (line.Kind)
            {
                case AnsibleLineKind.Play:
                    _play = line.Name;
                    break;
                case AnsibleLineKind.Task:
                    _tasks.Add(new TaskProgress(line.Name!, _play));
                    break;
                case AnsibleLineKind.HostResult:
                    if (_tasks.Count == 0)
                    {
                        _tasks.Add(new TaskProgress("(before the first task)", _play));
                    }

                    _tasks[^1].Results.Add(new HostTaskResult(line.Host!, line.Status!.Value, line.Text));
                    break;
                case AnsibleLineKind.Recap:
                    _recap.Add(line.Recap!);
                    break;
            }

            return line;
        }
    }

    public (IReadOnlyList<TaskProgress> Tasks, IReadOnlyList<RecapEntry> Recap, int LogLines) Snapshot()
    {
        lock (_lock)
        {
            var tasks = _tasks.Select(t =>
            {
                var copy = new TaskProgress(t.Name, t.Play);
                copy.Results.AddRange(t.Results);
                return copy;
            }).ToList();
            return (tasks, [.. _recap], _log.Count);
        }
    }

    public IReadOnlyList<RecapEntry> Recap
    {
        get
        {
            lock (_lock)
            {
                return [.. _recap];
            }
        }
    }

    public string Log
    {
        get
        {
            lock (_lock)
            {
                return string.Join('\n', _log);
            }
        }
    }

    /// <summary>The lines from <paramref name="start"/> (0-based) on: how a viewer catches up from where it was.</summary>
    public IReadOnlyList<string> LinesFrom(int start)
    {
        lock (_lock)
        {
            return start >= _log.Count ? [] : _log.GetRange(start, _log.Count - start);
        }
    }

    /// <summary>The last <paramref name="count"/> lines, for a live tail.</summary>
    public IReadOnlyList<string> Tail(int count)
    {
        lock (_lock)
        {
            return _log.Count <= count ? [.. _log] : _log.GetRange(_log.Count - count, count);
        }
    }
}
