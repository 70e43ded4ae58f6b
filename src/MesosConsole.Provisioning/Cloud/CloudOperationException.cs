namespace MesosConsole.Provisioning.Cloud;

/// <summary>
/// A cloud refused or failed a call. <see cref="Exception.Message"/> is written for the person at the
/// console (what happened and what to do); <see cref="Code"/> is the cloud's own error code.
/// </summary>
public sealed class CloudOperationException : Exception
{
    public CloudOperationException(string message, string code, Exception? innerException = null)
        : base(message, innerException) => Code = code;

    public CloudOperationException()
        : this("The cloud call failed.", "Unknown")
    {
    }

    public CloudOperationException(string message)
        : this(message, "Unknown")
    {
    }

    public CloudOperationException(string message, Exception innerException)
        : this(message, "Unknown", innerException)
    {
    }

    public string Code { get; }
}
