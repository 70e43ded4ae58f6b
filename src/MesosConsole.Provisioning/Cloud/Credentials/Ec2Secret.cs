namespace MesosConsole.Provisioning.Cloud.Credentials;

/// <summary>An AWS access key. <see cref="ToString"/> never shows the secret, so a stray log line cannot leak it.</summary>
public sealed record Ec2Secret(string AccessKeyId, string SecretAccessKey)
{
    /// <summary>What the console shows again: the key id's first four and last four characters.</summary>
    public string Summary => AccessKeyId.Length <= 8 ? "…" : $"{AccessKeyId[..4]}…{AccessKeyId[^4..]}";

    public override string ToString() => $"AWS access key {Summary}";
}
