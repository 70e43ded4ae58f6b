using System.Reflection;

namespace MesosConsole.Browser.Tests.Support;

/// <summary>The checkout this test assembly was built from (recorded at build time).</summary>
internal static class Repository
{
    public static string Root { get; } =
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "RepositoryRoot").Value
        ?? throw new InvalidOperationException("The RepositoryRoot assembly metadata is missing.");

    /// <summary>docs/screenshots/ in the checkout; the README shows the images there.</summary>
    public static string Screenshot(string fileName) => Path.Combine(Root, "docs", "screenshots", fileName);
}
