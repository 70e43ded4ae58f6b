namespace MesosConsole.Web.Hubs;

/// <summary>
/// What <see cref="ClusterHub"/> may call on its clients. Empty for now: the hub serves only streams a
/// client asks for. It is typed from the start so that a later push is a compile-checked method here,
/// never a string name passed to SendAsync.
/// </summary>
public interface IClusterClient;
