using Bunit;
using Bunit.Extensions.WaitForHelpers;
using MesosConsole.Web.Components.Sandbox;
using MesosConsole.Web.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace MesosConsole.Web.Tests.Sandbox;

/// <summary>The live log view on an in-memory agent: what it shows, pause, search, and how it renders text.</summary>
public sealed class LogViewTests : SandboxComponentTest
{
    private const string Stdout = Directory + "/stdout";

    private IRenderedComponent<LogView> RenderView(params LogViewSource[] sources) =>
        Render<LogView>(p => p.Add(v => v.Cluster, Cluster).Add(v => v.Sources, sources));

    private static List<string> Lines(IRenderedComponent<LogView> view) =>
        [.. view.FindAll("[data-testid=log-line]").Select(l => l.TextContent)];

    /// <summary>
    /// Waits for what a poll brought to be on screen. The view renders at most every
    /// <see cref="LogView.RenderInterval"/> on the test's clock: when the poll's lines land in the same
    /// instant as an earlier render (both fired by one Advance), their render waits for the clock, so the
    /// clock is moved on a render interval at a time until the assertion holds.
    /// </summary>
    private void WaitForPolledRender(IRenderedComponent<LogView> view, Action assertion)
    {
        for (var nudges = 0; ; nudges++)
        {
            try
            {
                view.WaitForAssertion(assertion, TimeSpan.FromSeconds(2));
                return;
            }
            catch (WaitForFailedException) when (nudges < 10)
            {
                Time.Advance(LogView.RenderInterval);
            }
        }
    }

    [Fact]
    public void LogView_FileGrows_ShowsNewLinesAfterThePoll()
    {
        Agent.Append(Stdout, "one\ntwo\n");
        var view = RenderView(new LogViewSource(AgentId, Stdout, TaskId));
        view.WaitForAssertion(() => Assert.Equal(["one", "two"], Lines(view)));

        Agent.Append(Stdout, "three\n");
        Time.Advance(PollInterval);

        WaitForPolledRender(view, () => Assert.Equal(["one", "two", "three"], Lines(view)));
    }

    [Fact]
    public void LogView_Paused_StopsAppendingAndResumeCatchesUp()
    {
        Agent.Append(Stdout, "before\n");
        var view = RenderView(new LogViewSource(AgentId, Stdout, TaskId));
        view.WaitForAssertion(() => Assert.Equal(["before"], Lines(view)));

        view.Find("[data-testid=log-pause]").Click();
        Agent.Append(Stdout, "while paused 1\nwhile paused 2\n");
        Time.Advance(PollInterval);

        WaitForPolledRender(view, () => Assert.Equal("Paused: 2 new lines waiting", view.Find("[data-testid=log-held]").TextContent));
        Assert.Equal(["before"], Lines(view));

        view.Find("[data-testid=log-resume]").Click();

        WaitForPolledRender(view, () => Assert.Equal(["before", "while paused 1", "while paused 2"], Lines(view)));
        Assert.Empty(view.FindAll("[data-testid=log-held]"));
    }

    [Fact]
    public void LogView_Search_HighlightsEveryMatchAndCountsMatchingLines()
    {
        Agent.Append(Stdout, "error: disk\nall fine\nANOTHER ERROR, error\n");
        var view = RenderView(new LogViewSource(AgentId, Stdout, TaskId));
        view.WaitForAssertion(() => Assert.Equal(3, Lines(view).Count));

        view.Find("input[data-testid=log-search], [data-testid=log-search] input").Input("error");

        view.WaitForAssertion(() => Assert.Equal(["error", "ERROR", "error"], view.FindAll("[data-testid=log-match]").Select(m => m.TextContent)));
        Assert.Equal("2 matching lines", view.Find("[data-testid=log-match-count]").TextContent);
        // Highlighting does not change the text.
        Assert.Equal(["error: disk", "all fine", "ANOTHER ERROR, error"], Lines(view));
    }

    [Fact]
    public void LogView_LineWithMarkup_IsShownAsTextNeverAsMarkup()
    {
        Agent.Append(Stdout, "<img src=x onerror=alert(1)>\n<script>alert(2)</script>\n");
        var view = RenderView(new LogViewSource(AgentId, Stdout, TaskId));

        view.WaitForAssertion(() => Assert.Equal(["<img src=x onerror=alert(1)>", "<script>alert(2)</script>"], Lines(view)));
        Assert.Empty(view.FindAll("[data-testid=log-lines] img"));
        Assert.Empty(view.FindAll("[data-testid=log-lines] script"));
    }

    [Fact]
    public void LogView_SeveralSources_MergesThemWithAPrefixAndColourPerSource()
    {
        const string OtherStdout = "/w/other/stdout";
        Agent.Append(Stdout, "from one\n");
        Agent.Append(OtherStdout, "from two\n");

        var view = RenderView(new LogViewSource(AgentId, Stdout, "rank-0"), new LogViewSource(AgentId, OtherStdout, "rank-1"));
        view.WaitForAssertion(() => Assert.NotEmpty(Lines(view)));
        // The second source's lines may have come within the same render interval.
        Time.Advance(LogView.RenderInterval);

        view.WaitForAssertion(() => Assert.Equal(["[rank-0] from one", "[rank-1] from two"], Lines(view).Order()));
        var prefixes = view.FindAll("[data-testid=log-prefix]");
        Assert.Equal(2, prefixes.Select(p => p.GetAttribute("style")).Distinct().Count());
        Assert.Equal(2, view.FindAll("[data-testid=log-download]").Count);
    }

    [Fact]
    public void LogView_TimestampsOn_ShowsWhenTheConsoleReceivedEachLine()
    {
        Agent.Append(Stdout, "stamped\n");
        var view = RenderView(new LogViewSource(AgentId, Stdout, TaskId));
        view.WaitForAssertion(() => Assert.Equal(["stamped"], Lines(view)));

        view.Find("input[data-testid=log-timestamps], [data-testid=log-timestamps] input").Change(true);

        // Virtualize renders its rows after the view itself: wait for the row's render.
        view.WaitForAssertion(() => Assert.Equal(Time.GetUtcNow().ToString("HH:mm:ss.fff ", System.Globalization.CultureInfo.InvariantCulture),
            view.Find("[data-testid=log-time]").TextContent));
    }

    [Fact]
    public void LogView_FileMissing_SaysSoInsteadOfShowingNothing()
    {
        var view = RenderView(new LogViewSource(AgentId, Directory + "/nope", TaskId));

        view.WaitForAssertion(() => Assert.Contains("does not exist", view.Find("[data-testid=log-status]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task LogView_Disposed_LeavesTheTailerWhichStops()
    {
        Agent.Append(Stdout, "x\n");
        var view = RenderView(new LogViewSource(AgentId, Stdout, TaskId));
        view.WaitForAssertion(() => Assert.Equal(["x"], Lines(view)));
        var tailers = Services.GetRequiredService<SandboxTailers>();
        Assert.Equal(1, tailers.Count);

        await DisposeComponentsAsync();

        view.WaitForAssertion(() => Assert.Equal(0, tailers.Count));
    }
}
