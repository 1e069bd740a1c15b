using Amazon.Runtime.Internal.Endpoints.StandardLibrary;

namespace KafkaRecon.Operator.Aws;

/// <summary>
/// A service's public regional endpoint in the region's partition: <c>amazonaws.com</c> in aws and aws-us-gov,
/// <c>amazonaws.com.cn</c> in aws-cn, <c>c2s.ic.gov</c> in aws-iso and so on. The partition comes from AWSSDK.Core's
/// own partition table (the one its endpoint rules use), so a new partition arrives with an SDK update.
/// </summary>
internal static class AwsPartitionEndpoints
{
    public static Uri ServiceUrl(string endpointPrefix, string region) =>
        new($"https://{endpointPrefix}.{region}.{DnsSuffix(region)}/");

    public static string DnsSuffix(string region) =>
        Fn.Partition(region)?.dnsSuffix is { Length: > 0 } suffix ? suffix : "amazonaws.com";
}
