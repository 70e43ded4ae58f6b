using MesosConsole.Provisioning.Cloud;
using MesosConsole.Provisioning.Tests.Support;

namespace MesosConsole.Provisioning.Tests.Cloud;

public sealed class LaunchPlanValidatorTests
{
    [Fact]
    public void Validate_ValidPlans_NoErrors()
    {
        Assert.Empty(LaunchPlanValidator.Validate(CloudPlans.Ec2()));
        Assert.Empty(LaunchPlanValidator.Validate(CloudPlans.OpenStack()));
    }

    [Theory]
    [InlineData("", "Give the network allowed in as an IPv4 CIDR")]
    [InlineData("203.0.113.0", "Give the network allowed in as an IPv4 CIDR")]
    [InlineData("203.0.113.7/24", "has host bits set: did you mean 203.0.113.0/24?")]
    [InlineData("203.0.113.0/33", "is not a CIDR")]
    [InlineData("nonsense/8", "is not a CIDR")]
    [InlineData("0.0.0.0/0", "to the whole internet")]
    [InlineData("2001:db8::/32", "IPv4")]
    public void Validate_BadCidr_SaysWhatToTypeInstead(string cidr, string expected)
    {
        var plan = CloudPlans.Ec2();
        plan.AllowedCidr = cidr;

        var error = Assert.Single(LaunchPlanValidator.Validate(plan));

        Assert.Equal(nameof(LaunchPlan.AllowedCidr), error.Field);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(LaunchPlan.MasterCount), 0, "between 1 and 7")]
    [InlineData(nameof(LaunchPlan.MasterCount), 4, "odd number of masters")]
    [InlineData(nameof(LaunchPlan.AgentCount), 0, "between 1 and 100")]
    public void Validate_BadCounts_Explained(string field, int count, string expected)
    {
        var plan = CloudPlans.Ec2();
        typeof(LaunchPlan).GetProperty(field)!.SetValue(plan, count);

        var error = Assert.Single(LaunchPlanValidator.Validate(plan));

        Assert.Equal(field, error.Field);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("Teaching")]
    [InlineData("lab_1")]
    [InlineData("lab-")]
    [InlineData("1lab")]
    public void Validate_BadClusterName_Explained(string name)
    {
        var plan = CloudPlans.Ec2();
        plan.ClusterName = name;

        Assert.Equal(nameof(LaunchPlan.ClusterName), Assert.Single(LaunchPlanValidator.Validate(plan)).Field);
    }

    [Theory]
    [InlineData("useast1")]
    [InlineData("US-EAST-1")]
    [InlineData("us-east")]
    public void Validate_BadEc2Region_Explained(string region)
    {
        var plan = CloudPlans.Ec2();
        plan.Region = region;

        Assert.Contains("EC2 region code", Assert.Single(LaunchPlanValidator.Validate(plan)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ReservedTag_Refused()
    {
        var plan = CloudPlans.Ec2();
        plan.Tags["aws:cloudformation"] = "x";

        Assert.Contains("reserved", Assert.Single(LaunchPlanValidator.Validate(plan)).Message, StringComparison.Ordinal);
    }
}
