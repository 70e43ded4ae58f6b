using System.Globalization;
using System.Text.RegularExpressions;

namespace MesosConsole.Provisioning.Ansible;

/// <summary>
/// Reads the default (plain, uncoloured) output of ansible-playbook line by line: <c>PLAY [..]</c>,
/// <c>TASK [..]</c> and <c>RUNNING HANDLER [..]</c> headers, <c>ok:/changed:/skipping:/failed:/fatal: [host]</c>
/// results, and the rows after <c>PLAY RECAP</c>. Stateful only for "are we in the recap".
/// </summary>
public sealed partial class AnsibleOutputParser
{
    private bool _inRecap;

    public AnsibleOutputLine Parse(string text)
    {
        var line = text.TrimEnd('\r');
        if (RecapHeaderPattern().IsMatch(line))
        {
            _inRecap = true;
            return new(line, AnsibleLineKind.RecapHeader);
        }

        if (HeaderPattern().Match(line) is { Success: true } header)
        {
            _inRecap = false;
            var kind = header.Groups["kind"].Value == "PLAY" ? AnsibleLineKind.Play : AnsibleLineKind.Task;
            return new(line, kind, Name: header.Groups["name"].Value);
        }

        if (ResultPattern().Match(line) is { Success: true } result)
        {
            var status = result.Groups["status"].Value switch
            {
                "ok" => HostStatus.Ok,
                "changed" => HostStatus.Changed,
                "skipping" => HostStatus.Skipping,
                "failed" => HostStatus.Failed,
                _ when line.Contains("UNREACHABLE!", StringComparison.Ordinal) => HostStatus.Unreachable,
                _ => HostStatus.Fatal,
            };
            // "[web1 -> localhost]" is a delegated task: the result belongs to web1.
            var host = result.Groups["host"].Value.Split(" -> ", 2)[0];
            return new(line, AnsibleLineKind.HostResult, Host: host, Status: status);
        }

        if (_inRecap && RecapPattern().Match(line) is { Success: true } row)
        {
            return new(line, AnsibleLineKind.Recap, Host: row.Groups["host"].Value, Recap: new RecapEntry(
                row.Groups["host"].Value, Count(row, "ok"), Count(row, "changed"), Count(row, "unreachable"), Count(row, "failed"),
                Count(row, "skipped"), Count(row, "rescued"), Count(row, "ignored")));
        }

        return new(line, AnsibleLineKind.Other);
    }

    private static int Count(Match match, string group) =>
        match.Groups[group].Success ? int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"^PLAY RECAP \*")]
    private static partial Regex RecapHeaderPattern();

    [GeneratedRegex(@"^(?<kind>PLAY|TASK|RUNNING HANDLER) \[(?<name>.*)\] \*+\s*$")]
    private static partial Regex HeaderPattern();

    [GeneratedRegex(@"^(?<status>ok|changed|skipping|failed|fatal): \[(?<host>[^\]]+)\]")]
    private static partial Regex ResultPattern();

    [GeneratedRegex(@"^(?<host>\S+)\s+:\s+ok=(?<ok>\d+)\s+changed=(?<changed>\d+)\s+unreachable=(?<unreachable>\d+)\s+failed=(?<failed>\d+)(?:\s+skipped=(?<skipped>\d+))?(?:\s+rescued=(?<rescued>\d+))?(?:\s+ignored=(?<ignored>\d+))?")]
    private static partial Regex RecapPattern();
}
