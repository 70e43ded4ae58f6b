using MesosConsole.LocalCluster.Hosting;

return await LocalClusterProgram.RunAsync(args);
