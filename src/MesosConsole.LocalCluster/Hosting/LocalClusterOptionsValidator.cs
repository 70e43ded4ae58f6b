using MesosConsole.Allocation;
using Microsoft.Extensions.Options;

namespace MesosConsole.LocalCluster.Hosting;

/// <summary>Checks every option and reports every problem at once, so one start-up shows them all.</summary>
public sealed class LocalClusterOptionsValidator : IValidateOptions<LocalClusterOptions>
{
    public ValidateOptionsResult Validate(string? name, LocalClusterOptions options)
    {
        var errors = Check(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public static List<string> Check(LocalClusterOptions o)
    {
        var errors = new List<string>();
        const string S = LocalClusterOptions.SectionName;
        if (string.IsNullOrWhiteSpace(o.Hostname))
        {
            errors.Add($"{S}:Hostname must not be empty.");
        }

        if (o.MasterPort is < 0 or > 65535)
        {
            errors.Add($"{S}:MasterPort must be between 0 and 65535 (got {o.MasterPort}).");
        }

        if (o.Agents is < 0 or > 1000)
        {
            errors.Add($"{S}:Agents must be between 0 and 1000 (got {o.Agents}).");
        }

        if (o.FirstAgentPort < 0 || (o.FirstAgentPort > 0 && o.FirstAgentPort + Math.Max(o.Agents, 1) - 1 > 65535))
        {
            errors.Add($"{S}:FirstAgentPort {o.FirstAgentPort} leaves no room for {o.Agents} agents below port 65536.");
        }

        if (o.MasterPort != 0 && o.FirstAgentPort != 0 && o.MasterPort >= o.FirstAgentPort && o.MasterPort < o.FirstAgentPort + o.Agents)
        {
            errors.Add($"{S}:MasterPort {o.MasterPort} collides with the agent ports {o.FirstAgentPort}-{o.FirstAgentPort + o.Agents - 1}.");
        }

        if (!Resources.TryParse(o.Resources, out var resources, out var error))
        {
            errors.Add($"{S}:Resources is not valid Mesos resources syntax: {error}");
        }
        else if (resources!.Scalar("cpus") <= 0 || resources.Scalar("mem") <= 0)
        {
            errors.Add($"{S}:Resources must give each agent some cpus and mem (got '{o.Resources}').");
        }

        try
        {
            AttributeParser.Parse(o.Attributes);
        }
        catch (FormatException ex)
        {
            errors.Add($"{S}:Attributes is not valid Mesos attributes syntax: {ex.Message}");
        }

        Positive(errors, o.AllocationIntervalSeconds, "AllocationIntervalSeconds");
        Positive(errors, o.HeartbeatIntervalSeconds, "HeartbeatIntervalSeconds");
        Positive(errors, o.StatusUpdateRetrySeconds, "StatusUpdateRetrySeconds");
        Positive(errors, o.AgentPingTimeoutSeconds, "AgentPingTimeoutSeconds");
        if (o.OfferTimeoutSeconds < 0)
        {
            errors.Add($"{S}:OfferTimeoutSeconds must be 0 (no timeout) or positive (got {o.OfferTimeoutSeconds}).");
        }

        if (o.KillGracePeriodSeconds < 0)
        {
            errors.Add($"{S}:KillGracePeriodSeconds must not be negative (got {o.KillGracePeriodSeconds}).");
        }

        if (o.OperatorHeartbeats is not ("always" or "protobufOnly" or "never"))
        {
            errors.Add($"{S}:OperatorHeartbeats must be always, protobufOnly or never (got '{o.OperatorHeartbeats}').");
        }

        return errors;

        static void Positive(List<string> errors, double value, string key)
        {
            if (!(value > 0) || double.IsInfinity(value))
            {
                errors.Add($"{S}:{key} must be a positive number of seconds (got {value}).");
            }
        }
    }
}
