using System.Text.Json;
using MesosConsole.Data.Provisioning;
using MesosConsole.Provisioning.Ansible;
using MesosConsole.Provisioning.Tests.Support;

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

    [Fact]
    public void CreateLocal_Valid_LocalClusterGroupVariablesAndHostMasterUrl()
    {
        using var source = AnsibleLocalClusterSource.Create();
        var settings = new LocalClusterSettings
        {
            ClusterName = " lab-local ",
            Host = "node-9.example.org",
            SshUser = "debian",
            SourceDirectory = source.Path,
            Port = 5060,
            FirstAgentPort = 5061,
            Agents = 2,
            ServiceManager = LocalClusterSettings.DetachedManager,
            Become = false,
        };

        var (plan, errors) = DeploymentPlan.CreateLocal(settings);

        Assert.Empty(errors);
        Assert.NotNull(plan);
        Assert.Equal(("lab-local", "local.yml"), (plan.ClusterName, plan.Playbook));
        Assert.Equal("[local_cluster]\nnode-9.example.org ansible_host=node-9.example.org local_cluster_hostname=node-9.example.org\n\n"
            + "[all:vars]\nansible_user=debian\n", plan.Inventory);
        Assert.Equal([new Uri("http://node-9.example.org:5060")], plan.MasterUrls);
        using var variables = JsonDocument.Parse(plan.VariablesJson);
        var root = variables.RootElement;
        Assert.Equal(source.Path, root.GetProperty("local_cluster_source_dir").GetString());
        Assert.Equal((5060, 5061, 2), (root.GetProperty("local_cluster_port").GetInt32(), root.GetProperty("local_cluster_first_agent_port").GetInt32(),
            root.GetProperty("local_cluster_agents").GetInt32()));
        Assert.Equal(("detached", "dotnet", "present"), (root.GetProperty("local_cluster_service_manager").GetString(),
            root.GetProperty("local_cluster_launcher").GetString(), root.GetProperty("local_cluster_state").GetString()));
        Assert.False(root.GetProperty("local_cluster_become").GetBoolean());
        // The host's address is a host variable: extra variables would override it for every host of the group.
        Assert.False(root.TryGetProperty("local_cluster_hostname", out _));
    }

    [Theory]
    [InlineData("127.0.0.1", " ansible_connection=local")]
    [InlineData("localhost", " ansible_connection=local")]
    [InlineData("10.0.0.7", "")]
    public void Inventories_TheConsolesOwnMachine_IsReachedWithoutSsh(string host, string connection)
    {
        Assert.Equal($"[local_cluster]\n{host} ansible_host={host}{connection} local_cluster_hostname={host}\n\n", InventoryBuilder.BuildLocal(host, null));
        Assert.Contains($"[agents]\n{host} ansible_host={host}{connection}\n", InventoryBuilder.Build([new DeploymentHost(host, [DeploymentGroup.Agents])], null), StringComparison.Ordinal);
    }

    [Fact]
    public void CreateLocal_BadInput_EveryProblemNamedOnItsField()
    {
        using var source = AnsibleLocalClusterSource.Create();
        var settings = new LocalClusterSettings
        {
            ClusterName = "",
            Host = "10.0.0.300",
            SourceDirectory = source.Path,
            Launcher = LocalClusterSettings.ExecutableLauncher,
            Port = 5052,
            FirstAgentPort = 5051,
            Agents = 3,
            Resources = "cpus:4; rm -rf /",
            Prefix = "/",
            SshPrivateKeyFile = "/no/such/key",
        };

        var (plan, errors) = DeploymentPlan.CreateLocal(settings);

        Assert.Null(plan);
        var byField = errors.ToLookup(e => e.Field);
        Assert.Equal("Give the cluster a name.", Assert.Single(byField["ClusterName"]).Message);
        Assert.Contains("is not a valid IP address", Assert.Single(byField["Host"]).Message, StringComparison.Ordinal);
        Assert.Equal($"{source.Path} has no MesosConsole.LocalCluster; build or publish src/MesosConsole.LocalCluster into it.",
            Assert.Single(byField["SourceDirectory"]).Message);
        Assert.Equal("The agents take ports 5051 to 5053, which includes the master's port 5052.", Assert.Single(byField["FirstAgentPort"]).Message);
        Assert.StartsWith("Resources are written as in Mesos", Assert.Single(byField["Resources"]).Message, StringComparison.Ordinal);
        Assert.StartsWith("The prefix is an absolute folder on the host other than /", Assert.Single(byField["Prefix"]).Message, StringComparison.Ordinal);
        Assert.DoesNotContain("/no/such/key", Assert.Single(byField["SshPrivateKeyFile"]).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateLocal_MissingSourceFolder_SaysWhereItLooked()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-local-cluster-{Guid.NewGuid():N}");

        var (_, errors) = DeploymentPlan.CreateLocal(new LocalClusterSettings { ClusterName = "l", Host = "10.0.0.9", SourceDirectory = missing });

        Assert.Equal($"There is no folder {missing} on the console's machine.", Assert.Single(errors).Message);
    }

    [Fact]
    public void LocalClusterSettings_Defaults_AreTheRoleDefaults()
    {
        var defaults = File.ReadAllLines(Path.Combine(AnsibleTestPaths.AnsibleDirectory, "roles", "local_cluster", "defaults", "main.yml"))
            .Where(l => l.StartsWith("local_cluster_", StringComparison.Ordinal))
            .Select(l => l.Split(':', 2))
            .ToDictionary(p => p[0], p => p[1].Trim().Trim('"'));
        var settings = new LocalClusterSettings();

        Assert.Equal(defaults["local_cluster_port"], settings.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(defaults["local_cluster_first_agent_port"], settings.FirstAgentPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(defaults["local_cluster_agents"], settings.Agents.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(defaults["local_cluster_resources"], settings.Resources);
        Assert.Equal(defaults["local_cluster_service_manager"], settings.ServiceManager);
        Assert.Equal(defaults["local_cluster_launcher"], settings.Launcher);
        Assert.Equal(defaults["local_cluster_dotnet"], settings.DotnetPath);
        Assert.Equal(defaults["local_cluster_prefix"], settings.Prefix);
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
