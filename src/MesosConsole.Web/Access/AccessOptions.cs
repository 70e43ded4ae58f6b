namespace MesosConsole.Web.Access;

/// <summary>Who may use the console: its pages, its hub and its download endpoints alike.</summary>
public enum AccessMode
{
    /// <summary>Anyone who can reach the console's address (by default it listens on loopback only).</summary>
    Open,

    /// <summary>
    /// Only holders of <see cref="AccessOptions.Token"/>: a browser signs in once at <c>/signin</c> and
    /// keeps a cookie; other clients (the SignalR hub, scripts) send it as a bearer token or as the
    /// <c>access_token</c> query parameter SignalR's JavaScript client uses for WebSockets.
    /// </summary>
    Token,
}

/// <summary>The <c>Access</c> section.</summary>
public sealed class AccessOptions
{
    public const string SectionName = "Access";

    /// <summary>A shorter token is refused at start-up: it would be guessable.</summary>
    public const int MinimumTokenLength = 16;

    public string Mode { get; set; } = nameof(AccessMode.Open);

    /// <summary>The shared secret of <see cref="AccessMode.Token"/>. Never logged or shown.</summary>
    public string? Token { get; set; }

    public bool TryGetMode(out AccessMode mode) => Enum.TryParse(Mode, ignoreCase: true, out mode) && Enum.IsDefined(mode);
}
