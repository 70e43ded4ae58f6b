namespace MesosConsole.Allocation;

/// <summary>An inclusive range of whole numbers, as Mesos uses for ports: <c>[31000-32000]</c>.</summary>
public readonly record struct ValueRange(ulong Begin, ulong End)
{
    public override string ToString() => $"{Begin}-{End}";
}
