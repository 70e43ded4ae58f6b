using System.Net;
using System.Net.Http.Headers;
using System.Runtime.Versioning;
using System.Text;
using System.Text.Json;

namespace MesosConsole.LocalCluster.Tests.Agent;

/// <summary>POST /api/v1 on an agent: negotiation errors as a real agent answers them, and the file calls.</summary>
[Collection(AgentHttpCollection.Name)]
[SupportedOSPlatform("linux")]
public sealed class AgentOperatorApiTests(AgentHttpFixture fixture)
{
    private static readonly string Sandbox = AgentHttpFixture.VirtualSandbox(AgentHttpFixture.FinishedTask);

    [Fact]
    public async Task Get_Is405AllowingPost()
    {
        using var response = await fixture.Client.GetAsync("/api/v1", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("POST", response.Content.Headers.Allow.Single());
        Assert.Equal("405 Method Not Allowed. Expecting one of { 'POST' }, but received 'GET'.",
            await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Post_WithTextContentType_Is415()
    {
        using var response = await PostAsync("""{"type":"GET_HEALTH"}""", "text/plain");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("Expecting 'Content-Type' of application/json or application/x-protobuf",
            await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Post_EmptyProtobufCall_Is400TypeNotPresent()
    {
        using var response = await PostAsync("", "application/x-protobuf");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Failed to validate agent::Call: Expecting 'type' to be present",
            await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Post_MalformedJson_Is400ParseError()
    {
        using var response = await PostAsync("not json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("Failed to parse body into JSON: ", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"type":"GET_AGENTS"}""")]
    [InlineData("""{"type":"NO_SUCH_CALL"}""")]
    public async Task Post_MissingOrUnknownType_Is400ValidationError(string body)
    {
        using var response = await PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Failed to validate agent::Call: Expecting 'type' to be present",
            await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task GetHealth_AnswersHealthyAsExactJson()
    {
        using var response = await PostAsync("""{"type":"GET_HEALTH"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("""{"type":"GET_HEALTH","get_health":{"healthy":true}}""",
            await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task GetVersion_ReportsMesos1111()
    {
        var answer = await CallAsync("""{"type":"GET_VERSION"}""");

        Assert.Equal("GET_VERSION", answer.GetProperty("type").GetString());
        Assert.Equal("1.11.1", answer.GetProperty("get_version").GetProperty("version_info").GetProperty("version").GetString());
    }

    [Fact]
    public async Task ListFiles_Sandbox_ReturnsFileInfosWithStModeAndMtime()
    {
        var answer = await CallAsync($$$"""{"type":"LIST_FILES","list_files":{"path":"{{{Sandbox}}}"}}""");

        Assert.Equal("LIST_FILES", answer.GetProperty("type").GetString());
        var infos = answer.GetProperty("list_files").GetProperty("file_infos").EnumerateArray().ToList();
        var stdout = infos.Single(i => i.GetProperty("path").GetString() == Sandbox + "/stdout");
        var real = Path.Combine(fixture.RunDirectory, "stdout");
        Assert.Equal(6, stdout.GetProperty("size").GetInt64());
        Assert.Equal(0x8000 | (int)File.GetUnixFileMode(real), stdout.GetProperty("mode").GetInt32());
        Assert.Equal(new DateTimeOffset(File.GetLastWriteTimeUtc(real)).ToUnixTimeSeconds() * 1_000_000_000,
            stdout.GetProperty("mtime").GetProperty("nanoseconds").GetInt64());
        var work = infos.Single(i => i.GetProperty("path").GetString() == Sandbox + "/work");
        Assert.Equal(0x4000, work.GetProperty("mode").GetInt32() & 0xF000);
    }

    [Fact]
    public async Task ListFiles_UnknownPath_Is404()
    {
        using var response = await PostAsync("""{"type":"LIST_FILES","list_files":{"path":"/frameworks/nope"}}""");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ReadFile_Stdout_ReturnsBase64BytesAndFileSize()
    {
        var whole = await CallAsync($$$"""{"type":"READ_FILE","read_file":{"path":"{{{Sandbox}}}/stdout","offset":0}}""");
        var part = await CallAsync($$$"""{"type":"READ_FILE","read_file":{"path":"{{{Sandbox}}}/stdout","offset":2,"length":2}}""");

        Assert.Equal("READ_FILE", whole.GetProperty("type").GetString());
        Assert.Equal(6, whole.GetProperty("read_file").GetProperty("size").GetInt64());
        Assert.Equal("hello\n"u8.ToArray(), whole.GetProperty("read_file").GetProperty("data").GetBytesFromBase64());
        Assert.Equal("ll"u8.ToArray(), part.GetProperty("read_file").GetProperty("data").GetBytesFromBase64());
        Assert.Equal(6, part.GetProperty("read_file").GetProperty("size").GetInt64());
    }

    [Fact]
    public async Task ReadFile_WithoutOffset_Is400()
    {
        using var response = await PostAsync($$$"""{"type":"READ_FILE","read_file":{"path":"{{{Sandbox}}}/stdout"}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<JsonElement> CallAsync(string body)
    {
        using var response = await PostAsync(body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.ToString());
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return document.RootElement.Clone();
    }

    private Task<HttpResponseMessage> PostAsync(string body, string contentType = "application/json")
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return fixture.Client.PostAsync("/api/v1", content, TestContext.Current.CancellationToken);
    }
}
