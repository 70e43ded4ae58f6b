namespace MesosConsole.Allocation;

public sealed partial class Resources
{
    /// <summary>
    /// Reads the Mesos <c>--resources</c> syntax, e.g. <c>cpus:4;mem:4096;disk:20000;ports:[31000-32000]</c>,
    /// also <c>name(role):value</c> (the role is ignored) and sets <c>{a,b}</c>.
    /// </summary>
    /// <exception cref="FormatException">The text is not valid; the message names the bad item.</exception>
    public static Resources Parse(string text) =>
        TryParse(text, out var resources, out var error) ? resources! : throw new FormatException(error);

    public static bool TryParse(string text, out Resources? resources, out string? error) =>
        ResourcesParser.TryParse(text, out resources, out error);
}
