namespace MesosConsole.Mesos.V1;

// Mesos wraps every identifier in a message with a single `value` field ({"value":"..."}).
// One record per id kind keeps call sites honest about which id they hold.

public sealed record FrameworkID(string Value)
{
    public override string ToString() => Value;
}

public sealed record AgentID(string Value)
{
    public override string ToString() => Value;
}

public sealed record OfferID(string Value)
{
    public override string ToString() => Value;
}

public sealed record TaskID(string Value)
{
    public override string ToString() => Value;
}

public sealed record ExecutorID(string Value)
{
    public override string ToString() => Value;
}

public sealed record ContainerID(string Value)
{
    public override string ToString() => Value;
}
