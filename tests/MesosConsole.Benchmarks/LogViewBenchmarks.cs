using System.Net;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using MesosConsole.Web.Components.Sandbox;
using MesosConsole.Web.Sandbox;
using Microsoft.Extensions.Logging.Abstractions;

namespace MesosConsole.Benchmarks;

/// <summary>
/// The live-log pipeline on 100,000 lines of 100 bytes (10 MB): the tailer reading them through the
/// files API (JSON answers from an in-memory agent, 64 KiB per read), splitting them into lines, one
/// viewer's bounded buffer, and the log view's model the component renders from. Times are per line;
/// target: at least 20,000 lines/s, i.e. at most 50 µs a line.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class LogViewBenchmarks
{
    private const int Lines = 100_000;
    private const int LineBytes = 100;

    private byte[] _file = [];

    [GlobalSetup]
    public void Setup()
    {
        var text = new StringBuilder(Lines * LineBytes);
        for (var i = 0; i < Lines; i++)
        {
            var line = $"{i:D8} INFO worker-{i % 16:D2} processed batch {i} of the simulation step; residual=0.000123 ok ";
            text.Append(line.PadRight(LineBytes - 1, '.')[..(LineBytes - 1)]).Append('\n');
        }

        _file = Encoding.UTF8.GetBytes(text.ToString());
    }

    [Benchmark(OperationsPerInvoke = Lines, Description = "tail 100-byte lines: files API read + split + viewer buffer + view model (per line)")]
    public async Task<long> TailIntoLogView()
    {
        using var http = new HttpClient(new InMemoryAgent(_file));
        var options = new SandboxOptions { InitialTailBytes = _file.Length, ViewerBufferLines = Lines, MaxReadsPerPoll = int.MaxValue };
        var tailer = new FileTailer(new FilesApi(http, new Uri("http://agent.invalid:5051/")), "/sandbox/stdout",
            TimeProvider.System, options, NullLogger.Instance);
        await using (tailer)
        {
            var viewer = tailer.Subscribe();
            var model = new LogViewModel();
            await tailer.PollOnceAsync(CancellationToken.None);
            while (viewer.TryRead(SandboxTailers.MaxBatchLines, out var batch))
            {
                model.Append(0, batch);
            }

            return model.Appended == Lines ? model.Appended : throw new InvalidOperationException($"{model.Appended} lines, not {Lines}");
        }
    }

    /// <summary>An agent's <c>/files/read</c> over one file in memory, answering as Mesos does.</summary>
    private sealed class InMemoryAgent(byte[] file) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var query = System.Web.HttpUtility.ParseQueryString(request.RequestUri!.Query);
            var offset = long.Parse(query["offset"]!, System.Globalization.CultureInfo.InvariantCulture);
            var length = query["length"] is { } l ? int.Parse(l, System.Globalization.CultureInfo.InvariantCulture) : 65536;
            var json = new MemoryStream();
            using (var writer = new Utf8JsonWriter(json))
            {
                writer.WriteStartObject();
                if (offset == -1)
                {
                    writer.WriteString("data", "");
                    writer.WriteNumber("offset", file.Length);
                }
                else
                {
                    var count = (int)Math.Min(Math.Min(length, 65536), Math.Max(0, file.Length - offset));
                    writer.WriteString("data", Encoding.UTF8.GetString(file, (int)offset, count));
                    writer.WriteNumber("offset", offset);
                }

                writer.WriteEndObject();
            }

            var content = new ByteArrayContent(json.GetBuffer(), 0, (int)json.Length);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
        }
    }
}
