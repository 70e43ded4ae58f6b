namespace MesosConsole.Interop.Tests;

/// <summary>
/// Compiles the Go test programs under <c>go/</c> (copied next to this assembly) against Debian's
/// mesos-go 0.0.6. Debian's Go tree has no go.mod, so the build runs in GOPATH mode with the module
/// proxy off — nothing is downloaded.
/// </summary>
public sealed class GoPrograms
{
    public const string GoPath = "/usr/share/gocode";
    public const string GoPackage = "golang-go";
    public const string MesosGoPackage = "golang-github-mesos-mesos-go-dev";

    /// <summary>The mesos-go v1 library inside Debian's Go source tree.</summary>
    public static readonly string MesosGoLib = Path.Combine(GoPath, "src/github.com/mesos/mesos-go/api/v1/lib");

    public static readonly string[] Programs = ["scheduler", "operator"];

    private GoPrograms(string binDirectory) => BinDirectory = binDirectory;

    public string BinDirectory { get; }

    public string Scheduler => Path.Combine(BinDirectory, "scheduler");

    public string Operator => Path.Combine(BinDirectory, "operator");

    /// <summary>Builds every program into <paramref name="binDirectory"/> with one <c>go build</c>.</summary>
    public static async Task<GoPrograms> BuildAsync(string binDirectory, CancellationToken cancellationToken)
    {
        var go = FindGo() ?? throw new InvalidOperationException(
            $"The Go toolchain (`go`) was not found on PATH. Install the Debian package {GoPackage} " +
            $"(together with {MesosGoPackage}); `bash tests/run.sh` installs both.");
        if (!Directory.Exists(Path.Combine(MesosGoLib, "httpcli", "httpsched")))
        {
            throw new InvalidOperationException(
                $"The mesos-go sources were not found under {MesosGoLib}. Install the Debian package " +
                $"{MesosGoPackage}; `bash tests/run.sh` installs it.");
        }

        var sourceRoot = Path.Combine(AppContext.BaseDirectory, "go");
        foreach (var program in Programs)
        {
            if (!File.Exists(Path.Combine(sourceRoot, program, "main.go")))
            {
                throw new InvalidOperationException($"{Path.Combine(sourceRoot, program, "main.go")} was not copied next to the test assembly.");
            }
        }

        Directory.CreateDirectory(binDirectory);
        // `go build -o DIR/ ./a ./b` writes one executable per main package into DIR.
        string[] args = ["build", "-o", binDirectory + Path.DirectorySeparatorChar, .. Programs.Select(p => "./" + p)];
        var result = await ProcessRunner.RunAsync(go, args, TimeSpan.FromMinutes(15), sourceRoot, BuildEnvironment(), cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"Building the mesos-go test programs failed: {result}");
        }

        var built = new GoPrograms(binDirectory);
        foreach (var program in Programs)
        {
            if (!File.Exists(Path.Combine(binDirectory, program)))
            {
                throw new InvalidOperationException($"`go build` succeeded but did not write {program}: {result}");
            }
        }

        return built;
    }

    /// <summary>GOPATH mode, no module proxy, no cgo (no C compiler needed), and a build cache even without HOME.</summary>
    public static Dictionary<string, string?> BuildEnvironment()
    {
        var env = new Dictionary<string, string?>
        {
            ["GO111MODULE"] = "off",
            ["GOPATH"] = GoPath,
            ["GOPROXY"] = "off",
            ["GOFLAGS"] = "",
            ["CGO_ENABLED"] = "0",
        };
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("GOCACHE"))
            && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("HOME"))
            && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("XDG_CACHE_HOME")))
        {
            env["GOCACHE"] = Path.Combine(Path.GetTempPath(), "mesosconsole-interop-gocache");
        }

        return env;
    }

    private static string? FindGo()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        var candidates = path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "go"))
            .Append("/usr/bin/go")
            .Append("/usr/lib/go/bin/go");
        return candidates.FirstOrDefault(File.Exists);
    }
}
