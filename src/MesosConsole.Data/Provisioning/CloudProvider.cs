namespace MesosConsole.Data.Provisioning;

public enum CloudProvider
{
    Ec2,
    OpenStack,
}
