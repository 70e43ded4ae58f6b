using System.Text.RegularExpressions;

namespace MesosConsole.Provisioning.Ansible;

/// <summary>
/// Where one component's packages come from: an apt repository line or .deb URLs, named by the admin.
/// Mesos, Marathon, Chronos and Aurora are no longer published for current Debian/Ubuntu and the old
/// repositories are gone, so there is no default.
/// </summary>
public sealed partial class PackageSource(string component, bool enabled = true)
{
    /// <summary>The variable prefix in ansible/group_vars/all.yml (<c>mesos</c>, <c>marathon</c>, ...).</summary>
    public string Component { get; } = component;

    public bool Enabled { get; set; } = enabled;

    /// <summary>An apt sources line, e.g. <c>deb [signed-by=/etc/apt/keyrings/mesos.asc] https://mirror.example.org/mesos bookworm main</c>.</summary>
    public string AptRepository { get; set; } = "";

    public string AptKeyUrl { get; set; } = "";

    /// <summary>URLs of .deb files, one per line (used when no repository is given).</summary>
    public string PackageUrls { get; set; } = "";

    public string Version { get; set; } = "";

    public IReadOnlyList<string> PackageUrlList() =>
        PackageUrls.Split(['\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public IEnumerable<FieldError> Validate(string displayName, string fieldPrefix)
    {
        if (!Enabled)
        {
            yield break;
        }

        var repository = AptRepository.Trim();
        var urls = PackageUrlList();
        if (repository.Length == 0 && urls.Count == 0)
        {
            yield return new($"{fieldPrefix}.AptRepository",
                $"{displayName} is no longer published for current Debian/Ubuntu: give an apt repository line that carries it, or URLs of its .deb files.");
        }

        if (repository.Length > 0 && (!repository.StartsWith("deb ", StringComparison.Ordinal) || repository.Contains('\n')))
        {
            yield return new($"{fieldPrefix}.AptRepository", "An apt repository line starts with \"deb \", e.g. deb https://mirror.example.org/mesos bookworm main.");
        }

        if (AptKeyUrl.Trim().Length > 0 && !IsHttpUrl(AptKeyUrl.Trim()))
        {
            yield return new($"{fieldPrefix}.AptKeyUrl", $"\"{AptKeyUrl.Trim()}\" is not an http:// or https:// URL.");
        }

        foreach (var url in urls.Where(u => !IsHttpUrl(u) || !u.EndsWith(".deb", StringComparison.OrdinalIgnoreCase)))
        {
            yield return new($"{fieldPrefix}.PackageUrls", $"\"{url}\" is not an http(s) URL of a .deb file.");
        }

        if (!VersionPattern().IsMatch(Version.Trim()))
        {
            yield return new($"{fieldPrefix}.Version", $"\"{Version.Trim()}\" is not a Debian package version (digits, letters, '.', '+', '~', '-', ':').");
        }
    }

    /// <summary>The role variables for this component, as group_vars/all.yml names them.</summary>
    public void AddVariables(IDictionary<string, object> variables, bool canBeDisabled)
    {
        if (canBeDisabled)
        {
            variables[$"{Component}_enabled"] = Enabled;
        }

        variables[$"{Component}_apt_repository"] = AptRepository.Trim();
        variables[$"{Component}_apt_key_url"] = AptKeyUrl.Trim();
        variables[$"{Component}_package_urls"] = AptRepository.Trim().Length > 0 ? [] : PackageUrlList();
        variables[$"{Component}_version"] = Version.Trim();
    }

    private static bool IsHttpUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);

    [GeneratedRegex(@"^([0-9][A-Za-z0-9.+~:-]*)?$")]
    private static partial Regex VersionPattern();
}
