namespace MesosConsole.Web.Sandbox;

public enum FilesApiFailure
{
    /// <summary>The agent answered 404: no such file or directory is attached there.</summary>
    NotFound,

    /// <summary>No answer: refused, reset or timed out.</summary>
    Unreachable,

    /// <summary>Any other non-success answer (400, 403, 5xx), or one we could not read.</summary>
    Rejected,
}

/// <summary>A files API call that did not work, with a message fit to show as it is.</summary>
public sealed class FilesApiException(FilesApiFailure failure, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    public FilesApiFailure Failure => failure;
}
