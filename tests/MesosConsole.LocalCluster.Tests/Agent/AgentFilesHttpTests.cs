using System.Net;
using System.Runtime.Versioning;

namespace MesosConsole.LocalCluster.Tests.Agent;

/// <summary>/files/browse, read, download and debug on an agent, as the captures of a real agent show them.</summary>
[Collection(AgentHttpCollection.Name)]
[SupportedOSPlatform("linux")]
public sealed class AgentFilesHttpTests(AgentHttpFixture fixture)
{
    private static readonly string Sandbox = AgentHttpFixture.VirtualSandbox(AgentHttpFixture.FinishedTask);

    [Fact]
    public async Task Browse_VirtualSandbox_ListsMembersSortedWithTheirStat()
    {
        var listing = await fixture.GetJsonAsync(Browse(Sandbox));

        var entries = listing.EnumerateArray().ToList();
        var paths = entries.Select(e => e.GetProperty("path").GetString()!).ToList();
        Assert.Equal(
            new[] { "big.txt", "escape", "stderr", "stdout", "utf8.txt", "work" }.Select(name => Sandbox + "/" + name),
            paths);
        var stdout = entries.Single(e => e.GetProperty("path").GetString()!.EndsWith("/stdout", StringComparison.Ordinal));
        var real = Path.Combine(fixture.RunDirectory, "stdout");
        Assert.Equal(6, stdout.GetProperty("size").GetInt64());
        Assert.Equal(1, stdout.GetProperty("nlink").GetInt32());
        Assert.Equal(Environment.UserName, stdout.GetProperty("uid").GetString());
        Assert.False(string.IsNullOrEmpty(stdout.GetProperty("gid").GetString()));
        Assert.Equal(new DateTimeOffset(File.GetLastWriteTimeUtc(real)).ToUnixTimeSeconds(), stdout.GetProperty("mtime").GetDouble());
        Assert.Equal("-" + Permissions(File.GetUnixFileMode(real)), stdout.GetProperty("mode").GetString());
        var work = entries.Single(e => e.GetProperty("path").GetString()!.EndsWith("/work", StringComparison.Ordinal));
        Assert.StartsWith("d", work.GetProperty("mode").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Browse_RealRunDirectoryAndLatestLink_ListUnderTheRequestedPath()
    {
        var latest = Path.Combine(Path.GetDirectoryName(fixture.RunDirectory)!, "latest");

        foreach (var requested in new[] { fixture.RunDirectory, latest })
        {
            var listing = await fixture.GetJsonAsync(Browse(requested));
            Assert.Contains(listing.EnumerateArray(), e => e.GetProperty("path").GetString() == requested + "/stdout");
        }
    }

    [Fact]
    public async Task Browse_WithoutPath_Is400WithMesosMessage()
    {
        using var response = await fixture.Client.GetAsync("/files/browse", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("Expecting 'path=value' in query.\n", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Browse_UnattachedPath_Is404WithEmptyBody()
    {
        foreach (var path in new[] { fixture.Test.WorkDir, "/frameworks/nope/executors/nope/runs/latest", "/etc" })
        {
            using var response = await fixture.Client.GetAsync(Browse(path), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Empty(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        }
    }

    [Fact]
    public async Task Browse_RegularFile_IsEmptyArray()
    {
        var listing = await fixture.GetJsonAsync(Browse(Sandbox + "/stdout"));

        Assert.Equal(0, listing.GetArrayLength());
    }

    [Fact]
    public async Task Browse_WithJsonp_WrapsTheJsonInTheCallback()
    {
        using var response = await fixture.Client.GetAsync(Browse(Sandbox) + "&jsonp=angular.callbacks._1", TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.ToString());
        Assert.StartsWith("angular.callbacks._1([{", body, StringComparison.Ordinal);
        Assert.EndsWith("]);", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Browse_WithScriptAsJsonpCallback_IsRefused()
    {
        using var response = await fixture.Client.GetAsync(Browse(Sandbox) + "&jsonp=" + Uri.EscapeDataString("alert(1);cb"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Read_Stdout_ReturnsTextAndEchoesOffset()
    {
        var chunk = await fixture.GetJsonAsync(Read(Sandbox + "/stdout"));

        Assert.Equal("hello\n", chunk.GetProperty("data").GetString());
        Assert.Equal(0, chunk.GetProperty("offset").GetInt64());
    }

    [Fact]
    public async Task Read_OffsetMinusOne_ReturnsNoDataAndTheFileSize()
    {
        var chunk = await fixture.GetJsonAsync(Read(Sandbox + "/stdout", offset: -1));

        Assert.Equal("", chunk.GetProperty("data").GetString());
        Assert.Equal(6, chunk.GetProperty("offset").GetInt64());
    }

    [Fact]
    public async Task Read_LargeFile_IsCappedAt64KiBPerRead()
    {
        var first = await fixture.GetJsonAsync(Read(Sandbox + "/big.txt"));
        var rest = await fixture.GetJsonAsync(Read(Sandbox + "/big.txt", offset: 65536, length: 1_000_000));

        Assert.Equal(65536, first.GetProperty("data").GetString()!.Length);
        Assert.Equal(102400 - 65536, rest.GetProperty("data").GetString()!.Length);
        Assert.Equal(65536, rest.GetProperty("offset").GetInt64());
    }

    [Fact]
    public async Task Read_LengthEndingInsideMultiByteCharacter_StopsBeforeIt()
    {
        var path = Sandbox + "/utf8.txt"; // bytes: 'a' C3 A9 'b'

        Assert.Equal("a", (await fixture.GetJsonAsync(Read(path, offset: 0, length: 2))).GetProperty("data").GetString());
        Assert.Equal("é", (await fixture.GetJsonAsync(Read(path, offset: 1, length: 2))).GetProperty("data").GetString());
        Assert.Equal("éb", (await fixture.GetJsonAsync(Read(path, offset: 1, length: 3))).GetProperty("data").GetString());
    }

    [Fact]
    public async Task Read_LengthZeroOrOffsetPastEnd_ReturnsNoData()
    {
        var empty = await fixture.GetJsonAsync(Read(Sandbox + "/stdout", offset: 2, length: 0));
        var past = await fixture.GetJsonAsync(Read(Sandbox + "/stdout", offset: 100));

        Assert.Equal("", empty.GetProperty("data").GetString());
        Assert.Equal(2, empty.GetProperty("offset").GetInt64());
        Assert.Equal("", past.GetProperty("data").GetString());
        Assert.Equal(100, past.GetProperty("offset").GetInt64());
    }

    [Theory]
    [InlineData("&offset=-2")]
    [InlineData("&offset=abc")]
    [InlineData("&length=-5")]
    public async Task Read_InvalidOffsetOrLength_Is400(string query)
    {
        using var response = await fixture.Client.GetAsync(Read(Sandbox + "/stdout") + query, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Read_Directory_Is400()
    {
        using var response = await fixture.Client.GetAsync(Read(Sandbox + "/work"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Cannot read a directory.\n", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("/../../../../../../../../../../../../etc/passwd")]
    [InlineData("/escape/passwd")]
    [InlineData("/escape")]
    [InlineData("/work/../../../latest/../../../../../../../../etc/hostname")]
    public async Task ReadAndBrowse_PathsLeavingTheSandbox_AreNotServed(string suffix)
    {
        using var read = await fixture.Client.GetAsync(Read(Sandbox + suffix), TestContext.Current.CancellationToken);
        using var browse = await fixture.Client.GetAsync(Browse(Sandbox + suffix), TestContext.Current.CancellationToken);
        using var download = await fixture.Client.GetAsync("/files/download?path=" + Uri.EscapeDataString(Sandbox + suffix), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, browse.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
    }

    [Fact]
    public async Task Download_Stdout_IsAnAttachmentWithTheRawBytes()
    {
        using var response = await fixture.Client.GetAsync("/files/download?path=" + Uri.EscapeDataString(Sandbox + "/stdout"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("attachment; filename=stdout", response.Content.Headers.GetValues("Content-Disposition").Single());
        Assert.Equal("hello\n"u8.ToArray(), await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Download_Directory_Is400()
    {
        using var response = await fixture.Client.GetAsync("/files/download?path=" + Uri.EscapeDataString(Sandbox + "/work"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Debug_AfterLaunch_MapsRealLatestAndVirtualPathsToTheRunDirectory()
    {
        var debug = await fixture.GetJsonAsync("/files/debug");

        var latest = Path.Combine(Path.GetDirectoryName(fixture.RunDirectory)!, "latest");
        Assert.Equal(fixture.RunDirectory, debug.GetProperty(Sandbox).GetString());
        Assert.Equal(fixture.RunDirectory, debug.GetProperty(fixture.RunDirectory).GetString());
        Assert.Equal(fixture.RunDirectory, debug.GetProperty(latest).GetString());
    }

    private static string Browse(string path) => "/files/browse?path=" + Uri.EscapeDataString(path);

    private static string Read(string path, long? offset = null, long? length = null) =>
        "/files/read?path=" + Uri.EscapeDataString(path)
        + (offset is null ? "" : FormattableString.Invariant($"&offset={offset}"))
        + (length is null ? "" : FormattableString.Invariant($"&length={length}"));

    private static string Permissions(UnixFileMode mode)
    {
        var letters = "rwxrwxrwx".ToCharArray();
        for (var bit = 0; bit < 9; bit++)
        {
            if (((int)mode & (1 << (8 - bit))) == 0)
            {
                letters[bit] = '-';
            }
        }

        return new string(letters);
    }
}
