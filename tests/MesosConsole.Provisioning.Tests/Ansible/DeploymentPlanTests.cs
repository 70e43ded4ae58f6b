using System.Text.Json;
using MesosConsole.Data.Provisioning;
using MesosConsole.Provisioning.Ansible;

namespace MesosConsole.Provisioning.Tests.Ansible;

public sealed class DeploymentPlanTests
{
    [Theory]
    [InlineData("10.0.0.5", null)]
    [InlineData("node-1.example.org", null)]
    [InlineData("fd00::5", null)]
    [InlineData("10.0.0.300", "is not a valid IP address")]
    [InlineData("x ansible_connection=local", "is not a host name or IP address")]
    [InlineData("-bad.example.org", "is not a host name or IP address")]
    [InlineData("", "Give a host name or IP address.")]
    public void HostAddress_Validate_AcceptsAddressesAndNamesOnly(string address, string? expected)
    {
        var error = HostAddress.Validate(address);

        if (expected is null)
        {
            Assert.Null(error);
        }
        else
        {
            Assert.Contains(expected, error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TypedHosts_Parse_ReportsEveryMistakeWithItsLine()
    {
        var (hosts, errors) = TypedHostsParser.Parse("10.0.0.5 masters,zookeeper\n# comment\n\n10.0.0.6 agents\nbad_host! agents\n10.0.0.7 workers\n10.0.0.8\n10.0.0.5 agents");

        Assert.Equal(["10.0.0.5", "10.0.0.6"], hosts.Select(h => h.Address));
        Assert.Equal([DeploymentGroup.Masters, DeploymentGroup.Zookeeper], hosts[0].Groups);
        Assert.Equal(4, errors.Count);
        Assert.StartsWith("Line 5: \"bad_host!\" is not a host name", errors[0], StringComparison.Ordinal);
        Assert.StartsWith("Line 6: \"workers\" is not a group; use zookeeper, masters, agents, schedulers.", errors[1], StringComparison.Ordinal);
        Assert.StartsWith("Line 7: say which groups 10.0.0.8 is in", errors[2], StringComparison.Ordinal);
        Assert.StartsWith("Line 8: 10.0.0.5 is listed twice", errors[3], StringComparison.Ordinal);
    }

    [Fact]
    public void ProvisionedHosts_From_MastersRunZooKeeperAndSchedulers()
    {
        var request = new ProvisioningRequest { ClusterName = "c", Region = "r" };
        request.Instances.Add(new ProvisionedInstance { CloudInstanceId = "i-1", Name = "c-master-1", Role = InstanceRole.Master, State = "running", PublicAddress = "203.0.113.5" });
        request.Instances.Add(new ProvisionedInstance { CloudInstanceId = "i-2", Name = "c-agent-1", Role = InstanceRole.Agent, State = "running", PrivateAddress = "10.0.0.6" });
        request.Instances.Add(new ProvisionedInstance { CloudInstanceId = "i-3", Name = "c-agent-2", Role = InstanceRole.Agent, State = "pending" });

        var (hosts, skipped) = ProvisionedHosts.From(request);

        Assert.Equal([("203.0.113.5", 3), ("10.0.0.6", 1)], hosts.Select(h => (h.Address, h.Groups.Count)));
        Assert.True(hosts[0].IsIn(DeploymentGroup.Schedulers));
        Assert.Equal("c-agent-2 has no address yet (state pending).", Assert.Single(skipped));
    }

    [Fact]
    public void Create_ValidHostsAndSettings_InventoryVariablesAndMasterUrls()
    {
        var (hosts, _) = TypedHostsParser.Parse("10.0.0.5 zookeeper,masters,schedulers\n10.0.0.6 agents");
        var settings = ValidSettings();
        settings.SshPrivateKeyFile = typeof(DeploymentPlanTests).Assembly.Location;

        var (plan, errors) = DeploymentPlan.Create(hosts, settings);

        Assert.Empty(errors);
        Assert.NotNull(plan);
        Assert.Equal("[zookeeper]\n10.0.0.5 ansible_host=10.0.0.5\n\n[masters]\n10.0.0.5 ansible_host=10.0.0.5\n\n[agents]\n10.0.0.6 ansible_host=10.0.0.6\n\n"
            + "[schedulers]\n10.0.0.5 ansible_host=10.0.0.5\n\n[all:vars]\nansible_user=debian\n", plan.Inventory);
        Assert.Equal([new Uri("http://10.0.0.5:5050")], plan.MasterUrls);
        using var variables = JsonDocument.Parse(plan.VariablesJson);
        Assert.Equal("deb https://mirror.example.org/mesos bookworm main", variables.RootElement.GetProperty("mesos_apt_repository").GetString());
        Assert.False(variables.RootElement.GetProperty("chronos_enabled").GetBoolean());
        Assert.Equal("https://mirror.example.org/marathon_1.11.deb", variables.RootElement.GetProperty("marathon_package_urls")[0].GetString());
        // The key file is passed on the command line only, and masked in output.
        Assert.DoesNotContain(settings.SshPrivateKeyFile, plan.Inventory + plan.VariablesJson, StringComparison.Ordinal);
        Assert.Equal([settings.SshPrivateKeyFile], plan.Secrets);
    }

    [Fact]
    public void Create_BadInput_EveryProblemNamedOnItsField()
    {
        var (hosts, _) = TypedHostsParser.Parse("10.0.0.6 agents");
        var settings = new DeploymentSettings { ClusterName = "bad name!", MasterPort = 70000, AgentPort = 2181, SshPrivateKeyFile = "/no/such/key" };
        settings.Marathon.AptRepository = "https://not-a-deb-line";

        var (plan, errors) = DeploymentPlan.Create(hosts, settings);

        Assert.Null(plan);
        var byField = errors.ToLookup(e => e.Field);
        Assert.Contains("starts with a letter or digit", Assert.Single(byField["ClusterName"]).Message, StringComparison.Ordinal);
        Assert.Equal("A port is between 1 and 65535, not 70000.", Assert.Single(byField["MasterPort"]).Message);
        Assert.Equal("Port 2181 is already used by ZooKeeperPort.", Assert.Single(byField["AgentPort"]).Message);
        Assert.Contains("no longer published", Assert.Single(byField["Mesos.AptRepository"]).Message, StringComparison.Ordinal);
        Assert.Contains("starts with \"deb \"", Assert.Single(byField["Marathon.AptRepository"]).Message, StringComparison.Ordinal);
        Assert.DoesNotContain("/no/such/key", Assert.Single(byField["SshPrivateKeyFile"]).Message, StringComparison.Ordinal);
        Assert.Contains(byField["Hosts"], e => e.Message.StartsWith("At least one host must be in the masters group", StringComparison.Ordinal));
    }

    internal static DeploymentSettings ValidSettings()
    {
        var settings = new DeploymentSettings { ClusterName = "lab", SshUser = "debian" };
        settings.Mesos.AptRepository = "deb https://mirror.example.org/mesos bookworm main";
        settings.Marathon.PackageUrls = "https://mirror.example.org/marathon_1.11.deb";
        settings.Chronos.Enabled = false;
        settings.Aurora.Enabled = false;
        return settings;
    }
}
