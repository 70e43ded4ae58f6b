namespace MesosConsole.LocalCluster.Master;

/// <summary>A synchronous answer to an API call: success, or the HTTP status and plain-text reason Mesos gives.</summary>
internal readonly record struct CallOutcome(int StatusCode, string? Message)
{
    public static CallOutcome Accepted { get; } = new(202, null);
    public static CallOutcome Ok { get; } = new(200, null);

    public bool IsError => StatusCode >= 400;

    public static CallOutcome BadRequest(string message) => new(400, message);
    public static CallOutcome Forbidden(string message) => new(403, message);
}
