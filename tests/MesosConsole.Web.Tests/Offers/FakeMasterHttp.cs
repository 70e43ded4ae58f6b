using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net;
using System.Text;
using MesosConsole.Web.Offers;

namespace MesosConsole.Web.Tests.Offers;

/// <summary>
/// A master's plain HTTP as the offers feed sees it. With <see cref="HasExtension"/>, the allocator
/// stream is a pipe the test writes NDJSON lines into, and pause/resume/step answer as configured;
/// without, those paths answer 404 (as a real Mesos master does) and the metrics and frameworks
/// endpoints answer the JSON the test gives.
/// </summary>
internal sealed class FakeMasterHttp : HttpMessageHandler
{
    private readonly Pipe _events = new();
    private int _eventStreams;

    public bool HasExtension { get; init; } = true;

    public string MetricsJson { get; set; } = "{}";

    public string FrameworksJson { get; set; } = """{"frameworks":[]}""";

    /// <summary>Status and body for the next pause/resume/step POSTs (200 by default).</summary>
    public (HttpStatusCode Status, string Body) CommandAnswer { get; set; } = (HttpStatusCode.OK, """{"paused":true}""");

    /// <summary>Every POST the console made, by path.</summary>
    public ConcurrentQueue<string> Commands { get; } = new();

    /// <summary>How many times the allocator stream was opened.</summary>
    public int EventStreams => Volatile.Read(ref _eventStreams);

    public async Task WriteAsync(params string[] lines)
    {
        await _events.Writer.WriteAsync(Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n"))));
        await _events.Writer.FlushAsync();
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        if (path.StartsWith("/console/", StringComparison.Ordinal) && !HasExtension)
        {
            return Answer(HttpStatusCode.NotFound, "");
        }

        switch (path)
        {
            case "/" + AllocatorExtension.EventsPath:
                Interlocked.Increment(ref _eventStreams);
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(_events.Reader.AsStream()) });
            case "/" + AllocatorExtension.PausePath:
            case "/" + AllocatorExtension.ResumePath:
            case "/" + AllocatorExtension.StepPath:
                Commands.Enqueue(path);
                return Answer(CommandAnswer.Status, CommandAnswer.Body);
            case "/metrics/snapshot":
                return Answer(HttpStatusCode.OK, MetricsJson);
            case "/master/frameworks":
                return Answer(HttpStatusCode.OK, FrameworksJson);
            default:
                return Answer(HttpStatusCode.NotFound, "");
        }
    }

    private static Task<HttpResponseMessage> Answer(HttpStatusCode status, string body) =>
        Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
}

/// <summary>Waits, without polling, until a feed's activity satisfies a condition.</summary>
internal static class FeedWaits
{
    public static async Task<OfferActivity> UntilAsync(this OffersFeed feed, Func<OfferActivity, bool> condition)
    {
        var reached = new TaskCompletionSource<OfferActivity>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check()
        {
            if (condition(feed.Current))
            {
                reached.TrySetResult(feed.Current);
            }
        }

        feed.Changed += Check;
        try
        {
            Check();
            return await reached.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        }
        finally
        {
            feed.Changed -= Check;
        }
    }
}
