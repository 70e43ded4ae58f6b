using MesosConsole.Mesos.Client;

namespace MesosConsole.Mesos.Tests.Client;

public sealed class MasterUrlsTests
{
    [Theory]
    [InlineData("http://m1:5050", "http://m1:5050/")]
    [InlineData("http://m1:5050/", "http://m1:5050/")]
    [InlineData("https://proxy/mesos", "https://proxy/mesos/")]
    [InlineData("http://m1:5050/?x=1", "http://m1:5050/")]
    public void Normalize_EndsTheBaseUrlWithASlash(string configured, string expected)
    {
        Assert.Equal(new Uri(expected), MasterUrls.Normalize(new Uri(configured)));
    }

    [Theory]
    [InlineData("ftp://m1:5050")]
    [InlineData("zk://zk1:2181/mesos")]
    public void Normalize_NonHttpUrl_IsRefused(string configured)
    {
        Assert.Throws<ArgumentException>(() => MasterUrls.Normalize(new Uri(configured)));
    }

    [Theory]
    [InlineData("//10.0.0.7:5050", "http://10.0.0.7:5050/")]
    [InlineData("//leader.example:5050/api/v1/scheduler", "http://leader.example:5050/")]
    [InlineData("http://leader.example:5050/master/state", "http://leader.example:5050/")]
    public void FromLocation_KeepsOnlyHostAndPort(string location, string expected)
    {
        Assert.Equal(new Uri(expected), MasterUrls.FromLocation(new Uri("http://m1:5050/"), location));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("10.0.0.7:5050")]
    [InlineData("/master/redirect")]
    public void FromLocation_NoHostInside_ReturnsNull(string? location)
    {
        Assert.Null(MasterUrls.FromLocation(new Uri("http://m1:5050/"), location));
    }
}
