namespace MesosConsole.Web.Components.Pages.Deploy;

/// <summary>Where the deploy wizard takes its hosts from.</summary>
public enum HostSource
{
    Typed,
    Provisioned,
}
