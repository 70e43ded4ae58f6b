using System.ComponentModel.DataAnnotations;
using MesosConsole.Data.Clusters;

namespace MesosConsole.Web.Components.Pages.Clusters;

/// <summary>The "add a remote cluster" form, with the checks a form can make before asking the catalog.</summary>
public sealed class NewClusterForm : IValidatableObject
{
    [Required(ErrorMessage = "Give the cluster a name.")]
    [StringLength(ClusterEntry.NameMaxLength, ErrorMessage = "A cluster name has at most {1} characters.")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Give at least one master URL, e.g. http://10.0.0.5:5050.")]
    public string Masters { get; set; } = "";

    /// <summary>One URL per line (commas also accepted); blank lines ignored.</summary>
    public IReadOnlyList<Uri> MasterUrls() => [.. Lines().Select(line => new Uri(line))];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var line in Lines())
        {
            if (!Uri.TryCreate(line, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                yield return new ValidationResult($"\"{line}\" is not an http:// or https:// URL, e.g. http://10.0.0.5:5050.", [nameof(Masters)]);
            }
        }
    }

    public void Clear()
    {
        Name = "";
        Masters = "";
    }

    private IEnumerable<string> Lines() =>
        Masters.Split(['\n', '\r', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
