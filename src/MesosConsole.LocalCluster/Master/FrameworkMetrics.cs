namespace MesosConsole.LocalCluster.Master;

/// <summary>
/// The per-framework counters a Mesos master publishes under <c>master/frameworks/&lt;name&gt;/&lt;id&gt;/…</c>
/// in <c>/metrics/snapshot</c> — the offers a framework was sent and what it did with them, and the roles
/// it suppressed — so a console that can only read metrics (as on a real cluster) sees the same here.
/// Guarded by the master's lock.
/// </summary>
internal sealed class FrameworkMetrics
{
    public long OffersSent { get; set; }

    public long OffersAccepted { get; set; }

    public long OffersDeclined { get; set; }

    public long OffersRescinded { get; set; }

    /// <summary>OFFERS events (one may carry several offers).</summary>
    public long OfferEvents { get; set; }

    public HashSet<string> SuppressedRoles { get; } = new(StringComparer.Ordinal);
}
