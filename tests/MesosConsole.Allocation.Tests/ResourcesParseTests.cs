namespace MesosConsole.Allocation.Tests;

public class ResourcesParseTests
{
    [Fact]
    public void Parse_AgentResourcesFlag_ReadsScalarsAndRanges()
    {
        var resources = Resources.Parse("cpus:4;mem:4096;disk:20000;ports:[31000-32000]");

        Assert.Equal(4, resources.Scalar("cpus"));
        Assert.Equal(4096, resources.Scalar("mem"));
        Assert.Equal(20000, resources.Scalar("disk"));
        Assert.Equal([new ValueRange(31000, 32000)], resources.Ranges["ports"]);
    }

    [Fact]
    public void Parse_Set_ReadsItems()
    {
        var resources = Resources.Parse("disks:{ssd1, ssd2,hdd}");

        Assert.True(resources.Sets["disks"].SetEquals(["hdd", "ssd1", "ssd2"]));
    }

    [Fact]
    public void Parse_RangeList_IsSortedAndMerged()
    {
        var resources = Resources.Parse("ports:[10-20, 1-5, 6-8, 15-30]");

        Assert.Equal([new ValueRange(1, 8), new ValueRange(10, 30)], resources.Ranges["ports"]);
    }

    [Fact]
    public void Parse_RoleSuffix_IsAcceptedAndIgnored()
    {
        var resources = Resources.Parse("cpus(*):1;cpus(ops):2;mem(ops):512");

        Assert.Equal(Resources.Parse("cpus:3;mem:512"), resources);
    }

    [Fact]
    public void Parse_WhitespaceAndTrailingSemicolon_AreTolerated()
    {
        var resources = Resources.Parse("  cpus : 2 ;\tmem:1024 ; ports: [ 1-2 , 4-5 ] ; ");

        Assert.Equal("cpus:2; mem:1024; ports:[1-2,4-5]", resources.ToString());
    }

    [Fact]
    public void Parse_RepeatedName_AddsUp()
    {
        Assert.Equal(3.5, Resources.Parse("cpus:1;cpus:2.5").Scalar("cpus"));
    }

    [Fact]
    public void Parse_DecimalsBelowResolution_RoundToThousandths()
    {
        Assert.Equal(0.123, Resources.Parse("cpus:0.1234").Scalar("cpus"));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ; ")]
    [InlineData("cpus:0")]
    [InlineData("ports:[]")]
    [InlineData("disks:{}")]
    public void Parse_NothingOrZero_IsEmpty(string text)
    {
        Assert.True(Resources.Parse(text).IsEmpty);
    }

    [Theory]
    [InlineData("cpus4", "Resource 'cpus4' has no ':' between name and value")]
    [InlineData("cpus:2;mem", "Resource 'mem' has no ':'")]
    [InlineData(":4", "Resource ':4' has no name")]
    [InlineData("cp us:4", "Resource 'cp us:4' has an invalid name 'cp us'")]
    [InlineData("cpus:", "Resource 'cpus:' has no value after ':'")]
    [InlineData("cpus:abc", "Resource 'cpus:abc' has value 'abc', which is not a number")]
    [InlineData("cpus:NaN", "Resource 'cpus:NaN' has value 'NaN', which is not a number")]
    [InlineData("cpus:-1", "Resource 'cpus:-1' has a negative amount '-1'")]
    [InlineData("mem:1e20", "Resource 'mem:1e20' has an amount '1e20' larger than")]
    [InlineData("ports:[1-5", "Resource 'ports:[1-5' has a range list whose '[' is not closed with ']'")]
    [InlineData("ports:[5-1]", "Resource 'ports:[5-1]' has range '5-1', which ends before it begins")]
    [InlineData("ports:[a-b]", "Resource 'ports:[a-b]' has range 'a-b', which is not 'begin-end'")]
    [InlineData("ports:[80]", "Resource 'ports:[80]' has range '80', which is not 'begin-end'")]
    [InlineData("ports:[1-2,,4-5]", "Resource 'ports:[1-2,,4-5]' has range '', which is not 'begin-end'")]
    [InlineData("ports:[-1-5]", "Resource 'ports:[-1-5]' has range '-1-5', which is not 'begin-end'")]
    [InlineData("disks:{a,b", "Resource 'disks:{a,b' has a set whose '{' is not closed with '}'")]
    [InlineData("disks:{a,,b}", "Resource 'disks:{a,,b}' has an empty item in its set")]
    [InlineData("cpus(ops:1", "Resource 'cpus(ops:1' has a role that is not closed with ')'")]
    [InlineData("cpus():1", "Resource 'cpus():1' has an invalid role '()'")]
    [InlineData("cpus):1", "Resource 'cpus):1' has a ')' without a matching '('")]
    [InlineData("ports:[1-5];ports:3", "Resource 'ports:3' is a scalar but 'ports' was already given as a range")]
    [InlineData("gpus:1;gpus:{a}", "Resource 'gpus:{a}' is a set but 'gpus' was already given as a scalar")]
    public void Parse_InvalidText_ThrowsFormatExceptionNamingTheItem(string text, string expectedMessageStart)
    {
        var error = Assert.Throws<FormatException>(() => Resources.Parse(text));

        Assert.StartsWith(expectedMessageStart, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_InvalidText_ReturnsFalseWithTheSameMessage()
    {
        var parsed = Resources.TryParse("cpus:2;mem:lots", out var resources, out var error);

        Assert.False(parsed);
        Assert.Null(resources);
        Assert.StartsWith("Resource 'mem:lots' has value 'lots'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_ValidText_ReturnsResourcesAndNoError()
    {
        var parsed = Resources.TryParse("cpus:2", out var resources, out var error);

        Assert.True(parsed);
        Assert.Null(error);
        Assert.Equal(2, resources!.Scalar("cpus"));
    }

    [Fact]
    public void ToString_MixedKinds_UsesMesosStyleInReadingOrder()
    {
        var resources = Resources.Parse("zeta:{b,a};ports:[31000-32000];disk:20000;mem:4096;cpus:4;bandwidth:100;gpus:1");

        Assert.Equal("cpus:4; gpus:1; mem:4096; disk:20000; bandwidth:100; ports:[31000-32000]; zeta:{a,b}", resources.ToString());
    }

    [Fact]
    public void ToString_Fractions_KeepThreeDecimalsAtMost()
    {
        Assert.Equal("cpus:0.3; mem:0.001", (Resources.Parse("cpus:0.1;mem:0.001") + Resources.Parse("cpus:0.2")).ToString());
    }
}
