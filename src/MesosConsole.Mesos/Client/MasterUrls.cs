namespace MesosConsole.Mesos.Client;

/// <summary>The two shapes a master's address takes: a configured base URL, and a redirect's Location.</summary>
public static class MasterUrls
{
    /// <summary>
    /// An absolute http(s) base URL ending in '/', so that relative paths such as <c>api/v1</c> land
    /// under it (and under a path prefix, should a proxy add one).
    /// </summary>
    public static Uri Normalize(Uri masterUrl)
    {
        if (!masterUrl.IsAbsoluteUri || masterUrl.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"A master URL must be an absolute http or https URL (got '{masterUrl}').",
                nameof(masterUrl));
        }

        var text = masterUrl.GetLeftPart(UriPartial.Path);
        return new Uri(text.EndsWith('/') ? text : text + "/");
    }

    /// <summary>
    /// The leader's base URL from a <c>/master/redirect</c> answer. Mesos writes the Location
    /// protocol-relative (<c>//host:port</c>); the scheme is the one the question was asked with.
    /// </summary>
    public static Uri? FromLocation(Uri askedMaster, string? location)
    {
        if (string.IsNullOrWhiteSpace(location))
        {
            return null;
        }

        var text = location.Trim();
        if (text.StartsWith("//", StringComparison.Ordinal))
        {
            text = askedMaster.Scheme + ":" + text;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https")
            || string.IsNullOrEmpty(url.Host))
        {
            return null;
        }

        // Only host and port name the leader; any path in Location is the original request's.
        return new Uri(url.GetLeftPart(UriPartial.Authority) + "/");
    }
}
