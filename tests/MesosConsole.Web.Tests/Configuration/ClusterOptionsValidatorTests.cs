using MesosConsole.Web.Configuration;

namespace MesosConsole.Web.Tests.Configuration;

public sealed class ClusterOptionsValidatorTests
{
    private readonly ClusterOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_AreValidEmbeddedMode()
    {
        var options = new ClusterOptions();

        Assert.True(_validator.Validate(null, options).Succeeded);
        Assert.True(options.TryGetMode(out var mode));
        Assert.Equal(ClusterMode.Embedded, mode);
    }

    [Theory]
    [InlineData("Remote")]
    [InlineData("remote")]
    [InlineData(" REMOTE ")]
    public void Validate_RemoteWithMasterUrls_Succeeds(string mode)
    {
        var options = new ClusterOptions { Mode = mode, MasterUrls = ["http://10.0.0.5:5050", "https://m2.example:5050/"] };

        Assert.True(_validator.Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("Embeded")]
    [InlineData("1")]
    [InlineData("")]
    public void Validate_UnknownMode_NamesTheModesThatExist(string mode)
    {
        var result = _validator.Validate(null, new ClusterOptions { Mode = mode });

        Assert.Equal([$"Cluster:Mode must be Embedded or Remote (got '{mode}')."], result.Failures);
    }

    [Fact]
    public void Validate_RemoteWithoutMasterUrls_AsksForOne()
    {
        var result = _validator.Validate(null, new ClusterOptions { Mode = "Remote" });

        Assert.Equal(["Cluster:MasterUrls must list at least one master URL (such as http://10.0.0.5:5050) when Cluster:Mode is Remote."],
            result.Failures);
    }

    [Theory]
    [InlineData("10.0.0.5:5050")]
    [InlineData("zk://zk1:2181/mesos")]
    [InlineData("/master")]
    [InlineData("")]
    public void Validate_MasterUrlThatIsNotHttp_IsRefusedByPosition(string url)
    {
        var result = _validator.Validate(null, new ClusterOptions { Mode = "Remote", MasterUrls = ["http://ok:5050", url] });

        Assert.Equal([$"Cluster:MasterUrls:1 must be an absolute http or https URL such as http://10.0.0.5:5050 (got '{url}')."],
            result.Failures);
    }

    [Fact]
    public void Validate_SeveralProblems_ListsEveryOneAtOnce()
    {
        var result = _validator.Validate(null, new ClusterOptions { Mode = "Remot", MasterUrls = ["nope", "ftp://m2"] });

        Assert.Equal(3, result.Failures!.Count());
        Assert.Contains(result.Failures!, f => f.StartsWith("Cluster:Mode ", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Cluster:MasterUrls:0 ", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Cluster:MasterUrls:1 ", StringComparison.Ordinal));
    }
}
