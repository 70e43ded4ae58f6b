namespace MesosConsole.Allocation;

/// <summary>How long a refusal filter lasts, by the rules of Mesos' <c>Filters.refuse_seconds</c>.</summary>
public static class RefusalFilterDuration
{
    /// <summary>The protobuf default of <c>refuse_seconds</c>, also used for values that make no sense.</summary>
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(5);

    public static readonly TimeSpan Maximum = TimeSpan.FromDays(365);

    /// <summary>
    /// Converts a wire <c>refuse_seconds</c> to the <c>refuseFor</c> that
    /// <see cref="HierarchicalAllocator.RecoverResources"/> takes. Null means the field was absent, which
    /// Mesos reads as its default of 5 s; NaN or negative also give 5 s; too large is capped at 365 days;
    /// exactly 0 stays 0, meaning "no filter".
    /// </summary>
    public static TimeSpan FromRefuseSeconds(double? refuseSeconds) => refuseSeconds switch
    {
        null => Default,
        double.NaN or < 0 => Default,
        > 0 when refuseSeconds.Value >= Maximum.TotalSeconds => Maximum,
        _ => TimeSpan.FromSeconds(refuseSeconds.Value),
    };

    /// <summary>
    /// The lifetime of the filter to install, or null for none: null or zero installs none, negative
    /// means 5 s, longer than 365 days is capped, and a filter never lasts less than one allocation
    /// interval (otherwise it could expire before any cycle had respected it).
    /// </summary>
    public static TimeSpan? Effective(TimeSpan? refuseFor, TimeSpan allocationInterval)
    {
        if (refuseFor is not { } requested || requested == TimeSpan.Zero)
        {
            return null;
        }

        var duration = requested < TimeSpan.Zero ? Default : requested > Maximum ? Maximum : requested;
        return duration < allocationInterval ? allocationInterval : duration;
    }
}
