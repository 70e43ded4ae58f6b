namespace MesosConsole.Provisioning.Ansible;

/// <summary>
/// What the console itself has to say about a run (it was interrupted, its cluster could not be added to
/// the chooser), kept as marked lines at the end of the run's log so the stored log tells the whole story
/// and the run page can pick them out.
/// </summary>
public static class DeploymentLogNotes
{
    public const string Marker = "[mesos-console] ";

    public static string Format(string note) => Marker + note;

    public static string Append(string log, string note) => log.Length == 0 ? Format(note) : log + "\n" + Format(note);

    public static IReadOnlyList<string> Read(string log) =>
        [.. log.Split('\n').Where(l => l.StartsWith(Marker, StringComparison.Ordinal)).Select(l => l[Marker.Length..])];
}
