using MesosConsole.Web;

await using var console = new ConsoleWebApplication(args);
await console.RunAsync();
