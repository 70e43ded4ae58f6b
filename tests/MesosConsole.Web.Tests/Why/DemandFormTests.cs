using MesosConsole.Web.Offers;

namespace MesosConsole.Web.Tests.Why;

/// <summary>The why page's demand form: one clear message per bad field, and nothing typed is lost.</summary>
public sealed class DemandFormTests
{
    [Fact]
    public void Validate_Defaults_AreValid()
    {
        var form = new DemandForm();

        Assert.Empty(form.Validate());
        Assert.Equal(new ResourceDemand(1, 128, 0, 0, 0, null), form.ToDemand());
    }

    [Theory]
    [InlineData("abc", "Enter cpus as a number, e.g. 0.5.")]
    [InlineData("-1", "Cpus cannot be negative.")]
    [InlineData("NaN", "Enter cpus as a number, e.g. 0.5.")]
    public void Validate_BadCpus_SaysWhatIsWrong(string cpus, string message)
    {
        var form = new DemandForm { Cpus = cpus };

        Assert.Equal(message, form.Validate()["Cpus"]);
        Assert.Null(form.ToDemand());
        Assert.Equal(cpus, form.Cpus); // what was typed stays
    }

    [Fact]
    public void Validate_NeitherCpusNorMem_AsksForSome()
    {
        var form = new DemandForm { Cpus = "0", Mem = "0" };

        Assert.Equal("A task needs some cpus or memory: give cpus or mem above 0.", form.Validate()["Cpus"]);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("-2")]
    [InlineData("70000")]
    public void Validate_BadPorts_AreAWholeNumberInRange(string ports)
    {
        Assert.Equal("Ports must be a whole number from 0 to 65535.", new DemandForm { Ports = ports }.Validate()["Ports"]);
    }

    [Theory]
    [InlineData("..")]
    [InlineData("-science")]
    [InlineData("my role")]
    [InlineData("science/")]
    public void Validate_BadRole_FollowsMesosRoleRules(string role)
    {
        Assert.StartsWith("A role may not be", new DemandForm { Role = role }.Validate()["Role"]);
    }

    [Fact]
    public void ToDemand_Role_IsTrimmedAndBlankMeansTheFrameworks()
    {
        Assert.Equal("science/physics", new DemandForm { Role = " science/physics " }.ToDemand()!.Role);
        Assert.Null(new DemandForm { Role = "  " }.ToDemand()!.Role);
    }

    [Fact]
    public void Validate_SeveralBadFields_ReportsEachOfThem()
    {
        var errors = new DemandForm { Cpus = "x", Mem = "-5", Disk = "y" }.Validate();

        Assert.Equal(["Cpus", "Disk", "Mem"], errors.Keys.Order());
    }
}
