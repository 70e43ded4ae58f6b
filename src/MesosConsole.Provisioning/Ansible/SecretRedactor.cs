namespace MesosConsole.Provisioning.Ansible;

/// <summary>Replaces every secret value in a line by <c>***</c> before the line is shown, logged or stored.</summary>
public sealed class SecretRedactor(IEnumerable<string> secrets)
{
    public const string Mask = "***";

    // Longest first, so a secret that contains another is masked whole.
    private readonly string[] _secrets = [.. secrets.Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length)];

    public string Redact(string line)
    {
        foreach (var secret in _secrets)
        {
            line = line.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return line;
    }
}
