using Amazon.EC2;

namespace MesosConsole.Provisioning.Cloud.Ec2;

/// <summary>Turns EC2's error codes into sentences a gateway admin can act on.</summary>
public static class Ec2Errors
{
    /// <summary>The answer to a DryRun request that would have succeeded.</summary>
    public const string DryRunOperation = "DryRunOperation";

    public static bool IsThrottling(Exception e) =>
        e is AmazonEC2Exception { ErrorCode: "RequestLimitExceeded" or "Throttling" or "ThrottlingException" };

    public static CloudOperationException Explain(AmazonEC2Exception e, string operation)
    {
        var code = e.ErrorCode ?? "Unknown";
        var message = code switch
        {
            "UnauthorizedOperation" =>
                $"These AWS credentials are not allowed to {operation}. Ask your AWS administrator to grant the IAM permission (the cloud said: {e.Message})",
            "AuthFailure" or "InvalidClientTokenId" or "SignatureDoesNotMatch" =>
                "AWS did not accept these credentials: check the access key id and secret, or enter them again.",
            "InsufficientInstanceCapacity" =>
                $"AWS has no spare capacity for this instance type in this region or zone right now. Try another instance type or region, or try again later. ({e.Message})",
            "InstanceLimitExceeded" or "VcpuLimitExceeded" =>
                $"Your AWS account's limit on running instances (vCPUs) in this region would be exceeded. Launch fewer or smaller instances, or ask AWS for a higher quota. ({e.Message})",
            "RequestLimitExceeded" or "Throttling" =>
                "AWS kept throttling the console's calls. Wait a minute and try again.",
            "InvalidAMIID.NotFound" or "InvalidAMIID.Malformed" =>
                $"The image (AMI) was not found in this region: AMI ids differ per region. ({e.Message})",
            "InvalidKeyPair.NotFound" =>
                $"The key pair does not exist in this region. Pick, create or import one. ({e.Message})",
            "InvalidKeyPair.Duplicate" =>
                $"A key pair with this name already exists in this region: pick it, or choose another name. ({e.Message})",
            "InvalidGroup.Duplicate" =>
                $"A security group with this cluster's name already exists: terminate the old cluster or choose another name. ({e.Message})",
            "InvalidParameterValue" or "InvalidParameterCombination" or "Unsupported" =>
                $"AWS rejected a setting: {e.Message}",
            _ => $"EC2 refused to {operation}: {code}: {e.Message}",
        };
        return new CloudOperationException(message, code, e);
    }

    /// <summary>No answer from EC2 at all (network, DNS, missing credentials, timeout).</summary>
    public static CloudOperationException Unreachable(Exception e, string operation) =>
        new($"Could not {operation}: EC2 did not answer ({e.Message}). Check the network and the region.", "Unreachable", e);
}
