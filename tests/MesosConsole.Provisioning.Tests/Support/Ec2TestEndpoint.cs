using System.Collections.Concurrent;
using System.Security;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MesosConsole.Provisioning.Tests.Support;

/// <summary>One EC2 query-protocol call as the endpoint received it: the action and every form field.</summary>
public sealed record Ec2Call(string Action, IReadOnlyDictionary<string, string> Form, string? Authorization = null)
{
    public bool IsDryRun => Form.TryGetValue("DryRun", out var dry) && dry == "true";

    public string? this[string field] => Form.TryGetValue(field, out var value) ? value : null;
}

/// <summary>
/// A local stand-in for EC2 that the real AWS SDK client talks to (Kestrel on 127.0.0.1:0): it reads
/// the query protocol (form-encoded <c>Action=…</c>), records every call, answers in EC2's XML
/// (namespace 2016-11-15), answers DryRun calls with <c>DryRunOperation</c> as EC2 does, and can be
/// told to fail a call with an EC2 error code.
/// </summary>
public sealed class Ec2TestEndpoint : IAsyncDisposable
{
    private const string Ns = "http://ec2.amazonaws.com/doc/2016-11-15/";
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Ec2Call> _calls = new();
    private readonly List<Failure> _failures = [];
    private readonly ConcurrentDictionary<string, string> _states = new();
    private int _nextInstance;

    private Ec2TestEndpoint(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = default!;

    public IReadOnlyList<Ec2Call> Calls => [.. _calls];

    public IReadOnlyList<Ec2Call> CallsOf(string action) => [.. _calls.Where(c => c.Action == action)];

    /// <summary>The state DescribeInstances reports for every instance launched so far (they start <c>pending</c>).</summary>
    public void SetAllStates(string state)
    {
        foreach (var id in _states.Keys)
        {
            _states[id] = state;
        }
    }

    /// <summary>Makes a future (non-dry-run, unless <paramref name="dryRunToo"/>) call of <paramref name="action"/> fail, after letting <paramref name="skip"/> such calls pass.</summary>
    public void Fail(string action, string code, string message, int status = 400, int skip = 0, bool dryRunToo = false)
    {
        lock (_failures)
        {
            _failures.Add(new Failure(action, code, message, status, dryRunToo) { Skip = skip });
        }
    }

    public static async Task<Ec2TestEndpoint> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var endpoint = new Ec2TestEndpoint(app);
        app.MapPost("/", endpoint.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        endpoint.Url = new Uri(address + "/");
        return endpoint;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        var call = new Ec2Call(form["Action"].ToString(), form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal), context.Request.Headers.Authorization.ToString());
        _calls.Enqueue(call);

        if (TakeFailure(call) is { } failure)
        {
            await ErrorAsync(context, failure.Status, failure.Code, failure.Message);
            return;
        }

        if (call.IsDryRun)
        {
            await ErrorAsync(context, 412, "DryRunOperation", "Request would have succeeded, but DryRun flag is set.");
            return;
        }

        var body = call.Action switch
        {
            "DescribeKeyPairs" => "<keySet><item><keyName>lab-key</keyName><keyFingerprint>1f:51:ae</keyFingerprint><keyPairId>key-1</keyPairId></item></keySet>",
            "CreateKeyPair" => $"<keyName>{call["KeyName"]}</keyName><keyFingerprint>aa:bb</keyFingerprint><keyMaterial>-----BEGIN RSA PRIVATE KEY-----\nTESTKEY\n-----END RSA PRIVATE KEY-----</keyMaterial><keyPairId>key-2</keyPairId>",
            "ImportKeyPair" => $"<keyName>{call["KeyName"]}</keyName><keyFingerprint>cc:dd</keyFingerprint><keyPairId>key-3</keyPairId>",
            "CreateSecurityGroup" => "<return>true</return><groupId>sg-0123456789abcdef0</groupId>",
            "AuthorizeSecurityGroupIngress" => "<return>true</return>",
            "RunInstances" => RunInstances(call),
            "DescribeInstances" => DescribeInstances(call),
            "TerminateInstances" => TerminateInstances(call),
            _ => null,
        };
        if (body is null)
        {
            await ErrorAsync(context, 400, "InvalidAction", $"The action {call.Action} is not valid for this web service.");
            return;
        }

        context.Response.ContentType = "text/xml;charset=UTF-8";
        await context.Response.WriteAsync($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><{call.Action}Response xmlns=\"{Ns}\"><requestId>{Guid.NewGuid()}</requestId>{body}</{call.Action}Response>");
    }

    private string RunInstances(Ec2Call call)
    {
        var count = int.Parse(call["MinCount"]!, System.Globalization.CultureInfo.InvariantCulture);
        var items = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var id = $"i-{Interlocked.Increment(ref _nextInstance):x17}";
            _states[id] = "pending";
            items.Append($"<item><instanceId>{id}</instanceId><imageId>{call["ImageId"]}</imageId><instanceState><code>0</code><name>pending</name></instanceState><instanceType>{call["InstanceType"]}</instanceType><amiLaunchIndex>{i}</amiLaunchIndex></item>");
        }

        return $"<reservationId>r-0123</reservationId><ownerId>123456789012</ownerId><groupSet/><instancesSet>{items}</instancesSet>";
    }

    private string DescribeInstances(Ec2Call call)
    {
        var items = new StringBuilder();
        foreach (var id in InstanceIds(call))
        {
            var state = _states.GetValueOrDefault(id, "terminated");
            var addresses = state == "running"
                ? $"<privateIpAddress>10.0.0.{Convert.ToInt32(id[^2..], 16)}</privateIpAddress><ipAddress>198.51.100.{Convert.ToInt32(id[^2..], 16)}</ipAddress>"
                : "";
            items.Append($"<item><instanceId>{id}</instanceId><instanceState><code>16</code><name>{state}</name></instanceState>{addresses}</item>");
        }

        return $"<reservationSet><item><reservationId>r-0123</reservationId><ownerId>123456789012</ownerId><instancesSet>{items}</instancesSet></item></reservationSet>";
    }

    private string TerminateInstances(Ec2Call call)
    {
        var items = new StringBuilder();
        foreach (var id in InstanceIds(call))
        {
            _states[id] = "shutting-down";
            items.Append($"<item><instanceId>{id}</instanceId><currentState><code>32</code><name>shutting-down</name></currentState><previousState><code>16</code><name>running</name></previousState></item>");
        }

        return $"<instancesSet>{items}</instancesSet>";
    }

    private static IEnumerable<string> InstanceIds(Ec2Call call) =>
        call.Form.Where(f => f.Key.StartsWith("InstanceId.", StringComparison.Ordinal)).Select(f => f.Value);

    private Failure? TakeFailure(Ec2Call call)
    {
        lock (_failures)
        {
            var failure = _failures.FirstOrDefault(f => f.Action == call.Action && (!call.IsDryRun || f.DryRunToo));
            if (failure is null)
            {
                return null;
            }

            if (failure.Skip-- > 0)
            {
                return null;
            }

            _failures.Remove(failure);
            return failure;
        }
    }

    private static async Task ErrorAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/xml;charset=UTF-8";
        await context.Response.WriteAsync($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Errors><Error><Code>{code}</Code><Message>{SecurityElement.Escape(message)}</Message></Error></Errors><RequestID>{Guid.NewGuid()}</RequestID></Response>");
    }

    private sealed record Failure(string Action, string Code, string Message, int Status, bool DryRunToo)
    {
        public int Skip { get; set; }
    }
}
