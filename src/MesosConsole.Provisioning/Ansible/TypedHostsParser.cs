namespace MesosConsole.Provisioning.Ansible;

/// <summary>
/// Reads hosts typed into the deploy wizard, one per line: an address, then its groups separated by
/// commas or spaces (<c>10.0.0.5 zookeeper,masters,schedulers</c>). Blank lines and <c>#</c> comments
/// are skipped; every mistake is reported with its line number.
/// </summary>
public static class TypedHostsParser
{
    public static (IReadOnlyList<DeploymentHost> Hosts, IReadOnlyList<string> Errors) Parse(string? text)
    {
        var hosts = new List<DeploymentHost>();
        var errors = new List<string>();
        var lines = (text ?? "").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var words = line.Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries);
            var lineNumber = i + 1;
            if (HostAddress.Validate(words[0]) is { } addressError)
            {
                errors.Add($"Line {lineNumber}: {addressError}");
                continue;
            }

            var groups = new List<DeploymentGroup>();
            foreach (var word in words.Skip(1))
            {
                if (DeploymentGroups.TryParse(word, out var group))
                {
                    if (!groups.Contains(group))
                    {
                        groups.Add(group);
                    }
                }
                else
                {
                    errors.Add($"Line {lineNumber}: \"{word}\" is not a group; use {string.Join(", ", DeploymentGroups.All.Select(g => g.InventoryName()))}.");
                }
            }

            if (words.Length == 1)
            {
                errors.Add($"Line {lineNumber}: say which groups {words[0]} is in, e.g. \"{words[0]} masters,zookeeper\".");
            }
            else if (hosts.Any(h => string.Equals(h.Address, words[0], StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add($"Line {lineNumber}: {words[0]} is listed twice; put all its groups on one line.");
            }
            else if (groups.Count > 0)
            {
                hosts.Add(new DeploymentHost(words[0], groups));
            }
        }

        return (hosts, errors);
    }
}
