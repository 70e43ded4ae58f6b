using Microsoft.Extensions.Options;

namespace MesosConsole.Web.Configuration;

/// <summary>Checks the <c>Cluster</c> section and reports every problem at once, so one start-up shows them all.</summary>
public sealed class ClusterOptionsValidator : IValidateOptions<ClusterOptions>
{
    private const string S = ClusterOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, ClusterOptions options)
    {
        var errors = Check(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public static List<string> Check(ClusterOptions options)
    {
        var errors = new List<string>();
        var modeKnown = options.TryGetMode(out var mode);
        if (!modeKnown)
        {
            errors.Add($"{S}:Mode must be {nameof(ClusterMode.Embedded)} or {nameof(ClusterMode.Remote)} (got '{options.Mode}').");
        }

        if (modeKnown && mode == ClusterMode.Remote && options.MasterUrls.Count == 0)
        {
            errors.Add($"{S}:MasterUrls must list at least one master URL (such as http://10.0.0.5:5050) when {S}:Mode is Remote.");
        }

        for (var i = 0; i < options.MasterUrls.Count; i++)
        {
            if (!IsMasterUrl(options.MasterUrls[i]))
            {
                errors.Add($"{S}:MasterUrls:{i} must be an absolute http or https URL such as http://10.0.0.5:5050 (got '{options.MasterUrls[i]}').");
            }
        }

        return errors;
    }

    private static bool IsMasterUrl(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" && url.Host.Length > 0;
}
