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
    private readonly ConcurrentDictionary<string, FakeInstance> _instances = new();
    private readonly ConcurrentDictionary<string, bool> _groups = new();
    private int _nextInstance;

    private Ec2TestEndpoint(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = default!;

    public IReadOnlyList<Ec2Call> Calls => [.. _calls];

    public IReadOnlyList<Ec2Call> CallsOf(string action) => [.. _calls.Where(c => c.Action == action)];

    /// <summary>The state DescribeInstances reports for every instance launched so far (they start <c>pending</c>).</summary>
    public void SetAllStates(string state)
    {
        foreach (var instance in _instances.Values)
        {
            instance.State = state;
        }
    }

    /// <summary>How many DescribeInstances calls still see a terminated instance <c>shutting-down</c> before it is <c>terminated</c>.</summary>
    public int ShuttingDownDescribes { get; set; } = 1;

    /// <summary>Instances as this endpoint holds them, by id: state, security group and tags.</summary>
    public IReadOnlyDictionary<string, FakeInstance> Instances => _instances;

    /// <summary>Security groups created and not deleted.</summary>
    public IReadOnlyCollection<string> Groups => [.. _groups.Keys];

    /// <summary>Makes the next <paramref name="times"/> calls of <paramref name="action"/> fail with <paramref name="code"/>.</summary>
    public void FailTimes(string action, string code, string message, int times)
    {
        for (var i = 0; i < times; i++)
        {
            Fail(action, code, message);
        }
    }

    /// <summary>
    /// The next call of <paramref name="action"/> (after <paramref name="skip"/>) does its work but answers 500,
    /// as when EC2 created the instances and the answer was lost on the way (a timeout, a console stopping).
    /// </summary>
    public void LoseAnswer(string action, int skip = 0)
    {
        lock (_failures)
        {
            _failures.Add(new Failure(action, "InternalError", "An internal error has occurred.", 500, DryRunToo: false, AfterWork: true) { Skip = skip });
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

        var failure = TakeFailure(call);
        if (failure is { AfterWork: false })
        {
            await ErrorAsync(context, failure.Status, failure.Code, failure.Message);
            return;
        }

        if (call.IsDryRun)
        {
            await ErrorAsync(context, 412, "DryRunOperation", "Request would have succeeded, but DryRun flag is set.");
            return;
        }

        (string Code, string Message)? error = null;
        var body = call.Action switch
        {
            "DescribeKeyPairs" => "<keySet><item><keyName>lab-key</keyName><keyFingerprint>1f:51:ae</keyFingerprint><keyPairId>key-1</keyPairId></item></keySet>",
            "CreateKeyPair" => $"<keyName>{call["KeyName"]}</keyName><keyFingerprint>aa:bb</keyFingerprint><keyMaterial>-----BEGIN RSA PRIVATE KEY-----\nTESTKEY\n-----END RSA PRIVATE KEY-----</keyMaterial><keyPairId>key-2</keyPairId>",
            "ImportKeyPair" => $"<keyName>{call["KeyName"]}</keyName><keyFingerprint>cc:dd</keyFingerprint><keyPairId>key-3</keyPairId>",
            "CreateSecurityGroup" => CreateSecurityGroup(),
            "AuthorizeSecurityGroupIngress" => "<return>true</return>",
            "DeleteSecurityGroup" => DeleteSecurityGroup(call, out error),
            "RunInstances" => RunInstances(call),
            "DescribeInstances" => DescribeInstances(call),
            "TerminateInstances" => TerminateInstances(call),
            _ => null,
        };
        if (error is { } refused)
        {
            await ErrorAsync(context, 400, refused.Code, refused.Message);
            return;
        }

        if (body is null)
        {
            await ErrorAsync(context, 400, "InvalidAction", $"The action {call.Action} is not valid for this web service.");
            return;
        }

        if (failure is not null)
        {
            await ErrorAsync(context, failure.Status, failure.Code, failure.Message);
            return;
        }

        context.Response.ContentType = "text/xml;charset=UTF-8";
        await context.Response.WriteAsync($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><{call.Action}Response xmlns=\"{Ns}\"><requestId>{Guid.NewGuid()}</requestId>{body}</{call.Action}Response>");
    }

    private string CreateSecurityGroup()
    {
        const string id = "sg-0123456789abcdef0";
        _groups[id] = true;
        return $"<return>true</return><groupId>{id}</groupId>";
    }

    /// <summary>As EC2: refused with DependencyViolation while any instance in the group is not yet terminated.</summary>
    private string? DeleteSecurityGroup(Ec2Call call, out (string Code, string Message)? error)
    {
        var id = call["GroupId"]!;
        error = null;
        if (!_groups.ContainsKey(id))
        {
            error = ("InvalidGroup.NotFound", $"The security group '{id}' does not exist");
            return null;
        }

        if (_instances.Values.Any(i => i.GroupId == id && i.State != "terminated"))
        {
            error = ("DependencyViolation", $"resource {id} has a dependent object");
            return null;
        }

        _groups.TryRemove(id, out _);
        return "<return>true</return>";
    }

    private string RunInstances(Ec2Call call)
    {
        var count = int.Parse(call["MinCount"]!, System.Globalization.CultureInfo.InvariantCulture);
        var tags = Enumerable.Range(1, 50).Where(n => call[$"TagSpecification.1.Tag.{n}.Key"] is not null)
            .ToDictionary(n => call[$"TagSpecification.1.Tag.{n}.Key"]!, n => call[$"TagSpecification.1.Tag.{n}.Value"] ?? "");
        var items = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var id = $"i-{Interlocked.Increment(ref _nextInstance):x17}";
            _instances[id] = new FakeInstance(id, call["SecurityGroupId.1"], tags) { State = "pending" };
            items.Append($"<item><instanceId>{id}</instanceId><imageId>{call["ImageId"]}</imageId><instanceState><code>0</code><name>pending</name></instanceState><instanceType>{call["InstanceType"]}</instanceType><amiLaunchIndex>{i}</amiLaunchIndex></item>");
        }

        return $"<reservationId>r-0123</reservationId><ownerId>123456789012</ownerId><groupSet/><instancesSet>{items}</instancesSet>";
    }

    /// <summary>By InstanceId.N (an unknown id fails the call, as EC2 does) or by Filter.N (instance-id, instance-state-name, instance.group-id, tag:KEY).</summary>
    private string DescribeInstances(Ec2Call call)
    {
        IEnumerable<FakeInstance> matches;
        var ids = InstanceIds(call).ToList();
        if (ids.Count > 0)
        {
            matches = ids.Select(id => _instances.GetValueOrDefault(id) ?? throw new InvalidOperationException($"The test asked EC2 about unknown instance {id}"));
        }
        else
        {
            matches = _instances.Values.OrderBy(i => i.Id, StringComparer.Ordinal).ToList();
            for (var n = 1; call[$"Filter.{n}.Name"] is { } name; n++)
            {
                var values = call.Form.Where(f => f.Key.StartsWith($"Filter.{n}.Value.", StringComparison.Ordinal)).Select(f => f.Value).ToHashSet();
                matches = matches.Where(i => name switch
                {
                    "instance-id" => values.Contains(i.Id),
                    "instance-state-name" => values.Contains(i.State),
                    "instance.group-id" => i.GroupId is { } group && values.Contains(group),
                    _ when name.StartsWith("tag:", StringComparison.Ordinal) => i.Tags.TryGetValue(name[4..], out var tag) && values.Contains(tag),
                    _ => throw new InvalidOperationException($"The test endpoint does not know filter {name}"),
                }).ToList();
            }
        }

        var items = new StringBuilder();
        foreach (var instance in matches)
        {
            instance.AdvanceShutdown(ShuttingDownDescribes);
            var number = Convert.ToInt32(instance.Id[^2..], 16);
            var addresses = instance.State == "running"
                ? $"<privateIpAddress>10.0.0.{number}</privateIpAddress><ipAddress>198.51.100.{number}</ipAddress>"
                : "";
            var tags = string.Concat(instance.Tags.Select(t => $"<item><key>{SecurityElement.Escape(t.Key)}</key><value>{SecurityElement.Escape(t.Value)}</value></item>"));
            items.Append($"<item><instanceId>{instance.Id}</instanceId><instanceState><code>16</code><name>{instance.State}</name></instanceState>{addresses}<tagSet>{tags}</tagSet></item>");
        }

        return $"<reservationSet><item><reservationId>r-0123</reservationId><ownerId>123456789012</ownerId><instancesSet>{items}</instancesSet></item></reservationSet>";
    }

    private string TerminateInstances(Ec2Call call)
    {
        var items = new StringBuilder();
        foreach (var id in InstanceIds(call))
        {
            if (_instances.TryGetValue(id, out var instance) && instance.State != "terminated")
            {
                instance.State = "shutting-down";
                instance.DescribesSinceTerminate = 0;
            }

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

    private sealed record Failure(string Action, string Code, string Message, int Status, bool DryRunToo, bool AfterWork = false)
    {
        public int Skip { get; set; }
    }
}

/// <summary>An instance the EC2 test endpoint holds: its security group, its tags, and its state.</summary>
public sealed class FakeInstance(string id, string? groupId, IReadOnlyDictionary<string, string> tags)
{
    public string Id { get; } = id;

    public string? GroupId { get; } = groupId;

    public IReadOnlyDictionary<string, string> Tags { get; } = tags;

    public string State { get; set; } = "pending";

    public int DescribesSinceTerminate { get; set; }

    /// <summary>A terminated instance is seen shutting-down by <paramref name="describes"/> DescribeInstances calls, then terminated.</summary>
    public void AdvanceShutdown(int describes)
    {
        if (State == "shutting-down" && DescribesSinceTerminate++ >= describes)
        {
            State = "terminated";
        }
    }
}
