namespace MesosConsole.Allocation;

// Placeholder so dependants compile; the allocation work replaces this file.
public sealed class Resources
{
    public static bool TryParse(string text, out Resources? resources, out string? error)
    {
        resources = new Resources();
        error = null;
        return true;
    }

    public double Scalar(string name) => 1;
}
